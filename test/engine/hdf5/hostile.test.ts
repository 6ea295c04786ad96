import { describe, it, expect } from 'vitest';
import { readNirFile, writeNirFile, type NirDocument, type NirNode } from '../../../engine/src/index.js';
import { corpusBytes } from './corpus-files.js';
import { craftHdf5 } from './craft.js';

const codes = (problems: readonly { code: string }[]) => problems.map((p) => p.code);

function graph(name: string, path: string, nodes: Map<string, NirNode>): NirNode {
    const origin = { path };
    return { name, type: 'NIRGraph', params: new Map(), nodes, edges: [], metadata: { kind: 'dict', entries: new Map(), origin }, origin, typeOrigin: origin };
}

describe('hostile and broken .nir files', () => {
    const good = corpusBytes('generated/graph_ff_lif.nir');

    it.each([0, 7, 8, 95, 200, 1000, 4096, Math.floor(good.length / 2), good.length - 1])('truncated to %i bytes gives a clear problem', async (length) => {
        const result = await readNirFile(good.slice(0, length));
        expect(result.problems.length).toBeGreaterThan(0);
        expect(result.problems.every((p) => p.code.startsWith('hdf5/') && p.message.length > 20)).toBe(true);
        expect(codes(result.problems)).not.toContain('engine/internal-error');
    });

    it('refuses a wrong signature before HDF5 sees the file', async () => {
        const bytes = good.slice();
        bytes[1] = 0x58;
        const result = await readNirFile(bytes);
        expect(result.document).toBeUndefined();
        expect(codes(result.problems)).toEqual(['hdf5/not-hdf5']);
    });

    it('refuses an absurd declared shape without reading it', async () => {
        const bytes = await craftHdf5((file) => {
            const node = file.create_group('node');
            node.create_dataset({ name: 'type', data: 'Linear', dtype: 'S' });
            const weight = node.create_dataset({ name: 'weight', data: new Float32Array(4), shape: [2, 2], maxshape: [null, null], chunks: [2, 2], dtype: '<f' });
            weight.resize([1_000_000, 1_000_000]);
        });
        expect(bytes.length).toBeLessThan(100_000);
        const result = await readNirFile(bytes);
        const tooLarge = result.problems.find((p) => p.code === 'hdf5/dataset-too-large');
        expect(tooLarge?.origin.path).toBe('/node/weight');
        expect(tooLarge?.message).toMatch(/\[1000000, 1000000\] \(1000000000000 elements\)/);
        expect(result.document!.root.type).toBe('Linear');
    });

    it('reports objects HDF5 cannot open and keeps the rest', async () => {
        const origin = { path: '/node/w' };
        const tensor = { kind: 'tensor' as const, dtype: 'float32' as const, shape: [123457], source: { kind: 'generated' as const, generator: { kind: 'zeros' as const } }, origin };
        const document: NirDocument = { root: { ...graph('', '/node', new Map()), params: new Map([['w', tensor]]) } };
        const forged = breakDataspace((await writeNirFile(document)).bytes!, 123457n);
        const result = await readNirFile(forged);
        expect(codes(result.problems)).toEqual(['hdf5/bad-object']);
        expect(result.problems[0].origin.path).toBe('/node/w');
        expect(result.problems[0].message).not.toMatch(/HDF5-DIAG|\n/);
        expect(result.document!.root.type).toBe('NIRGraph');
    });

    it('stops at 64 levels of nesting with one problem', async () => {
        let node = graph('g', '/x', new Map());
        for (let i = 0; i < 100; i++) node = graph('g', '/x', new Map([['g', node]]));
        const written = await writeNirFile({ root: node });
        const result = await readNirFile(written.bytes!);
        expect(codes(result.problems)).toEqual(['hdf5/too-deep']);
        expect(result.problems[0].origin.path.split('/nodes/').length).toBe(66);
    });

    it('reports a type that is not a string, and a node without a type', async () => {
        const bytes = await craftHdf5((file) => {
            const node = file.create_group('node');
            node.create_dataset({ name: 'type', data: new Float64Array([1]), shape: [] });
            node.create_group('nodes').create_group('child').create_dataset({ name: 'x', data: new Float32Array([1, 2]) });
        });
        const result = await readNirFile(bytes);
        expect(codes(result.problems).sort()).toEqual(['hdf5/bad-type', 'hdf5/missing-type', 'hdf5/missing-version']);
        expect(result.problems.find((p) => p.code === 'hdf5/bad-type')!.origin.path).toBe('/node/type');
        expect(result.problems.find((p) => p.code === 'hdf5/missing-type')!.origin.path).toBe('/node/nodes/child/type');
    });

    it('reports string arrays, datasets among nodes and malformed edges, as warnings when lenient', async () => {
        const bytes = await craftHdf5((file) => {
            file.create_dataset({ name: 'version', data: '1.0.8', dtype: 'S' });
            const node = file.create_group('node');
            node.create_dataset({ name: 'type', data: 'NIRGraph', dtype: 'S' });
            node.create_dataset({ name: 'labels', data: ['a', 'b'], dtype: 'S' });
            node.create_dataset({ name: 'edges', data: ['a', 'b', 'c'], dtype: 'S' });
            node.create_group('nodes').create_dataset({ name: 'stray', data: new Float32Array([1]) });
        });
        const strict = await readNirFile(bytes);
        expect(codes(strict.problems).sort()).toEqual(['hdf5/bad-edges', 'hdf5/unexpected-object', 'hdf5/unsupported-dtype']);
        expect(strict.problems.every((p) => p.severity === 'error')).toBe(true);
        const lenient = await readNirFile(bytes, { lenient: true });
        expect(lenient.problems.find((p) => p.code === 'hdf5/unexpected-object')!.severity).toBe('warning');
        expect(lenient.document!.root.type).toBe('NIRGraph');
    });

    it('reads the NIR 0.0.x layout leniently, naming nodes by index', async () => {
        const bytes = await craftHdf5((file) => {
            const nodes = file.create_group('nodes');
            nodes.create_group('0').create_dataset({ name: 'type', data: 'Input', dtype: 'S' });
            nodes.create_group('1').create_dataset({ name: 'type', data: 'Output', dtype: 'S' });
            file.create_dataset({ name: 'edges', data: new BigInt64Array([0n, 1n]), shape: [1, 2] });
        });
        const strict = await readNirFile(bytes);
        expect(strict.problems.map((p) => [p.code, p.severity])).toEqual([['hdf5/legacy-layout', 'error']]);
        const lenient = await readNirFile(bytes, { lenient: true });
        expect(lenient.problems.map((p) => p.severity)).toEqual(['warning']);
        expect(lenient.document!.root.edges!.map((e) => [e.source, e.target])).toEqual([['0', '1']]);
        expect([...lenient.document!.root.nodes!.keys()]).toEqual(['0', '1']);
    });

    it('refuses strings and names HDF5 would cut at a NUL, one problem per element, without an HDF5 error stack', async () => {
        const at = (path: string) => ({ path });
        const text = (value: string, path: string) => ({ kind: 'string' as const, value, origin: at(path) });
        const metadata = new Map([['note', text('before\0after', '/node/metadata/note')], ['a\0b', text('x', '/node/metadata/a\0b')], ['a\0c', text('y', '/node/metadata/a\0c')]]);
        const root = { ...graph('', '/node', new Map()), metadata: { kind: 'dict' as const, entries: metadata, origin: at('/node/metadata') } };
        const written = await writeNirFile({ root });
        expect(written.bytes).toBeUndefined();
        expect(written.problems.map((p) => [p.code, p.origin.path])).toEqual([
            ['hdf5/unstorable-string', '/node/metadata/note'], ['hdf5/bad-name', '/node/metadata/a\0b'], ['hdf5/bad-name', '/node/metadata/a\0c'],
        ]);
        expect(written.problems[0].message).toMatch(/NUL character/);
        expect(written.problems.every((p) => !/HDF5-DIAG|\n/.test(p.message))).toBe(true);
    });

    it('reads a huge string in bounded time', async () => {
        const long = 'x'.repeat(4 * 1024 * 1024);
        const bytes = await craftHdf5((file) => {
            const node = file.create_group('node');
            node.create_dataset({ name: 'type', data: long, dtype: 'S' });
        });
        const result = await readNirFile(bytes);
        expect(result.document!.root.type.length).toBe(long.length);
    });
});

/**
 * Gives the version-1 object header whose first message is the dataspace with first dimension
 * `dim` an unknown version, so HDF5 cannot open that object (prefix 16 bytes, message header 8).
 */
function breakDataspace(bytes: Uint8Array, dim: bigint): Uint8Array {
    const out = bytes.slice();
    const view = new DataView(out.buffer);
    let broken = 0;
    for (let i = 32; i + 8 <= out.length; i++) {
        const header = i - 8 - 24;
        if (view.getBigUint64(i, true) === dim && out[i - 8] === 1 && out[i - 7] === 1 && out[header] === 1 && view.getUint16(header + 16, true) === 1) {
            out[header] = 9;
            broken++;
        }
    }
    expect(broken).toBe(1);
    return out;
}

describe('the documented hdf5 codes a broken file gives', () => {
    const good = corpusBytes('generated/graph_ff_lif.nir');

    it('hdf5/unreadable-file: a file cut short (head -c 4096, or past the signature only)', async () => {
        for (const length of [4096, 200]) {
            const result = await readNirFile(good.slice(0, length));
            expect(codes(result.problems), `${length} bytes`).toContain('hdf5/unreadable-file');
            expect(result.problems.find((p) => p.code === 'hdf5/unreadable-file')!.severity).toBe('error');
        }
    });

    it('hdf5/bad-version: a version that is a number, not a string', async () => {
        const bytes = await craftHdf5((file) => {
            file.create_dataset({ name: 'version', data: new Float64Array([1]), shape: [] });
            const node = file.create_group('node');
            node.create_dataset({ name: 'type', data: 'NIRGraph', dtype: 'S' });
            node.create_group('nodes');
        });
        const result = await readNirFile(bytes);
        expect(codes(result.problems)).toEqual(['hdf5/bad-version']);
        expect(result.problems[0]).toMatchObject({ severity: 'warning', origin: { path: '/version' } });
        expect(result.document!.root.type).toBe('NIRGraph');
    });
});
