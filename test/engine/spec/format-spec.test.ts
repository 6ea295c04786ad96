import { describe, expect, it } from 'vitest';
import type { DType, Generator, NirDict, NirDocument, NirEdge, NirNode, NirValue, Tensor, TensorData } from '../../../engine/src/index.js';
import { allocateTensorData, formatSpec, materializeTensor } from '../../../engine/src/index.js';
import { TEST_KINDS, parse } from './helpers.js';

const O = { path: '/x' };
const nodeKinds = (type: string) => TEST_KINDS.get(type);

function dense(dtype: DType, shape: number[], values: readonly (number | bigint)[]): Tensor {
    const data = allocateTensorData(dtype, values.length);
    values.forEach((v, i) => ((data as unknown as (number | bigint)[])[i] = v));
    return { kind: 'tensor', dtype, shape, source: { kind: 'dense', data }, origin: O };
}

function gen(dtype: DType, shape: number[], generator: Generator): Tensor {
    return { kind: 'tensor', dtype, shape, source: { kind: 'generated', generator }, origin: O };
}

function str(value: string): NirValue {
    return { kind: 'string', value, origin: O };
}

function dict(entries: [string, NirValue][]): NirDict {
    return { kind: 'dict', entries: new Map(entries), origin: O };
}

function node(name: string, type: string, params: [string, NirValue][], extra: Partial<NirNode> = {}): NirNode {
    return { name, type, params: new Map(params), metadata: dict([]), origin: O, typeOrigin: O, ...extra };
}

function edge(source: string, target: string): NirEdge {
    return { source, target, origin: O, sourceOrigin: O, targetOrigin: O };
}

function graphDoc(nodes: NirNode[], edges: NirEdge[] = [], metadata: NirDict = dict([]), version?: string): NirDocument {
    const root = node('', 'NIRGraph', [], { nodes: new Map(nodes.map((n) => [n.name, n])), edges, metadata });
    return version === undefined ? { root } : { version, root };
}

/** The values of a tensor, materialised, as numbers/BigInts (float16 as bits). */
function elements(tensor: Tensor): unknown[] {
    const result = materializeTensor(tensor);
    if (!result.data) throw new Error(result.error);
    return Array.from(result.data as TensorData as ArrayLike<unknown>);
}

/** Compares two values: same kind, dtype, shape and elements (Object.is: -0 ≠ 0, NaN = NaN). */
function expectSameValue(actual: NirValue | undefined, expected: NirValue, where: string): void {
    expect(actual?.kind, where).toBe(expected.kind);
    if (expected.kind === 'string') expect((actual as typeof expected).value, where).toBe(expected.value);
    else if (expected.kind === 'dict') expectSameDict(actual as NirDict, expected, where);
    else {
        const a = actual as Tensor;
        expect([a.dtype, a.shape], where).toEqual([expected.dtype, expected.shape]);
        if (a.source.kind === 'generated' && expected.source.kind === 'generated' && a.shape.reduce((n, d) => n * d, 1) > 1e6) {
            expect(a.source.generator, where).toEqual(expected.source.generator);
            return;
        }
        const [x, y] = [elements(a), elements(expected)];
        expect(x.length, where).toBe(y.length);
        x.forEach((v, i) => expect(Object.is(v, y[i]), `${where}[${i}]: ${String(v)} vs ${String(y[i])}`).toBe(true));
    }
}

function expectSameDict(actual: NirDict, expected: NirDict, where: string): void {
    expect([...actual.entries.keys()], where).toEqual([...expected.entries.keys()]);
    for (const [key, value] of expected.entries) expectSameValue(actual.entries.get(key), value, `${where}/${key}`);
}

function expectSameNode(actual: NirNode | undefined, expected: NirNode, where: string): void {
    expect(actual?.type, where).toBe(expected.type);
    const a = actual as NirNode;
    expect([...a.params.keys()], where).toEqual([...expected.params.keys()]);
    for (const [key, value] of expected.params) expectSameValue(a.params.get(key), value, `${where}/${key}`);
    expectSameDict(a.metadata, expected.metadata, `${where}/metadata`);
    expect(a.nodes === undefined, where).toBe(expected.nodes === undefined);
    for (const [name, child] of expected.nodes ?? []) expectSameNode(a.nodes?.get(name), child, `${where}/nodes/${name}`);
    expect([...(a.nodes?.keys() ?? [])], where).toEqual([...(expected.nodes?.keys() ?? [])]);
    expect(a.edges?.map((e) => [e.source, e.target]), where).toEqual(expected.edges?.map((e) => [e.source, e.target]));
}

/** Formats, parses back (with or without kinds), and checks that nothing changed. */
function roundTrip(doc: NirDocument, withKinds = true): string {
    const text = formatSpec(doc, withKinds ? { nodeKinds } : {});
    const back = withKinds ? parse(text) : parse(text, { nodeKinds: () => undefined });
    expect(back.problems, text).toEqual([]);
    expect(back.document?.version).toBe(doc.version);
    expectSameNode(back.document?.root, doc.root, '/node');
    return text;
}

const EVERY_DTYPE: [string, Tensor][] = [
    ['f32', dense('float32', [8], [-0, NaN, Infinity, -Infinity, 1e-45, 3.4028234663852886e38, Math.fround(0.1), Math.fround(1 / 3)])],
    ['f64', dense('float64', [7], [-0, NaN, 5e-324, 1.7976931348623157e308, 0.1, 1 / 3, 2 ** 53 + 2])],
    ['f16', dense('float16', [7], [0x0001, 0x03ff, 0x7bff, 0x8000, 0x7c00, 0xfc00, 0x3555])],
    ['i64', dense('int64', [3], [2n ** 53n + 1n, -(2n ** 63n), 2n ** 63n - 1n])],
    ['u64', dense('uint64', [2], [2n ** 64n - 1n, 0n])],
    ['i8', dense('int8', [2], [-128, 127])],
    ['u8', dense('uint8', [2], [0, 255])],
    ['i16', dense('int16', [2], [-32768, 32767])],
    ['u16', dense('uint16', [1], [65535])],
    ['i32', dense('int32', [2], [-(2 ** 31), 2 ** 31 - 1])],
    ['u32', dense('uint32', [1], [2 ** 32 - 1])],
    ['b', dense('bool', [3], [1, 0, 1])],
];

describe('formatSpec round trips', () => {
    it('keeps every dtype bit for bit, special values included', () => {
        roundTrip(graphDoc([node('x', 'Mystery', EVERY_DTYPE)]));
        roundTrip(graphDoc([node('x', 'Mystery', EVERY_DTYPE)]), false);
    });

    it('keeps 0-d values, empty arrays, all-equal arrays and big multi-dimensional arrays', () => {
        const big = Array.from({ length: 2 * 3 * 4 * 5 }, (_, i) => Math.fround(Math.sin(i)));
        const params: [string, Tensor][] = [
            ...EVERY_DTYPE.map(([name, t]): [string, Tensor] => [`${name}_0d`, dense(t.dtype, [], [(t.source as { data: TensorData }).data[0]])]),
            ['empty', dense('float32', [2, 0], [])],
            ['empty1', dense('int16', [0], [])],
            ['nan_all', dense('float64', [4], [NaN, NaN, NaN, NaN])],
            ['neg0_all', dense('float32', [3], [-0, -0, -0])],
            ['big_int_all', dense('int64', [3], [2n ** 53n + 1n, 2n ** 53n + 1n, 2n ** 53n + 1n])],
            ['conv', dense('float32', [2, 3, 4, 5], big)],
            ['wide', dense('float64', [3, 40], Array.from({ length: 120 }, (_, i) => i / 7))],
        ];
        const text = roundTrip(graphDoc([node('x', 'Mystery', params)]));
        expect(text).toContain('nan_all: {dtype: float64, shape: [4], data: .nan}');
        expect(text).toContain('big_int_all: {dtype: int64, data: [9007199254740993, 9007199254740993, 9007199254740993]}');
    });

    it('keeps generators as generators', () => {
        const params: [string, Tensor][] = [
            ['a', gen('float32', [3, 4], { kind: 'normal', mean: 0, std: 0.5, seed: 1 })],
            ['b', gen('float64', [10], { kind: 'uniform', low: -0.1, high: 0.1, seed: 2 })],
            ['c', gen('int32', [5], { kind: 'constant', value: -7 })],
            ['d', gen('float32', [100000, 100000], { kind: 'fixed_probability', p: 0.001, weight: { kind: 'normal', mean: 0, std: 1, seed: 4 }, seed: 3 })],
            ['e', gen('float16', [6, 6], { kind: 'one_to_one', value: 0.5 })],
            ['f', gen('bool', [2], { kind: 'ones' })],
            ['g', gen('float32', [2, 2], { kind: 'fixed_probability', p: 0.5, weight: { kind: 'constant', value: 0.25 }, seed: 0 })],
        ];
        const text = roundTrip(graphDoc([node('x', 'Mystery', params)]));
        expect(text).toContain('d: {shape: [100000, 100000], fixed_probability: {p: 0.001, weight: {normal: {mean: 0.0, std: 1.0, seed: 4}}, seed: 3}}');
        const back = parse(text).document?.root.nodes?.get('x')?.params.get('d') as Tensor;
        expect(back.source.kind).toBe('generated');
    });

    it('writes broadcast scalars under a node shape, and integer parameters without dtype, for known kinds', () => {
        const lif = node('lif', 'LIF', [
            ['tau', gen('float32', [128], { kind: 'constant', value: Math.fround(0.02) })],
            ['r', dense('float32', [128], Array(128).fill(1))],
            ['v_leak', gen('float32', [128], { kind: 'zeros' })],
            ['v_threshold', dense('float32', [128], Array.from({ length: 128 }, (_, i) => i))],
            ['v_reset', dense('float64', [128], Array(128).fill(0))],
        ]);
        const conv = node('conv', 'Conv2d', [
            ['weight', gen('float32', [4, 1, 3, 3], { kind: 'uniform', low: -1, high: 1, seed: 5 })],
            ['stride', dense('int64', [2], [1n, 1n])],
            ['padding', str('same')],
            ['groups', dense('int64', [], [1n])],
            ['bias', dense('float32', [4], [0.5, 0.5, 0.5, 0.5])],
        ]);
        const text = roundTrip(graphDoc([node('in', 'Input', [['shape', dense('int64', [1], [128n])]]), lif, conv], [edge('in', 'lif')]));
        expect(text).toContain('      shape: [128]\n      tau: 0.02\n      r: 1.0\n      v_leak: 0.0\n');
        expect(text).toContain('      v_reset: {dtype: float64, shape: [128], data: 0.0}');
        expect(text).toContain('      stride: [1, 1]\n      padding: same\n      groups: 1\n');
        expect(text).toContain('      shape: [128]\n');
    });

    it('keeps metadata types: strings that look like other things, numbers by spelling, lists and groups', () => {
        const metadata = dict([
            ['plain', str('hello world')],
            ['tricky', dict([['t', str('true')], ['n', str('1.0')], ['e', str('')], ['s', str(' lead')], ['c', str('a: b')], ['h', str('#x')], ['u', str('τ_mem ≥ 1')], ['nl', str('a\nb')]])],
            ['count', dense('int64', [], [3n])],
            ['dt', dense('float64', [], [1])],
            ['flag', dense('bool', [], [0])],
            ['ints', dense('int64', [2], [1n, 2n])],
            ['floats', dense('float64', [2], [1, 2.5])],
            ['bools', dense('bool', [2], [1, 0])],
            ['grid', dense('int64', [2, 2], [1n, 2n, 3n, 4n])],
            ['bigGrid', dense('float64', [5, 5], Array.from({ length: 25 }, (_, i) => i))],
            ['emptyF', dense('float64', [0], [])],
            ['emptyI', dense('int64', [0], [])],
            ['u16', dense('uint16', [], [7])],
            ['f32s', dense('float32', [2], [0.5, 0.25])],
            ['recipe', gen('float32', [3], { kind: 'ones' })],
            ['record', dict([['0', str('spikes')], ['1', str('v')]])],
            ['mixed', dict([['0', str('a')], ['1', dense('int64', [], [1n])], ['2', dict([['k', str('v')]])]])],
            ['numericKeys', dict([['0', dense('int64', [], [5n])]])],
            ['empty', dict([])],
            ['spinnaker2', dict([['neurons_per_core', dense('int64', [], [128n])], ['chip', dense('int64', [2], [0n, 1n])]])],
        ]);
        const lif = node('a b', 'LIF', [['tau', dense('float32', [1], [1])]], { metadata });
        roundTrip(graphDoc([lif], [], metadata, '1.0.8.dev9+g7232ada6d'));
    });

    it('keeps nested graphs, odd names and edges', () => {
        const inner = node('rnn', 'NIRGraph', [], {
            nodes: new Map([['0', node('0', 'Input', [['shape', dense('int64', [1], [2n])]])], ['1.lif', node('1.lif', 'Output', [['shape', dense('int64', [1], [2n])]])]]),
            edges: [edge('0', '1.lif')],
        });
        const names = ['true', 'x/y', '', 'with space', 'null', '-dash', '"q"'];
        const doc = graphDoc([inner, ...names.map((n) => node(n, 'Input', [['shape', dense('int64', [1], [1n])]]))], [edge('rnn', 'true'), edge('x/y', '')]);
        roundTrip(doc);
        roundTrip(graphDoc([node('g', 'NIRGraph', [], { nodes: new Map(), edges: [] })]));
        roundTrip({ root: node('', 'LIF', [['tau', dense('float32', [2], [1, 2])]]) });
    });
});
