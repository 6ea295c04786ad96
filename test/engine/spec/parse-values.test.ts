import { describe, expect, it } from 'vitest';
import type { NirNode, NirValue, Tensor } from '../../../engine/src/index.js';
import { graph, marked, npyBytes, parse } from './helpers.js';

function nodeOf(text: string, name: string): NirNode {
    const result = parse(text);
    expect(result.problems).toEqual([]);
    const node = result.document?.root.nodes?.get(name);
    if (!node) throw new Error(`no node ${name}`);
    return node;
}

function tensor(value: NirValue | undefined): Tensor {
    if (value?.kind !== 'tensor') throw new Error(`not a tensor: ${JSON.stringify(value)}`);
    return value;
}

function dense(value: NirValue | undefined): unknown[] {
    const t = tensor(value);
    if (t.source.kind !== 'dense') throw new Error('not dense');
    return Array.from(t.source.data as ArrayLike<unknown>);
}

describe('parseSpec values', () => {
    it('reads a nested list as a float32 array with its shape and span', () => {
        const { text, spans } = marked(graph('    fc: {type: Linear, «weight»: «[[1, 2, 3], [4, 5, 6]]»}\n'));
        const weight = tensor(nodeOf(text, 'fc').params.get('weight'));
        expect(weight.dtype).toBe('float32');
        expect(weight.shape).toEqual([2, 3]);
        expect(dense(weight)).toEqual([1, 2, 3, 4, 5, 6]);
        expect(weight.origin).toEqual({ path: '/node/nodes/fc/weight', keySpan: spans[0], span: spans[1] });
    });

    it('broadcasts a scalar to the node shape as a constant recipe', () => {
        const text = graph('    lif: {type: LIF, shape: [1000000], tau: 0.02, r: 1, v_leak: 0, v_threshold: 1}\n');
        const tau = tensor(nodeOf(text, 'lif').params.get('tau'));
        expect(tau.shape).toEqual([1000000]);
        expect(tau.dtype).toBe('float32');
        expect(tau.source).toEqual({ kind: 'generated', generator: { kind: 'constant', value: Math.fround(0.02) } });
        expect(nodeOf(text, 'lif').params.has('shape')).toBe(false);
    });

    it('takes the element shape from another full parameter when the node has no shape key', () => {
        const lif = nodeOf(graph('    lif: {type: LIF, tau: [0.1, 0.2, 0.3], r: 1, v_leak: 0, v_threshold: 1}\n'), 'lif');
        expect(tensor(lif.params.get('r')).shape).toEqual([3]);
        expect(tensor(lif.params.get('tau')).source.kind).toBe('dense');
    });

    it('broadcasts a scalar bias to the output channels of the weight', () => {
        const affine = nodeOf(graph('    fc: {type: Affine, weight: {shape: [8, 4], zeros: true}, bias: 0.5}\n'), 'fc');
        expect(tensor(affine.params.get('bias')).shape).toEqual([8]);
        const conv = nodeOf(graph('    c: {type: Conv2d, weight: {shape: [16, 3, 5, 5], ones: true}, bias: 0, stride: 1, padding: same, dilation: [1, 1], groups: 1}\n'), 'c');
        expect(tensor(conv.params.get('bias')).shape).toEqual([16]);
    });

    it('reads {dtype, shape, data} with a flat list reshaped, a nested list, or a scalar', () => {
        const lif = nodeOf(graph([
            '    lif:',
            '      type: LIF',
            '      tau: {dtype: float64, shape: [2, 2], data: [1, 2, 3, 4]}',
            '      r: {dtype: float16, data: [[0.1, 0.2], [0.3, 0.4]]}',
            '      v_leak: {dtype: int8, shape: [2, 2], data: -3}',
            '      v_threshold: {data: 1}',
            '',
        ].join('\n')), 'lif');
        const tau = tensor(lif.params.get('tau'));
        expect([tau.dtype, tau.shape, dense(tau)]).toEqual(['float64', [2, 2], [1, 2, 3, 4]]);
        const r = tensor(lif.params.get('r'));
        expect([r.dtype, r.shape]).toEqual(['float16', [2, 2]]);
        expect(dense(r)).toEqual([0x2e66, 0x3266, 0x34cd, 0x3666]); // float16 bits of 0.1 … 0.4
        const vLeak = tensor(lif.params.get('v_leak'));
        expect([vLeak.dtype, vLeak.shape, vLeak.source]).toEqual(['int8', [2, 2], { kind: 'generated', generator: { kind: 'constant', value: -3 } }]);
        expect(tensor(lif.params.get('v_threshold')).shape).toEqual([2, 2]);
    });

    it('keeps int64 values exact, including 2^53 + 1', () => {
        const input = nodeOf(graph('    x: {type: Input, shape: [9007199254740993, 0x10, 0o7]}\n'), 'x');
        const shape = tensor(input.params.get('shape'));
        expect(shape.dtype).toBe('int64');
        expect(dense(shape)).toEqual([9007199254740993n, 16n, 7n]);
    });

    it('reads .nan, .inf and -.inf, and -0.0 keeps its sign', () => {
        const fc = nodeOf(graph('    fc: {type: Linear, weight: {dtype: float64, data: [[.nan, .inf, -.inf, -0.0]]}}\n'), 'fc');
        const values = dense(fc.params.get('weight')) as number[];
        expect(Number.isNaN(values[0])).toBe(true);
        expect(values.slice(1, 3)).toEqual([Infinity, -Infinity]);
        expect(Object.is(values[3], -0)).toBe(true);
    });

    it('reads every generator as a recipe', () => {
        const lif = nodeOf(graph([
            '    fc:',
            '      type: Affine',
            '      weight: {shape: [100000, 100000], fixed_probability: {p: 0.01, weight: {normal: {mean: 0, std: 0.1, seed: 3}}, seed: 7}}',
            '      bias: {shape: [100000], uniform: {low: -1, high: 1, seed: 2}}',
            '    id: {type: Linear, weight: {shape: [5, 5], one_to_one: 2.5}}',
            '    lif: {type: LIF, shape: [4], tau: {ones: true}, r: {constant: 3}, v_leak: {zeros: true}, v_threshold: {normal: {mean: 1, std: 0, seed: 0}}}',
            '',
        ].join('\n')), 'fc');
        expect(tensor(lif.params.get('weight')).source).toEqual({
            kind: 'generated',
            generator: { kind: 'fixed_probability', p: 0.01, seed: 7, weight: { kind: 'normal', mean: 0, std: 0.1, seed: 3 } },
        });
        expect(tensor(lif.params.get('bias')).source).toEqual({ kind: 'generated', generator: { kind: 'uniform', low: -1, high: 1, seed: 2 } });
    });

    it('gives shapeless generators of per-element parameters the node shape', () => {
        const lif = nodeOf(graph('    lif: {type: LIF, shape: [4], tau: {ones: true}, r: {constant: 3}, v_leak: {zeros: true}, v_threshold: {dtype: float64, normal: {mean: 1, std: 0, seed: 0}}}\n'), 'lif');
        for (const name of ['tau', 'r', 'v_leak', 'v_threshold']) expect(tensor(lif.params.get(name)).shape).toEqual([4]);
        expect(tensor(lif.params.get('v_threshold')).dtype).toBe('float64');
    });

    it('reads integer parameter kinds as int64 and padding strings as strings', () => {
        const conv = nodeOf(graph('    c: {type: Conv2d, input_shape: [28, 28], weight: {shape: [4, 1, 3, 3], zeros: true}, bias: {shape: [4], zeros: true}, stride: 2, padding: same, dilation: [1, 1], groups: 1}\n'), 'c');
        const stride = tensor(conv.params.get('stride'));
        expect([stride.dtype, stride.shape, dense(stride)]).toEqual(['int64', [], [2n]]);
        expect(dense(conv.params.get('dilation'))).toEqual([1n, 1n]);
        expect(conv.params.get('padding')).toMatchObject({ kind: 'string', value: 'same' });
        expect(dense(conv.params.get('input_shape'))).toEqual([28n, 28n]);
    });

    it('keeps unknown parameters and unknown types, strings included', () => {
        const node = nodeOf(graph('    x: {type: Mystery, colour: blue, gain: [1, 2]}\n'), 'x');
        expect(node.type).toBe('Mystery');
        expect(node.params.get('colour')).toMatchObject({ kind: 'string', value: 'blue' });
        expect(tensor(node.params.get('gain')).shape).toEqual([2]);
    });

    it('reads metadata the way h5py stores Python values', () => {
        const node = nodeOf(graph([
            '    lif:',
            '      type: LIF',
            '      shape: [2]',
            '      tau: 1',
            '      r: 1',
            '      v_leak: 0',
            '      v_threshold: 1',
            '      metadata:',
            '        note: hello',
            '        count: 3',
            '        dt: 1.0',
            '        on: true',
            '        ints: [1, 2]',
            '        floats: [1, 2.5]',
            '        exact: {dtype: uint16, data: [7]}',
            '        spinnaker2: {neurons_per_core: 128, record: [spikes, v]}',
            '',
        ].join('\n')), 'lif');
        const meta = node.metadata.entries;
        expect(meta.get('note')).toMatchObject({ kind: 'string', value: 'hello' });
        expect([tensor(meta.get('count')).dtype, dense(meta.get('count'))]).toEqual(['int64', [3n]]);
        expect([tensor(meta.get('dt')).dtype, dense(meta.get('dt'))]).toEqual(['float64', [1]]);
        expect([tensor(meta.get('on')).dtype, dense(meta.get('on'))]).toEqual(['bool', [1]]);
        expect(tensor(meta.get('ints')).dtype).toBe('int64');
        expect(tensor(meta.get('floats')).dtype).toBe('float64');
        expect([tensor(meta.get('exact')).dtype, dense(meta.get('exact'))]).toEqual(['uint16', [7]]);
        const hints = meta.get('spinnaker2');
        if (hints?.kind !== 'dict') throw new Error('not a dict');
        expect(hints.origin.path).toBe('/node/nodes/lif/metadata/spinnaker2');
        expect(tensor(hints.entries.get('neurons_per_core')).origin.path).toBe('/node/nodes/lif/metadata/spinnaker2/neurons_per_core');
        const record = hints.entries.get('record');
        if (record?.kind !== 'dict') throw new Error('a list of strings is a group keyed 0, 1, …');
        expect([...record.entries].map(([k, v]) => [k, v.kind === 'string' ? v.value : '?'])).toEqual([['0', 'spikes'], ['1', 'v']]);
    });

    it('reads both edge forms with the spans of the names alone', () => {
        const { text, spans } = marked(graph(
            '    a: {type: Input, shape: [1]}\n    b: {type: Output, shape: [1]}\n',
            '    - [«a», «b»]\n    - "«a» -> «b»"\n    - «a»->«b»\n',
        ));
        const edges = parse(text).document?.root.edges ?? [];
        expect(edges.map((e) => [e.source, e.target, e.origin.path])).toEqual([['a', 'b', '/node/edges/0'], ['a', 'b', '/node/edges/1'], ['a', 'b', '/node/edges/2']]);
        expect(edges.flatMap((e) => [e.sourceOrigin.span, e.targetOrigin.span])).toEqual(spans);
    });

    it('keeps names as written: plain 0 and 1.0 are names, not numbers', () => {
        const text = graph('    0: {type: Input, shape: [1]}\n    1.0: {type: Output, shape: [1]}\n', '    - [0, 1.0]\n');
        const root = parse(text).document?.root;
        expect([...(root?.nodes?.keys() ?? [])]).toEqual(['0', '1.0']);
        expect(root?.edges?.[0]).toMatchObject({ source: '0', target: '1.0' });
    });

    it('reads nested graphs with nested paths, the version and the node origins', () => {
        const { text, spans } = marked([
            'version: "1.0.8"',
            'node:',
            '  type: NIRGraph',
            '  nodes:',
            '    «rnn»: «{type: NIRGraph, nodes: {lif: {type: LIF, shape: [2], tau: 1, r: 1, v_leak: 0, v_threshold: 1}}, edges: []}»',
            '  edges: []',
            '',
        ].join('\n'));
        const result = parse(text);
        expect(result.problems).toEqual([]);
        expect(result.document?.version).toBe('1.0.8');
        const rnn = result.document?.root.nodes?.get('rnn');
        expect(rnn?.origin).toEqual({ path: '/node/nodes/rnn', keySpan: spans[0], span: spans[1] });
        expect(rnn?.nodes?.get('lif')?.params.get('tau')?.origin.path).toBe('/node/nodes/rnn/nodes/lif/tau');
        expect(rnn?.edges).toEqual([]);
    });

    it('follows YAML aliases', () => {
        const text = graph('    a: {type: LIF, shape: [2], tau: &t 0.5, r: *t, v_leak: 0, v_threshold: 1}\n');
        const r = tensor(nodeOf(text, 'a').params.get('r'));
        expect(r.source).toEqual({ kind: 'generated', generator: { kind: 'constant', value: 0.5 } });
    });

    it('reads .npy references through the resolver', () => {
        const npy = npyBytes('<f8', [2], new Uint8Array(new Float64Array([1.5, -2]).buffer));
        const text = graph('    fc: {type: Linear, weight: {file: w.npy}}\n');
        const result = parse(text, { resolveFile: (p) => (p === 'w.npy' ? npy : undefined) });
        expect(result.problems).toEqual([]);
        const weight = tensor(result.document?.root.nodes?.get('fc')?.params.get('weight'));
        expect([weight.dtype, weight.shape, dense(weight)]).toEqual(['float64', [2], [1.5, -2]]);
    });

    it('reads .nir dataset references through readNirDataset', () => {
        const text = graph('    fc: {type: Linear, weight: {file: other.nir, path: /node/nodes/fc/weight}}\n');
        const seen: string[] = [];
        const result = parse(text, {
            resolveFile: () => new Uint8Array([1]),
            readNirDataset: (_bytes, path) => {
                seen.push(path);
                return { dtype: 'float32', shape: [1, 1], data: new Float32Array([4]) };
            },
        });
        expect(result.problems).toEqual([]);
        expect(seen).toEqual(['/node/nodes/fc/weight']);
        expect(dense(result.document?.root.nodes?.get('fc')?.params.get('weight'))).toEqual([4]);
    });
});
