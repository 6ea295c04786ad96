import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readNirFile, writeNirFile } from '../../../engine/src/index.js';
import { registerShippedHdf5Plugins } from '../../../host/hdf5-plugins.js';
import { H5PY_AVAILABLE, H5PY_SKIP_REASON, h5pyDumps } from '../../helpers/h5py.js';
import { CORPUS_FILES, corpusBytes, corpusDump } from './corpus-files.js';
import { dumpComparable } from './comparable.js';

let dir = '';
beforeAll(() => {
    registerShippedHdf5Plugins();
    dir = mkdtempSync(join(tmpdir(), 'nirmesh-h5py-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('files written by the engine, read by h5py', () => {
    it.skipIf(!H5PY_AVAILABLE)(`equal the corpus dumps of their originals (skipped when ${H5PY_SKIP_REASON})`, async () => {
        const paths: string[] = [];
        for (const [i, file] of CORPUS_FILES.entries()) {
            const { document } = await readNirFile(corpusBytes(file));
            const written = await writeNirFile(document!);
            expect(written.problems, file).toEqual([]);
            paths.push(join(dir, `${i}.nir`));
            writeFileSync(paths[i], written.bytes!);
        }
        const dumps = h5pyDumps(paths) as { version: string; root_members: string[]; node: never }[];
        for (const [i, file] of CORPUS_FILES.entries()) {
            const original = corpusDump(file);
            expect(dumps[i].root_members, file).toEqual(['node', 'version']);
            expect(dumps[i].version, file).toBe(original.version ?? '1.0.8');
            expect(dumpComparable(dumps[i].node), file).toEqual(dumpComparable(original.node));
        }
    });

    it.skipIf(!H5PY_AVAILABLE)('are laid out as NIR writes them: gzip on arrays, scalars plain, empty edges as float64 (0,)', async () => {
        const { document } = await readNirFile(corpusBytes('generated/graph_ff_lif_uncompressed.nir'));
        const path = join(dir, 'layout.nir');
        writeFileSync(path, (await writeNirFile(document!)).bytes!);
        const [dump] = h5pyDumps([path]) as { node: { params?: unknown; nodes: Record<string, { params: Record<string, { storage: { compression?: string } }> }>; edges_storage: unknown } }[];
        expect(dump.node.nodes.fc1.params.weight.storage.compression).toBe('gzip');
        expect(dump.node.edges_storage).toEqual({ dtype: 'object', shape: [5, 2] });

        const empty = { ...document!, root: { ...document!.root, nodes: new Map(), edges: [] } };
        const emptyPath = join(dir, 'empty.nir');
        writeFileSync(emptyPath, (await writeNirFile(empty)).bytes!);
        const [emptyDump] = h5pyDumps([emptyPath]) as { node: { edges_storage: unknown } }[];
        expect(emptyDump.node.edges_storage).toEqual({ dtype: 'float64', shape: [0] });
    });
});

describe('booleans and half floats written by the engine', () => {
    it.skipIf(!H5PY_AVAILABLE)(`are h5py's enum(int8) bool and IEEE float16 (skipped when ${H5PY_SKIP_REASON})`, async () => {
        const origin = { path: '/node' };
        const dense = (dtype: 'bool' | 'float16', shape: number[], data: Uint8Array | Uint16Array) =>
            ({ kind: 'tensor' as const, dtype, shape, source: { kind: 'dense' as const, data }, origin });
        const half = new Uint16Array([0x3e00, 0xc000, 0x7bff, 0x0001]); // 1.5, -2, the largest, the smallest subnormal
        const params = new Map([
            ['flag', dense('bool', [], new Uint8Array([1]))],
            ['mask', dense('bool', [2, 2], new Uint8Array([1, 0, 0, 1]))],
            ['half', dense('float16', [4], half)],
        ]);
        const metadata = { kind: 'dict' as const, entries: new Map([['quantized', dense('bool', [], new Uint8Array([0]))]]), origin };
        const document = { root: { name: '', type: 'Custom', params, metadata, origin, typeOrigin: origin } };
        const written = await writeNirFile(document);
        expect(written.problems).toEqual([]);
        const path = join(dir, 'native-dtypes.nir');
        writeFileSync(path, written.bytes!);
        const [dump] = h5pyDumps([path]) as { node: { params: Record<string, { storage: { dtype: string; shape: number[] }; value: unknown }>; metadata: Record<string, { value: unknown }> } }[];
        expect(dump.node.params.flag).toMatchObject({ storage: { dtype: 'bool', shape: [] }, value: true });
        expect(dump.node.params.mask).toMatchObject({ storage: { dtype: 'bool', shape: [2, 2] }, value: [[true, false], [false, true]] });
        expect(dump.node.params.half).toMatchObject({ storage: { dtype: 'float16', shape: [4] }, value: { values: [1.5, -2, 65504, 2 ** -24] } });
        expect(dump.node.metadata.quantized.value).toBe(false);

        const reread = await readNirFile(written.bytes!);
        expect(reread.problems).toEqual([]);
        const halfBack = reread.document!.root.params.get('half');
        expect(halfBack).toMatchObject({ dtype: 'float16', shape: [4] });
        expect(Array.from((halfBack as { source: { data: Uint16Array } }).source.data)).toEqual(Array.from(half));
        expect(reread.document!.root.params.get('mask')).toMatchObject({ dtype: 'bool', shape: [2, 2] });
    });
});
