/**
 * The built server (`node dist/server.cjs --stdio`, build with `node esbuild.mjs` first) reading
 * hostile `.nir` files through its reader worker, beside a spec it keeps checking.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../helpers/lsp-client.js';
import { H5PY_AVAILABLE, H5PY_SKIP_REASON, craftWithH5py } from '../helpers/h5py.js';

const SPEC = 'node:\n  type: NIRGraph\n  nodes:\n    a: {type: Input, shape: [2]}\n    b: {type: Output, shape: [3]}\n  edges: [a -> b]\n';

let client: LspTestClient | undefined;
let dir: string | undefined;
afterEach(() => {
    client?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!H5PY_AVAILABLE)(`the server's .nir reads${H5PY_AVAILABLE ? '' : ` (skipped: ${H5PY_SKIP_REASON})`}`, () => {
    it('reports a hard-link cycle in a .nir file and goes on checking a spec', async () => {
        dir = mkdtempSync(join(tmpdir(), 'nirmesh-lsp-nir-'));
        const cyclePath = join(dir, 'cycle.nir');
        writeFileSync(cyclePath, craftWithH5py(`
with h5py.File(out, 'w') as f:
    f['version'] = '1.0.8'
    n = f.create_group('node')
    n['type'] = 'NIRGraph'
    n['edges'] = np.zeros((0,), 'f8')
    m = n.create_group('metadata')
    m['a'] = m
    m['b'] = m
`));
        client = LspTestClient.start({ settings: { target: 'none', validationDelayMs: 0 } });
        await client.initialize();
        const cycle = pathToFileURL(cyclePath).href;
        const spec = pathToFileURL(join(dir, 'shapes.nir.yaml')).href;
        client.open(cycle, '', 'nir');
        client.open(spec, SPEC);
        const specDiagnostics = await client.waitForDiagnostics(spec, (p) => p.diagnostics.length > 0);
        expect(specDiagnostics.diagnostics.map((d) => d.code)).toContain('nir/edge-shape');
        const nir = await client.waitForDiagnostics(cycle, (p) => p.diagnostics.length > 0);
        expect(nir.diagnostics.map((d) => String(d.code)).filter((code) => code.startsWith('hdf5/'))).toEqual(['hdf5/repeated-object', 'hdf5/repeated-object']);
        expect(nir.diagnostics[0].message).toMatch(/\/node\/metadata\/a .*cycle/);
        expect(await client.shutdown()).toBe(0);
    }, 120_000);
});
