import type { Generator, NirValue, Tensor } from '../nir/value.js';
import { elementCount } from '../nir/value.js';
import { readElementAsNumber } from '../nir/dtype-codec.js';

/** A function giving element `i` (row-major) of a dense tensor as a number. */
export type ElementReader = (i: number) => number;

/** Reads a dense tensor's elements as numbers; undefined for generated tensors. */
export function denseReader(tensor: Tensor): ElementReader | undefined {
    if (tensor.source.kind !== 'dense') return undefined;
    const { data } = tensor.source;
    if (data instanceof Float32Array || data instanceof Float64Array) return (i) => data[i];
    const dtype = tensor.dtype;
    return (i) => readElementAsNumber(dtype, data, i);
}

/**
 * A dense tensor's elements as an indexable list of numbers: the typed array itself when its
 * elements already are plain numbers, else (int64, uint64, float16) a converted copy.
 */
export function numericView(tensor: Tensor): ArrayLike<number> | undefined {
    if (tensor.source.kind !== 'dense') return undefined;
    const { data } = tensor.source;
    if (!(data instanceof BigInt64Array || data instanceof BigUint64Array) && tensor.dtype !== 'float16') return data;
    const read = denseReader(tensor);
    if (!read) return undefined;
    return Float64Array.from({ length: data.length }, (_, i) => read(i));
}

/** The value of a tensor parameter when it is a tensor, else undefined. */
export function asTensor(value: NirValue | undefined): Tensor | undefined {
    return value?.kind === 'tensor' ? value : undefined;
}

/**
 * The single number a tensor holds: a 0-d or one-element dense tensor, or a constant-valued
 * generator. Undefined for anything else (arrays, random generators, strings).
 */
export function scalarOf(value: NirValue | undefined): number | undefined {
    const tensor = asTensor(value);
    if (!tensor) return undefined;
    if (tensor.source.kind === 'generated') {
        const g = tensor.source.generator;
        if (g.kind === 'zeros') return 0;
        if (g.kind === 'ones') return 1;
        if (g.kind === 'constant') return g.value;
        return undefined;
    }
    if (elementCount(tensor.shape) !== 1) return undefined;
    return denseReader(tensor)?.(0);
}

/** The numbers of a small dense tensor (a shape, a stride pair), or undefined. */
export function numbersOf(value: NirValue | undefined, maxLength = 16): number[] | undefined {
    const tensor = asTensor(value);
    if (!tensor) return undefined;
    const n = elementCount(tensor.shape);
    if (n > maxLength) return undefined;
    if (tensor.source.kind === 'generated') {
        const s = scalarOf(tensor);
        return s === undefined ? undefined : Array.from({ length: n }, () => s);
    }
    const read = denseReader(tensor);
    return read ? Array.from({ length: n }, (_, i) => read(i)) : undefined;
}

/**
 * The smallest and largest element of a tensor without materialising it: a scan of dense data,
 * or the generator's bounds (a normal distribution's ±4σ, which 99.99% of draws respect).
 */
export function tensorRange(tensor: Tensor): { min: number; max: number } | undefined {
    if (tensor.source.kind === 'dense') {
        const values = numericView(tensor);
        if (!values || values.length === 0) return undefined;
        let min = Infinity;
        let max = -Infinity;
        for (let i = 0; i < values.length; i++) {
            const v = values[i];
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return { min, max };
    }
    return generatorRange(tensor.source.generator);
}

function generatorRange(g: Generator): { min: number; max: number } {
    switch (g.kind) {
        case 'zeros': return { min: 0, max: 0 };
        case 'ones': return { min: 1, max: 1 };
        case 'constant': return { min: g.value, max: g.value };
        case 'uniform': return { min: Math.min(g.low, g.high), max: Math.max(g.low, g.high) };
        case 'normal': return { min: g.mean - 4 * Math.abs(g.std), max: g.mean + 4 * Math.abs(g.std) };
        case 'one_to_one': return { min: Math.min(0, g.value), max: Math.max(0, g.value) };
        case 'fixed_probability': {
            const inner = generatorRange(g.weight);
            return { min: Math.min(0, inner.min), max: Math.max(0, inner.max) };
        }
    }
}
