import { describe, it, expect } from 'vitest';
import { readNirFile } from '../../../engine/src/index.js';
import { H5PY_AVAILABLE, H5PY_SKIP_REASON, craftWithH5py } from '../../helpers/h5py.js';

const codes = (problems: readonly { code: string }[]) => problems.map((p) => p.code);

/** A NIR graph with one LIF node and a metadata group; `extra` adds to it (`n` is /node, `m` its metadata). */
function graphScript(extra: string): string {
    return `
with h5py.File(out, 'w') as f:
    f['version'] = '1.0.8'
    n = f.create_group('node')
    n['type'] = 'NIRGraph'
    n['edges'] = np.zeros((0,), 'f8')
    lif = n.create_group('nodes').create_group('lif')
    lif['type'] = 'LIF'
    for p in ('tau', 'r', 'v_leak', 'v_threshold'):
        lif[p] = np.ones((2,), 'f4')
    m = n.create_group('metadata')
${extra.split('\n').map((line) => `    ${line}`).join('\n')}
`;
}

describe.skipIf(!H5PY_AVAILABLE)(`HDF5 structures crafted with h5py${H5PY_AVAILABLE ? '' : ` (skipped: ${H5PY_SKIP_REASON})`}`, () => {
    it('reads each object once: two hard links from a group to itself end as one problem each', async () => {
        const bytes = craftWithH5py(graphScript("m['a'] = m\nm['b'] = m\nm['x'] = np.arange(3.0)"));
        const result = await readNirFile(bytes);
        expect(codes(result.problems)).toEqual(['hdf5/repeated-object', 'hdf5/repeated-object']);
        expect(result.problems.map((p) => p.origin.path)).toEqual(['/node/metadata/a', '/node/metadata/b']);
        expect(result.problems[0].message).toMatch(/cycle/);
        expect([...result.document!.root.metadata.entries.keys()]).toEqual(['x']);
        expect(result.document!.root.nodes!.get('lif')!.type).toBe('LIF');
    });

    it('reads a group reached by many paths once (a chain of doubled links is not walked 2^64 times)', async () => {
        const chain = 'g = m\nfor i in range(60):\n    h = g.create_group("d")\n    g["e"] = h\n    g = h';
        const result = await readNirFile(craftWithH5py(graphScript(chain)));
        expect(result.problems.length).toBe(60);
        expect(new Set(codes(result.problems))).toEqual(new Set(['hdf5/repeated-object']));
        expect(result.problems.every((p) => p.severity === 'error' && /second hard link/.test(p.message))).toBe(true);
        const lenient = await readNirFile(craftWithH5py(graphScript(chain)), { lenient: true });
        expect(lenient.problems.every((p) => p.severity === 'warning')).toBe(true);
    });

    it('reports a link name that is not valid UTF-8 once, instead of failing on everything below it', async () => {
        // An overlong encoding of '/' (0xC0 0xAF) decodes to a name holding the path separator.
        const bytes = craftWithH5py(graphScript("g = n['nodes'].create_group(b'li\\xc0\\xafx')\ng['type'] = 'LIF'\ng.create_group('metadata')['x'] = 1.0"));
        const result = await readNirFile(bytes);
        expect(codes(result.problems)).toEqual(['hdf5/bad-name']);
        expect(result.problems[0].origin.path).toBe('/node/nodes');
        expect(result.problems[0].message).toMatch(/not valid UTF-8 \(it decodes as "li\/x"\)/);
        expect([...result.document!.root.nodes!.keys()]).toEqual(['lif']);
    });

    it('passes NaN and infinite weights through to the checks', async () => {
        const result = await readNirFile(craftWithH5py(graphScript("lif['w'] = np.array([np.nan, np.inf, -np.inf, 1.5])")));
        expect(result.problems).toEqual([]);
        const w = result.document!.root.nodes!.get('lif')!.params.get('w');
        expect(w?.kind === 'tensor' && w.source.kind === 'dense' ? [...w.source.data] : undefined).toEqual([NaN, Infinity, -Infinity, 1.5]);
    });
});
