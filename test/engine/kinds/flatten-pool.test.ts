import { describe, expect, it } from 'vitest';
import { ints } from '../../helpers/build-nir.js';
import { runRule } from './kind-helpers.js';
import { flattenShape } from '../../../engine/src/nir/kinds/flatten.js';

describe('Flatten shape rule', () => {
    it('merges everything with start_dim 0 (corpus prim_flatten: [2,3,4] → [24])', () => {
        const run = runRule('Flatten', { start_dim: ints(0), end_dim: ints(-1), input_type: ints([2, 3, 4]) });
        expect(run.input).toEqual([2, 3, 4]);
        expect(run.output).toEqual([24]);
    });

    it('keeps dimension 0 with start_dim 1, the default', () => {
        expect(runRule('Flatten', { end_dim: ints(-1) }, [2, 3, 4]).output).toEqual([2, 12]);
        expect(runRule('Flatten', {}, [2, 3, 4]).output).toEqual([2, 12]);
    });

    it('counts a negative end_dim from the end', () => {
        expect(runRule('Flatten', { start_dim: ints(0), end_dim: ints(-2) }, [2, 3, 4]).output).toEqual([6, 4]);
        expect(flattenShape([2, 3, 4, 5], -3, -2)).toEqual({ shape: [2, 12, 5] });
    });

    it('prefers the stored input_type over the incoming shape', () => {
        expect(runRule('Flatten', { start_dim: ints(0), input_type: ints([4, 4]) }, [3, 3]).input).toEqual([4, 4]);
    });

    it('reports dims outside the input at the offending parameter', () => {
        const run = runRule('Flatten', { start_dim: ints(1), end_dim: ints(-1) }, [24]);
        expect(run.problems.map((p) => p.code)).toEqual(['nir/flatten-dims']);
        expect(run.problems[0].origin.path).toBe('/node/nodes/n/start_dim');
        expect(run.output).toBeUndefined();
        expect(flattenShape([2, 3], 1, 0)).toMatchObject({ param: 'start_dim' });
        expect(flattenShape([2, 3], 0, 5)).toMatchObject({ param: 'end_dim' });
    });
});

describe('pooling shape rule', () => {
    const pool = { kernel_size: ints([2, 2]), stride: ints([2, 2]), padding: ints([0, 0]) };

    it('has no shape outside a graph and pools the incoming [C,H,W] inside one', () => {
        expect(runRule('SumPool2d', pool).output).toBeUndefined();
        expect(runRule('SumPool2d', pool, [2, 8, 8]).output).toEqual([2, 4, 4]);
        expect(runRule('AvgPool2d', pool, [2, 8, 8]).output).toEqual([2, 4, 4]);
    });

    it('uses per-axis kernel, stride and padding', () => {
        const run = runRule('SumPool2d', { kernel_size: ints([3, 2]), stride: ints([1, 2]), padding: ints([1, 0]) }, [1, 10, 10]);
        expect(run.output).toEqual([1, 10, 5]);
    });

    it('reports a non-3-D input and a window larger than the input', () => {
        expect(runRule('SumPool2d', pool, [64]).problems.map((p) => p.code)).toEqual(['nir/input-rank']);
        expect(runRule('SumPool2d', { ...pool, kernel_size: ints([4, 4]) }, [1, 2, 2]).problems.map((p) => p.code)).toEqual(['nir/empty-output']);
    });
});
