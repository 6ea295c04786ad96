import { describe, expect, it } from 'vitest';
import type { Generator, Tensor, DType } from '../../../engine/src/index.js';
import { elementValue, fixedProbabilityRow, materializeTensor, tensorNonZeroCount } from '../../../engine/src/nir/materialize.js';
import { float16BitsToNumber, numberToFloat16Bits } from '../../../engine/src/nir/dtype-codec.js';

function generated(generator: Generator, shape: number[], dtype: DType = 'float32'): Tensor {
    return { kind: 'tensor', dtype, shape, source: { kind: 'generated', generator }, origin: { path: '/t' } };
}

function numbers(tensor: Tensor): number[] {
    const result = materializeTensor(tensor);
    if (!result.data) throw new Error(result.error);
    return Array.from(result.data as ArrayLike<number | bigint>, Number);
}

describe('materializeTensor', () => {
    it('returns a dense tensor own array', () => {
        const data = new Float32Array([1, 0, 2]);
        const tensor: Tensor = { kind: 'tensor', dtype: 'float32', shape: [3], source: { kind: 'dense', data }, origin: { path: '/t' } };
        expect(materializeTensor(tensor).data).toBe(data);
        expect(tensorNonZeroCount(tensor)).toBe(2);
    });

    it('fills constants in the tensor dtype', () => {
        expect(numbers(generated({ kind: 'constant', value: 0.1 }, [2]))).toEqual([Math.fround(0.1), Math.fround(0.1)]);
        expect(numbers(generated({ kind: 'ones' }, [2, 2], 'int64'))).toEqual([1, 1, 1, 1]);
        expect(numbers(generated({ kind: 'zeros' }, [3], 'uint8'))).toEqual([0, 0, 0]);
        expect(numbers(generated({ kind: 'constant', value: 1 }, [1], 'float16'))).toEqual([0x3c00]);
    });

    it('draws the same uniform numbers every time, pinned to fixed values', () => {
        const tensor = generated({ kind: 'uniform', low: -1, high: 1, seed: 42 }, [10000], 'float64');
        const a = numbers(tensor);
        expect(numbers(tensor)).toEqual(a);
        expect(a.every((x) => x >= -1 && x < 1)).toBe(true);
        const mean = a.reduce((s, x) => s + x, 0) / a.length;
        expect(Math.abs(mean)).toBeLessThan(0.03);
        // Pinned: a change here changes every generated network.
        expect(a.slice(0, 3)).toEqual(PINNED_UNIFORM);
        expect(elementValue({ kind: 'uniform', low: -1, high: 1, seed: 42 }, 2)).toBe(a[2]);
        expect(numbers(generated({ kind: 'uniform', low: -1, high: 1, seed: 43 }, [3], 'float64'))).not.toEqual(a.slice(0, 3));
    });

    it('draws normal numbers with the requested mean and std', () => {
        const a = numbers(generated({ kind: 'normal', mean: 2, std: 0.5, seed: 7 }, [20000], 'float64'));
        const mean = a.reduce((s, x) => s + x, 0) / a.length;
        const std = Math.sqrt(a.reduce((s, x) => s + (x - mean) ** 2, 0) / a.length);
        expect(Math.abs(mean - 2)).toBeLessThan(0.02);
        expect(Math.abs(std - 0.5)).toBeLessThan(0.02);
        expect(a.slice(0, 2)).toEqual(PINNED_NORMAL);
    });

    it('builds fixed_probability rows independently, matching the dense matrix and the weight recipe', () => {
        const weight: Generator = { kind: 'normal', mean: 0, std: 1, seed: 5 };
        const generator = { kind: 'fixed_probability', p: 0.1, weight, seed: 9 } as const;
        const [rows, cols] = [200, 300];
        const dense = numbers(generated(generator, [rows, cols], 'float64'));
        let nnz = 0;
        for (let r = 0; r < rows; r++) {
            const row = fixedProbabilityRow(generator, r, cols);
            nnz += row.columns.length;
            for (let k = 0; k < row.columns.length; k++) {
                expect(dense[r * cols + row.columns[k]]).toBe(row.values[k]);
                expect(row.values[k]).toBe(elementValue(weight, r * cols + row.columns[k]));
            }
        }
        expect(dense.filter((x) => x !== 0).length).toBe(nnz);
        expect(Math.abs(nnz / (rows * cols) - 0.1)).toBeLessThan(0.01);
        expect(tensorNonZeroCount(generated(generator, [rows, cols]))).toBeCloseTo(rows * cols * 0.1);
        expect(fixedProbabilityRow({ ...generator, p: 1 }, 0, 5).columns).toEqual([0, 1, 2, 3, 4]);
        expect(fixedProbabilityRow({ ...generator, p: 0 }, 0, 5).columns).toEqual([]);
    });

    it('counts non-zeros of huge procedural tensors without materialising them', () => {
        const huge = [1_000_000, 1_000_000];
        expect(tensorNonZeroCount(generated({ kind: 'fixed_probability', p: 0.001, weight: { kind: 'constant', value: 1 }, seed: 1 }, huge))).toBeCloseTo(1e9);
        expect(tensorNonZeroCount(generated({ kind: 'one_to_one', value: 2 }, huge))).toBe(1_000_000);
        expect(tensorNonZeroCount(generated({ kind: 'zeros' }, huge))).toBe(0);
        expect(materializeTensor(generated({ kind: 'zeros' }, huge)).error).toMatch(/more than the 134217728/);
    });

    it('puts one_to_one on the diagonal', () => {
        expect(numbers(generated({ kind: 'one_to_one', value: 3 }, [3, 3]))).toEqual([3, 0, 0, 0, 3, 0, 0, 0, 3]);
    });
});

describe('float16 conversion', () => {
    it('round-trips every float16 bit pattern (NaNs to the canonical NaN)', () => {
        for (let bits = 0; bits < 0x10000; bits++) {
            const value = float16BitsToNumber(bits);
            const back = numberToFloat16Bits(value);
            if (Number.isNaN(value)) expect(back).toBe(0x7e00);
            else expect(back).toBe(bits);
        }
    });

    it('rounds to nearest even and overflows to infinity', () => {
        expect(numberToFloat16Bits(1 + 2 ** -11)).toBe(0x3c00); // halfway: to even
        expect(numberToFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
        expect(numberToFloat16Bits(65520)).toBe(0x7c00);
        expect(numberToFloat16Bits(65519)).toBe(0x7bff);
        expect(numberToFloat16Bits(2 ** -25)).toBe(0); // halfway to the smallest subnormal: to even
        expect(numberToFloat16Bits(-0)).toBe(0x8000);
    });
});

const PINNED_UNIFORM = [0.8941840355948487, -0.2832668589101932, -0.13715779075860568];
const PINNED_NORMAL = [1.2075008614965346, 1.6382079435117838];
