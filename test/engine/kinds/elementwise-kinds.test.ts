import { describe, expect, it } from 'vitest';
import { ints, zerosOf } from '../../helpers/build-nir.js';
import { runRule } from './kind-helpers.js';
import { NIR_NODE_KINDS } from '../../../engine/src/nir/kinds/index.js';
import { nirGraph, nirNode } from '../../helpers/build-nir.js';

describe('the NIR node kinds', () => {
    it('registers the 19 NIR 1.0 types, each documented', () => {
        expect(NIR_NODE_KINDS.map((k) => k.id).sort()).toEqual([
            'Affine', 'AvgPool2d', 'Conv1d', 'Conv2d', 'CubaLI', 'CubaLIF', 'Delay', 'Flatten', 'I', 'IF', 'Input',
            'LI', 'LIF', 'Linear', 'NIRGraph', 'Output', 'Scale', 'SumPool2d', 'Threshold',
        ]);
        for (const kind of NIR_NODE_KINDS) {
            expect(kind.summary.length, kind.id).toBeGreaterThan(10);
            expect(kind.shapeRule.length, kind.id).toBeGreaterThan(10);
            for (const param of kind.params) expect(param.doc.length, `${kind.id}.${param.name}`).toBeGreaterThan(10);
        }
    });

    it('describes the legacy defaults: v_reset 0, w_in 1', () => {
        const param = (kind: string, name: string) => NIR_NODE_KINDS.find((k) => k.id === kind)?.params.find((p) => p.name === name);
        for (const kind of ['LIF', 'IF', 'CubaLIF']) expect(param(kind, 'v_reset')).toMatchObject({ required: false, defaultValue: 0, legacy: true });
        for (const kind of ['CubaLI', 'CubaLIF']) expect(param(kind, 'w_in')).toMatchObject({ required: false, defaultValue: 1, legacy: true });
        expect(param('Flatten', 'start_dim')).toMatchObject({ required: false, defaultValue: 1 });
        expect(param('LIF', 'tau')).toMatchObject({ required: true, unit: 'ms' });
    });

    it('marks neurons and Delay stateful and weight nodes instantaneous', () => {
        const stateful = NIR_NODE_KINDS.filter((k) => k.stateful).map((k) => k.id).sort();
        expect(stateful).toEqual(['CubaLI', 'CubaLIF', 'Delay', 'I', 'IF', 'LI', 'LIF']);
    });
});

describe('element-wise shape rules', () => {
    it('takes the neuron shape from its parameters', () => {
        expect(runRule('LIF', { tau: zerosOf([8]), r: zerosOf([8]), v_leak: zerosOf([8]), v_threshold: zerosOf([8]) }).output).toEqual([8]);
        expect(runRule('CubaLIF', { v_threshold: zerosOf([2, 3]), tau_syn: zerosOf([2, 3]) }).input).toEqual([2, 3]);
        expect(runRule('I', {}).output).toBeUndefined();
    });

    it('takes Scale, Delay and Threshold shapes from their one parameter', () => {
        expect(runRule('Scale', { scale: [0.5, 1, 2] }).output).toEqual([3]);
        expect(runRule('Delay', { delay: zerosOf([3]) }).input).toEqual([3]);
        expect(runRule('Threshold', { threshold: [0.1, 0.2] }).output).toEqual([2]);
    });

    it('maps Affine and Linear [..., out, in] weights', () => {
        expect(runRule('Affine', { weight: zerosOf([8, 4]), bias: zerosOf([8]) })).toMatchObject({ input: [4], output: [8] });
        expect(runRule('Linear', { weight: zerosOf([2, 8, 4]) })).toMatchObject({ input: [2, 4], output: [2, 8] });
        expect(runRule('Linear', { weight: zerosOf([4]) }).input).toBeUndefined();
    });

    it('gives Input and Output their shape', () => {
        expect(runRule('Input', { shape: ints([2, 34, 34]) })).toMatchObject({ input: [2, 34, 34], output: [2, 34, 34] });
        expect(runRule('Output', { shape: ints([-1]) }).output).toBeUndefined();
    });

    it('gives a single-port NIRGraph its Input and Output shapes', () => {
        const kind = NIR_NODE_KINDS.find((k) => k.id === 'NIRGraph')!;
        const graph = nirGraph({ a: nirNode('Input', { shape: ints([3]) }), b: nirNode('Output', { shape: ints([5]) }) }, [])('g', '/g');
        expect(kind.shapes(graph, { report: () => undefined })).toEqual({ input: [3], output: [5] });
        const twoInputs = nirGraph({ a: nirNode('Input', { shape: ints([3]) }), c: nirNode('Input', { shape: ints([3]) }) }, [])('g', '/g');
        expect(kind.shapes(twoInputs, { report: () => undefined }).input).toBeUndefined();
    });
});
