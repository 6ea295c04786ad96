import type { Node as YamlNode } from 'yaml';
import type { DType, TensorData } from '../nir/value.js';
import type { Origin } from '../nir/origin.js';
import { allocateTensorData, float16BitsToNumber, integerRange, isBigIntDType, numberToFloat16Bits } from '../nir/dtype-codec.js';
import { describeNode, type SpecContext } from './spec-context.js';
import { isScalar } from './yaml-ast.js';
import { literalToBigInt, literalToNumber, readNumberLiteral, type NumberLiteral } from './number-literal.js';

/**
 * Converting number literals to a dtype's elements, with the checks numpy would not make:
 * integers must be whole and in range (`spec/value-out-of-range`, an error), finite floats that
 * overflow float32/float16 become infinities (a warning), and anything that is not a number is
 * `spec/bad-element`.
 */

/** A literal converted to one element: a double, or a BigInt for int64/uint64. */
export type Element = number | bigint;

/**
 * Converts one literal to `dtype`, reporting at `origin` when it does not fit. Returns undefined
 * after an error.
 */
export function literalToElement(ctx: SpecContext, literal: NumberLiteral, dtype: DType, origin: Origin): Element | undefined {
    const range = integerRange(dtype);
    if (range) {
        const whole = literalToBigInt(literal);
        if (whole === undefined) {
            ctx.report({ code: 'spec/value-out-of-range', message: `${dtype} elements must be whole numbers; ${literalToNumber(literal)} is not.`, origin });
            return undefined;
        }
        if (whole < range.min || whole > range.max) {
            ctx.report({ code: 'spec/value-out-of-range', message: `${whole} does not fit in ${dtype} (${range.min} to ${range.max}).`, origin });
            return undefined;
        }
        return isBigIntDType(dtype) ? whole : Number(whole);
    }
    const value = literalToNumber(literal);
    const rounded = dtype === 'float32' ? Math.fround(value) : dtype === 'float16' ? float16Value(value) : value;
    if (Number.isFinite(value) && !Number.isFinite(rounded)) {
        ctx.report({ code: 'spec/value-out-of-range', severity: 'warning', message: `${value} is too large for ${dtype} and becomes ${rounded > 0 ? '' : '-'}infinity.`, origin });
    }
    return rounded;
}

/** Encodes the leaves of a list as a dense array of `dtype`; reports and returns undefined on the first bad element. */
export function encodeLeaves(ctx: SpecContext, leaves: readonly YamlNode[], dtype: DType, origin: Origin): TensorData | undefined {
    const data = allocateTensorData(dtype, leaves.length);
    const plainFloats = dtype === 'float32' || dtype === 'float64';
    for (let i = 0; i < leaves.length; i++) {
        const leaf = leaves[i];
        // Fast path: a float element needs no look at its spelling unless it overflows float32.
        const value = plainFloats && isScalar(leaf) ? leaf.value : undefined;
        if (typeof value === 'number' && (dtype === 'float64' || Number.isFinite(Math.fround(value)) || !Number.isFinite(value))) {
            (data as Float64Array)[i] = value;
            continue;
        }
        const leafOrigin = { ...origin, span: ctx.span(leaf) ?? origin.span };
        const literal = readNumberLiteral(ctx, leaf);
        if (!literal) {
            ctx.report({ code: 'spec/bad-element', message: `Array elements must be numbers; found ${describeNode(leaf)}.`, origin: leafOrigin });
            return undefined;
        }
        const element = literalToElement(ctx, literal, dtype, leafOrigin);
        if (element === undefined) return undefined;
        storeElement(dtype, data, i, element);
    }
    return data;
}

/** Stores a converted element (float16 as its bits). */
export function storeElement(dtype: DType, data: TensorData, i: number, element: Element): void {
    if (dtype === 'float16') (data as Uint16Array)[i] = numberToFloat16Bits(element as number);
    else (data as Float64Array | BigInt64Array)[i] = element as never;
}

/** A number rounded to the nearest float16 value. */
function float16Value(value: number): number {
    return float16BitsToNumber(numberToFloat16Bits(value));
}
