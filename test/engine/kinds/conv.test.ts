import { describe, expect, it } from 'vitest';
import { ints, str, zerosOf } from '../../helpers/build-nir.js';
import { runRule } from './kind-helpers.js';
import { convShapes } from '../../../engine/src/nir/kinds/conv.js';
import { nirNode } from '../../helpers/build-nir.js';

const conv2d = (weight: number[], extra: Record<string, ReturnType<typeof ints>> = {}) => ({
    weight: zerosOf(weight), bias: zerosOf([weight[0]]), stride: ints([1, 1]), padding: ints([0, 0]), dilation: ints([1, 1]), groups: ints(1), ...extra,
});

describe('Conv2d shape rule', () => {
    it('uses K_h for rows and K_w for columns of a non-square kernel', () => {
        const run = runRule('Conv2d', conv2d([1, 1, 3, 5], { input_shape: ints([10, 10]) }));
        expect(run.input).toEqual([1, 10, 10]);
        expect(run.output).toEqual([1, 8, 6]);
    });

    it('reproduces the reference reader\'s K_h-for-both-axes result only under the reference rule', () => {
        const node = nirNode('Conv2d', conv2d([1, 1, 3, 5], { input_shape: ints([10, 10]) }))('c', '/node/nodes/c');
        expect(convShapes(node, 2, undefined, 'reference').output).toEqual([1, 8, 8]);
    });

    it('counts groups × weight.shape[1] input channels', () => {
        const run = runRule('Conv2d', conv2d([8, 1, 3, 3], { groups: ints(8), input_shape: ints([6, 6]) }));
        expect(run.input).toEqual([8, 6, 6]);
        expect(run.output).toEqual([8, 4, 4]);
        const node = nirNode('Conv2d', conv2d([8, 1, 3, 3], { groups: ints(8), input_shape: ints([6, 6]) }))('c', '/c');
        expect(convShapes(node, 2, undefined, 'reference').input).toEqual([1, 6, 6]);
    });

    it('matches the corpus prim_conv2d: [2,10,12], stride (1,2), padding (1,0) → [3,10,5]', () => {
        const run = runRule('Conv2d', conv2d([3, 2, 3, 3], { stride: ints([1, 2]), padding: ints([1, 0]), input_shape: ints([10, 12]) }));
        expect(run.output).toEqual([3, 10, 5]);
    });

    it('keeps the size with padding same and drops the border with valid', () => {
        const same = runRule('Conv2d', { ...conv2d([2, 1, 3, 3], { input_shape: ints([8, 8]) }), padding: str('same') });
        expect(same.output).toEqual([2, 8, 8]);
        const valid = runRule('Conv2d', { ...conv2d([2, 1, 3, 3], { input_shape: ints([8, 8]) }), padding: str('valid') });
        expect(valid.output).toEqual([2, 6, 6]);
    });

    it('applies dilation and an int stride to both axes', () => {
        const run = runRule('Conv2d', conv2d([4, 2, 3, 3], { stride: ints(2), dilation: ints(2), input_shape: ints([16, 16]) }));
        expect(run.output).toEqual([4, 6, 6]);
    });

    it('infers the spatial size from the incoming shape when input_shape is absent', () => {
        expect(runRule('Conv2d', conv2d([4, 2, 3, 3]), [2, 16, 16]).output).toEqual([4, 14, 14]);
        expect(runRule('Conv2d', conv2d([4, 2, 3, 3])).output).toBeUndefined();
    });

    it('reports an incoming shape of the wrong rank', () => {
        const run = runRule('Conv2d', conv2d([4, 2, 3, 3]), [32]);
        expect(run.problems.map((p) => p.code)).toEqual(['nir/input-rank']);
        expect(run.output).toBeUndefined();
    });

    it('reports a kernel larger than the padded input', () => {
        const run = runRule('Conv2d', conv2d([1, 1, 5, 5], { input_shape: ints([3, 3]) }));
        expect(run.problems.map((p) => p.code)).toEqual(['nir/empty-output']);
        expect(run.input).toEqual([1, 3, 3]);
        expect(run.output).toBeUndefined();
    });

    it('gives no shape for a weight of the wrong rank instead of throwing', () => {
        expect(runRule('Conv2d', conv2d([4, 2, 3])).input).toBeUndefined();
    });
});

describe('Conv1d shape rule', () => {
    const conv1d = { weight: zerosOf([4, 2, 3]), bias: zerosOf([4]), stride: ints(2), padding: ints(1), dilation: ints(1), groups: ints(1) };

    it('reads a scalar input_shape (corpus prim_conv1d: [2,16] → [4,8])', () => {
        const run = runRule('Conv1d', { ...conv1d, input_shape: ints(16) });
        expect(run.input).toEqual([2, 16]);
        expect(run.output).toEqual([4, 8]);
    });

    it('also reads a one-element input_shape and the incoming shape', () => {
        expect(runRule('Conv1d', { ...conv1d, input_shape: ints([16]) }).output).toEqual([4, 8]);
        expect(runRule('Conv1d', conv1d, [2, 16]).output).toEqual([4, 8]);
    });

    it('keeps the length with padding same', () => {
        expect(runRule('Conv1d', { ...conv1d, stride: ints(1), padding: str('same'), input_shape: ints(16) }).output).toEqual([4, 16]);
    });
});
