import type { DType, TensorData } from '../nir/value.js';
import { float16BitsToNumber, numberToFloat16Bits } from '../nir/dtype-codec.js';

/**
 * Numbers written so that reading them back gives the same bits: the shortest decimal that
 * rounds to the same float32 / float16 / float64, integers exactly (BigInts for int64), and
 * `.nan`, `.inf`, `-.inf` for the IEEE specials. Floats always carry a `.` or an exponent, so a
 * reader that types literals by their spelling (metadata) sees a float.
 */

/** A double written as the shortest round-tripping float literal (`1.0`, `0.1`, `1e-7`, `-0.0`, `.nan`). */
export function formatFloat64(value: number): string {
    return floatLiteral(value, String(value));
}

/** The shortest decimal that reads back (rounded to float32) as the same float32 value. */
export function formatFloat32(value: number): string {
    return floatLiteral(value, shortest(value, (x) => Math.fround(x) === value, 9));
}

/** The shortest decimal that reads back (rounded to float16) as the same float16 bit pattern. */
export function formatFloat16Bits(bits: number): string {
    const value = float16BitsToNumber(bits);
    return floatLiteral(value, shortest(value, (x) => numberToFloat16Bits(x) === bits, 5));
}

/** A number written as a float of `dtype` (float16 from its value, not its bits). */
export function formatFloat(value: number, dtype: DType): string {
    if (dtype === 'float32') return formatFloat32(value);
    if (dtype === 'float16') return formatFloat16Bits(numberToFloat16Bits(value));
    return formatFloat64(value);
}

/** Element `i` of a dense array, written for its dtype (`true`/`false` for bool). */
export function formatElement(dtype: DType, data: TensorData, i: number): string {
    const raw = data[i];
    switch (dtype) {
        case 'bool': return raw ? 'true' : 'false';
        case 'float16': return formatFloat16Bits(raw as number);
        case 'float32': return formatFloat32(raw as number);
        case 'float64': return formatFloat64(raw as number);
        default: return String(raw);
    }
}

function shortest(value: number, roundTrips: (x: number) => boolean, maxDigits: number): string {
    if (!Number.isFinite(value) || value === 0) return String(value);
    for (let digits = 1; digits < maxDigits; digits++) {
        const candidate = Number(value.toPrecision(digits));
        if (roundTrips(candidate)) return String(candidate);
    }
    return String(Number(value.toPrecision(maxDigits)));
}

function floatLiteral(value: number, text: string): string {
    if (Number.isNaN(value)) return '.nan';
    if (value === Infinity) return '.inf';
    if (value === -Infinity) return '-.inf';
    if (Object.is(value, -0)) return '-0.0';
    return /[.e]/.test(text) ? text : `${text}.0`;
}
