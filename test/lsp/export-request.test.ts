/**
 * `nirmesh/export` over stdio, as the "Export for SpiNNaker2" command sends it: the built
 * `dist/server.cjs` (run `node esbuild.mjs` first) writes the export of an open spec.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../helpers/lsp-client.js';
import type { ExportReport } from '../../protocol/index.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const MAPPABLE_SPEC = readFileSync(join(FIXTURES, 'mappable.nir.yaml'), 'utf8');
const BROKEN = readFileSync(join(FIXTURES, 'broken.nir.yaml'), 'utf8');

let client: LspTestClient | undefined;
afterEach(() => client?.dispose());

describe('nirmesh/export', () => {
    it('writes the py-spinnaker2 export of an open spec, asks before writing into a full folder, and refuses a broken one', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'nirmesh-lsp-export-'));
        client = LspTestClient.start({ settings: { validationDelayMs: 0 } });
        await client.initialize();
        const uri = pathToFileURL(join(dir, 'net.nir.yaml')).href;
        client.open(uri, MAPPABLE_SPEC);
        await client.waitForDiagnostics(uri);
        const outDir = join(dir, 'out');
        const report = await client.request<ExportReport>('nirmesh/export', { uri, outDir });
        expect(report).toMatchObject({ uri, target: 'spinnaker2-board48', blocked: false });
        expect(report.files).toContain('run.py');
        expect(readdirSync(outDir)).toContain('README.md');
        expect(readFileSync(join(outDir, 'run.py'), 'utf8')).toMatch(/snn\.Population\(size=/);

        writeFileSync(join(outDir, 'run.py'), 'mine');
        const again = await client.request<ExportReport>('nirmesh/export', { uri, outDir });
        expect([again.blocked, again.reason, readFileSync(join(outDir, 'run.py'), 'utf8')]).toEqual([true, `${outDir} is not empty`, 'mine']);
        expect((await client.request<ExportReport>('nirmesh/export', { uri, outDir, force: true })).blocked).toBe(false);

        const broken = pathToFileURL(join(dir, 'broken.nir.yaml')).href;
        client.open(broken, BROKEN);
        const refused = await client.request<ExportReport>('nirmesh/export', { uri: broken, outDir: join(dir, 'none') });
        expect(refused).toMatchObject({ blocked: true, files: [] });
        expect(refused.diagnostics.map((d) => d.code)).toContain('yaml/syntax');
        expect(await client.shutdown()).toBe(0);
    });
});
