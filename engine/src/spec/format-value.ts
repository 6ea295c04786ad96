import type { DType, Generator, NirValue, Tensor, TensorData } from '../nir/value.js';
import { elementCount } from '../nir/value.js';
import { isBigIntDType, readElement } from '../nir/dtype-codec.js';
import { formatElement, formatFloat, formatFloat64 } from './format-number.js';

/**
 * Values written as YAML text: tensors in the most compact form that reads back identically
 * (a bare number, a list, `{shape, data: x}` for all-equal arrays, `{shape, <generator>}`),
 * strings quoted only when a plain scalar would read differently.
 */

/** A value as YAML: one line of flow text, or block lines to indent under the key. */
export type YamlText = { readonly inline: string } | { readonly block: readonly string[] };

/** Arrays with at most this many elements are written on one line. */
const INLINE_ELEMENTS = 16;

const PLAIN = /^[A-Za-z_][A-Za-z0-9_.\-/ ]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n)$/i;

/** A string as a plain scalar when that reads back as the same string, else double-quoted. */
export function formatString(value: string): string {
    const plain = PLAIN.test(value) && !RESERVED.test(value) && !/\s$/.test(value);
    return plain ? value : JSON.stringify(value);
}

/** How a tensor is written: the dtype its reader assumes, and whether a bare scalar would broadcast. */
export interface TensorStyle {
    /** The dtype that may be left out (the reader's default there), or undefined when `dtype` is always written. */
    readonly defaultDType?: DType;
    /** True when a bare number or `{data: x}` without `shape` is broadcast (tensor parameters). */
    readonly broadcasts: boolean;
    /** True when an all-equal array may become `{shape, data: x}` (a recipe when read back). */
    readonly compact: boolean;
}

/** A tensor in the most compact form that reads back with the same dtype, shape and values. */
export function formatTensor(tensor: Tensor, style: TensorStyle): YamlText {
    const fields: string[] = [];
    if (tensor.dtype !== style.defaultDType) fields.push(`dtype: ${tensor.dtype}`);
    const shape = `shape: [${tensor.shape.join(', ')}]`;
    if (tensor.source.kind === 'generated') {
        return { inline: `{${[...fields, shape, formatGenerator(tensor.source.generator, tensor.dtype)].join(', ')}}` };
    }
    const data = tensor.source.data;
    const count = elementCount(tensor.shape);
    if (count === 0) return { inline: `{${[...fields, shape, 'data: []'].join(', ')}}` };
    if (tensor.shape.length === 0) {
        const scalar = formatElement(tensor.dtype, data, 0);
        if (fields.length === 0 && !style.broadcasts) return { inline: scalar };
        return { inline: `{${[...fields, ...(style.broadcasts ? [shape] : []), `data: ${scalar}`].join(', ')}}` };
    }
    if (style.compact && count >= 3 && allEqualAndExact(tensor.dtype, data)) {
        return { inline: `{${[...fields, shape, `data: ${formatElement(tensor.dtype, data, 0)}`].join(', ')}}` };
    }
    const list = formatList(tensor.dtype, data, tensor.shape);
    if (fields.length === 0) return list;
    if ('inline' in list) return { inline: `{${fields.join(', ')}, data: ${list.inline}}` };
    return { block: [...fields, 'data:', ...list.block.map((line) => `  ${line}`)] };
}

/** A generator as its YAML key and arguments (`normal: {mean: 0.0, std: 0.5, seed: 1}`). */
export function formatGenerator(generator: Generator, dtype: DType): string {
    switch (generator.kind) {
        case 'zeros': case 'ones': return `${generator.kind}: true`;
        case 'constant': case 'one_to_one': return `${generator.kind}: ${formatScalar(generator.value, dtype)}`;
        case 'uniform': return `uniform: {low: ${formatFloat64(generator.low)}, high: ${formatFloat64(generator.high)}, seed: ${generator.seed}}`;
        case 'normal': return `normal: {mean: ${formatFloat64(generator.mean)}, std: ${formatFloat64(generator.std)}, seed: ${generator.seed}}`;
        case 'fixed_probability': {
            const weight = generator.weight.kind === 'constant' ? formatScalar(generator.weight.value, dtype) : `{${formatGenerator(generator.weight, dtype)}}`;
            return `fixed_probability: {p: ${formatFloat64(generator.p)}, weight: ${weight}, seed: ${generator.seed}}`;
        }
    }
}

/** A number already converted to `dtype`, written for it. */
export function formatScalar(value: number, dtype: DType): string {
    if (dtype === 'bool') return value ? 'true' : 'false';
    return dtype.startsWith('float') ? formatFloat(value, dtype) : String(value);
}

/** A dense array as a flow list (small or 1-D) or as block rows. */
export function formatList(dtype: DType, data: TensorData, shape: readonly number[]): YamlText {
    if (shape.length <= 1 || data.length <= INLINE_ELEMENTS) return { inline: flowList(dtype, data, shape, 0, 0) };
    return { block: blockRows(dtype, data, shape, 0, 0) };
}

function flowList(dtype: DType, data: TensorData, shape: readonly number[], axis: number, start: number): string {
    const length = shape[axis];
    const stride = elementCount(shape.slice(axis + 1));
    const items: string[] = [];
    for (let i = 0; i < length; i++) {
        items.push(axis === shape.length - 1 ? formatElement(dtype, data, start + i) : flowList(dtype, data, shape, axis + 1, start + i * stride));
    }
    return `[${items.join(', ')}]`;
}

function blockRows(dtype: DType, data: TensorData, shape: readonly number[], axis: number, start: number): string[] {
    if (axis === shape.length - 1) return [flowList(dtype, data, shape, axis, start)];
    const stride = elementCount(shape.slice(axis + 1));
    const lines: string[] = [];
    for (let i = 0; i < shape[axis]; i++) {
        const rows = blockRows(dtype, data, shape, axis + 1, start + i * stride);
        lines.push(`- ${rows[0]}`, ...rows.slice(1).map((row) => `  ${row}`));
    }
    return lines;
}

/** True when every element is the same (NaNs and signed zeros compared exactly) and a double holds it. */
function allEqualAndExact(dtype: DType, data: TensorData): boolean {
    const first = readElement(dtype, data, 0);
    if (isBigIntDType(dtype) && BigInt(Number(first)) !== first) return false;
    for (let i = 1; i < data.length; i++) if (!Object.is(readElement(dtype, data, i), first)) return false;
    return true;
}

/** True when a value is a tensor. */
export function isTensor(value: NirValue): value is Tensor {
    return value.kind === 'tensor';
}
