import { describe, it, expect, beforeAll } from 'vitest';
import { createEngine, formatSpec, materializeTensor, parseSpec, readNirFile, writeNirFile, type NirDocument, type NirValue } from '../../../engine/src/index.js';
import { registerShippedHdf5Plugins } from '../../../host/hdf5-plugins.js';
import { CORPUS_FILES, corpusBytes } from './corpus-files.js';
import { canonicalDocument } from './canonical.js';

const registry = createEngine().registry;
const nodeKinds = (type: string) => registry.nodeKinds.get(type);

beforeAll(() => registerShippedHdf5Plugins());

async function writeAndRead(document: NirDocument): Promise<NirDocument> {
    const written = await writeNirFile(document);
    expect(written.problems).toEqual([]);
    const back = await readNirFile(written.bytes!);
    expect(back.problems).toEqual([]);
    return back.document!;
}

describe('round trips', () => {
    it.each(CORPUS_FILES)('%s: .nir -> YAML -> .nir keeps everything', async (file) => {
        const original = (await readNirFile(corpusBytes(file))).document!;
        const text = formatSpec(original, { nodeKinds });
        const parsed = parseSpec(text, { nodeKinds });
        expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
        const back = await writeAndRead(parsed.document!);
        expect(canonicalDocument(back)).toEqual(canonicalDocument(original));
    });

    it('writes generators as their materialised values, deterministically', async () => {
        const text = [
            'version: "1.0.8"',
            'node:',
            '  type: NIRGraph',
            '  nodes:',
            '    input: {type: Input, shape: [4]}',
            '    fc: {type: Linear, weight: {dtype: float64, shape: [3, 4], normal: {mean: 0, std: 0.5, seed: 7}}}',
            '    sparse: {type: Linear, weight: {shape: [3, 3], fixed_probability: {p: 0.5, weight: 2, seed: 3}}}',
            '    output: {type: Output, shape: [3]}',
            '  edges: [[input, fc], [fc, sparse], [sparse, output]]',
            '  metadata: {flag: true, n: 3, xs: [1.5, 2]}',
        ].join('\n');
        const parsed = parseSpec(text, { nodeKinds }).document!;
        const first = await writeNirFile(parsed);
        const second = await writeNirFile(parsed);
        expect(first.bytes).toEqual(second.bytes);
        const back = (await readNirFile(first.bytes!)).document!;
        for (const name of ['fc', 'sparse']) {
            const want = parsed.root.nodes!.get(name)!.params.get('weight')!;
            const got = back.root.nodes!.get(name)!.params.get('weight')!;
            if (want.kind !== 'tensor' || got.kind !== 'tensor' || got.source.kind !== 'dense') throw new Error('not tensors');
            expect(got.dtype).toBe(want.dtype);
            expect(got.source.data).toEqual(materializeTensor(want).data);
        }
        const flag = back.root.metadata.entries.get('flag');
        expect(flag?.kind === 'tensor' && flag.dtype).toBe('bool');
    });

    it('keeps float16 and uint64 values bit for bit', async () => {
        const origin = { path: '/node/x' };
        const half = { kind: 'tensor' as const, dtype: 'float16' as const, shape: [3], source: { kind: 'dense' as const, data: new Uint16Array([0x3c00, 0x7bff, 0x0001]) }, origin };
        const big = { kind: 'tensor' as const, dtype: 'uint64' as const, shape: [2], source: { kind: 'dense' as const, data: new BigUint64Array([2n ** 64n - 1n, 5n]) }, origin };
        const document: NirDocument = {
            root: { name: '', type: 'Custom', params: new Map<string, NirValue>([['half', half], ['big', big]]), metadata: { kind: 'dict', entries: new Map(), origin }, origin, typeOrigin: origin },
        };
        const back = await writeAndRead(document);
        expect(canonicalDocument(back)).toEqual(canonicalDocument({ ...document, version: '1.0.8' }));
    });

    it('refuses names HDF5 cannot hold and tensors too large to materialise', async () => {
        const origin = { path: '/node/nodes/a/b' };
        const huge = { kind: 'tensor' as const, dtype: 'float32' as const, shape: [100000, 100000], source: { kind: 'generated' as const, generator: { kind: 'ones' as const } }, origin: { path: '/node/w' } };
        const child = { name: 'a/b', type: 'Input', params: new Map(), metadata: { kind: 'dict' as const, entries: new Map(), origin }, origin, typeOrigin: origin };
        const document: NirDocument = {
            root: { name: '', type: 'NIRGraph', params: new Map([['w', huge]]), nodes: new Map([['a/b', child]]), edges: [], metadata: { kind: 'dict', entries: new Map(), origin }, origin: { path: '/node' }, typeOrigin: origin },
        };
        const result = await writeNirFile(document);
        expect(result.bytes).toBeUndefined();
        expect(result.problems.map((p) => p.code).sort()).toEqual(['hdf5/bad-name', 'hdf5/tensor-too-large']);
        expect(result.problems.find((p) => p.code === 'hdf5/tensor-too-large')!.origin.path).toBe('/node/w');
    });
});
