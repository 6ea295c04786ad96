import type { DType, TensorData } from './value.js';

/**
 * Element storage per dtype: which typed array holds a dtype's elements, the integer ranges, and
 * float16 conversion (float16 elements are kept as their raw IEEE binary16 bits in a Uint16Array).
 * `bool` is stored as 0/1 in a Uint8Array.
 */

/** Bytes per element of each dtype. */
export const DTYPE_BYTES: Readonly<Record<DType, number>> = {
    bool: 1, int8: 1, int16: 2, int32: 4, int64: 8, uint8: 1, uint16: 2, uint32: 4, uint64: 8,
    float16: 2, float32: 4, float64: 8,
};

/** A fresh zero-filled typed array of `length` elements for `dtype`. */
export function allocateTensorData(dtype: DType, length: number): TensorData {
    switch (dtype) {
        case 'bool': case 'uint8': return new Uint8Array(length);
        case 'int8': return new Int8Array(length);
        case 'int16': return new Int16Array(length);
        case 'int32': return new Int32Array(length);
        case 'int64': return new BigInt64Array(length);
        case 'uint16': case 'float16': return new Uint16Array(length);
        case 'uint32': return new Uint32Array(length);
        case 'uint64': return new BigUint64Array(length);
        case 'float32': return new Float32Array(length);
        case 'float64': return new Float64Array(length);
    }
}

/** True for the dtypes whose elements are BigInts in their typed array. */
export function isBigIntDType(dtype: DType): boolean {
    return dtype === 'int64' || dtype === 'uint64';
}

/** The inclusive range of an integer dtype (`bool` is 0..1); undefined for float dtypes. */
export function integerRange(dtype: DType): { readonly min: bigint; readonly max: bigint } | undefined {
    switch (dtype) {
        case 'bool': return { min: 0n, max: 1n };
        case 'int8': return { min: -(2n ** 7n), max: 2n ** 7n - 1n };
        case 'int16': return { min: -(2n ** 15n), max: 2n ** 15n - 1n };
        case 'int32': return { min: -(2n ** 31n), max: 2n ** 31n - 1n };
        case 'int64': return { min: -(2n ** 63n), max: 2n ** 63n - 1n };
        case 'uint8': return { min: 0n, max: 2n ** 8n - 1n };
        case 'uint16': return { min: 0n, max: 2n ** 16n - 1n };
        case 'uint32': return { min: 0n, max: 2n ** 32n - 1n };
        case 'uint64': return { min: 0n, max: 2n ** 64n - 1n };
        default: return undefined;
    }
}

/**
 * Reads element `i` as a plain value: a number for every dtype but int64/uint64 (BigInt), with
 * float16 decoded from its bits.
 */
export function readElement(dtype: DType, data: TensorData, i: number): number | bigint {
    const raw = data[i];
    return dtype === 'float16' ? float16BitsToNumber(raw as number) : raw;
}

/** Reads element `i` as a number (int64/uint64 beyond 2^53 are rounded). */
export function readElementAsNumber(dtype: DType, data: TensorData, i: number): number {
    return Number(readElement(dtype, data, i));
}

/**
 * Writes a number into element `i`, converting it the way numpy's `astype` does for in-range
 * values: float32 rounds to nearest, float16 rounds to nearest even, integers truncate toward zero.
 */
export function writeElement(dtype: DType, data: TensorData, i: number, value: number): void {
    if (dtype === 'float16') (data as Uint16Array)[i] = numberToFloat16Bits(value);
    else if (isBigIntDType(dtype)) (data as BigInt64Array)[i] = BigInt(Math.trunc(value));
    else if (dtype === 'bool') (data as Uint8Array)[i] = value !== 0 ? 1 : 0;
    else (data as Float64Array)[i] = value;
}

/** The value of an IEEE binary16 bit pattern (exact in a double). */
export function float16BitsToNumber(bits: number): number {
    const sign = bits & 0x8000 ? -1 : 1;
    const exponent = (bits >> 10) & 0x1f;
    const fraction = bits & 0x3ff;
    if (exponent === 0) return sign * fraction * 2 ** -24;
    if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
    return sign * (1024 + fraction) * 2 ** (exponent - 25);
}

/**
 * The IEEE binary16 bits nearest to a number (round to nearest, ties to even; overflow gives ±inf,
 * NaN gives the canonical quiet NaN 0x7e00). Rounds from the double directly, not via float32.
 */
export function numberToFloat16Bits(value: number): number {
    if (Number.isNaN(value)) return 0x7e00;
    const sign = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
    const magnitude = Math.abs(value);
    if (magnitude === Infinity) return sign | 0x7c00;
    if (magnitude < 2 ** -14) {
        // Subnormal (or zero): units of 2^-24, rounded to nearest even.
        return sign | roundHalfEven(magnitude * 2 ** 24);
    }
    let exponent = Math.floor(Math.log2(magnitude));
    if (2 ** exponent > magnitude) exponent -= 1; // guard log2 rounding
    if (2 ** (exponent + 1) <= magnitude) exponent += 1;
    let mantissa = roundHalfEven((magnitude / 2 ** exponent - 1) * 1024);
    if (mantissa === 1024) {
        mantissa = 0;
        exponent += 1;
    }
    if (exponent > 15) return sign | 0x7c00;
    return sign | ((exponent + 15) << 10) | mantissa;
}

function roundHalfEven(x: number): number {
    const floor = Math.floor(x);
    const rest = x - floor;
    if (rest > 0.5) return floor + 1;
    if (rest < 0.5) return floor;
    return floor % 2 === 0 ? floor : floor + 1;
}
