/**
 * The editor's run settings and a spec's own run settings in `nirmesh/run`, and saving a run's
 * trace with `nirmesh/saveTrace`, over stdio with the built `dist/server.cjs` (run `node esbuild.mjs` first).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../helpers/lsp-client.js';
import { RUN_REQUEST, SAVE_TRACE_REQUEST, type RunReport, type SaveTraceResult } from '../../protocol/run.js';
import { H5PY_AVAILABLE, H5PY_SKIP_REASON } from '../helpers/h5py.js';

/** Input → Affine → LIF → Output; `metadata.nirmesh.run` appended to the root graph's metadata below. */
const MAPPABLE = readFileSync(join(import.meta.dirname, 'fixtures', 'mappable.nir.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'nirmesh-run-settings-'));
const uri = pathToFileURL(join(dir, 'spec.nir.yaml')).href;

let client: LspTestClient | undefined;
afterEach(() => client?.dispose());

async function runWith(settings: Record<string, unknown>, text: string): Promise<RunReport> {
    client = LspTestClient.start({ settings: { validationDelayMs: 0, mapOn: 'never', ...settings }, timeoutMs: 60_000 });
    await client.initialize();
    client.open(uri, text);
    return client.request<RunReport>(RUN_REQUEST, { uri, target: 'none' });
}

/** The spec with its own run settings (a root-level `metadata` replaced or added). */
function withOwnSettings(run: string): string {
    expect(MAPPABLE).not.toMatch(/^ {2}metadata:/m);
    return `${MAPPABLE.trimEnd()}\n  metadata: {nirmesh: {run: ${run}}}\n`;
}

describe('run settings in nirmesh/run', () => {
    it('take steps and Poisson inputs from the spec when the editor sets none', async () => {
        const report = await runWith({}, withOwnSettings('{steps: 120, poisson: {input: 300}}'));
        expect(report.run?.steps).toBe(120);
        expect(report.run?.nodes.find((n) => n.name === 'input')?.spikes).toBeGreaterThan(50);
    });

    it('let the editor\'s nirmesh.run settings win over the spec\'s', async () => {
        const report = await runWith({ run: { steps: 40, numerics: 'exact', poisson: { input: 0 } } }, withOwnSettings('{steps: 120, poisson: {input: 300}}'));
        expect([report.run?.steps, report.run?.numerics]).toEqual([40, 'exact']);
        expect(report.run?.nodes.find((n) => n.name === 'input')?.spikes).toBe(0);
    });

    it.skipIf(!H5PY_AVAILABLE)(`saves a kept run's trace as NIRData that h5py reads, spike for spike (${H5PY_SKIP_REASON} otherwise)`, async () => {
        const report = await runWith({}, withOwnSettings('{steps: 100, poisson: {input: 300}}'));
        const out = join(dir, 'trace.h5');
        const saved = await client!.request<SaveTraceResult>(SAVE_TRACE_REQUEST, { runId: report.runId, uri: pathToFileURL(out).href });
        expect(saved.bytes).toBeGreaterThan(1000);
        const script = 'import h5py,sys,json; f=h5py.File(sys.argv[1]); print(json.dumps({k: len(f["nodes"][k]["observables/spikes/idx"][()]) for k in f["nodes"]}))';
        const counts = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, out], { encoding: 'utf8' })) as Record<string, number>;
        for (const node of report.run!.nodes.filter((n) => n.name in counts)) expect([node.name, counts[node.name]]).toEqual([node.name, node.spikes]);
        expect(counts.input).toBeGreaterThan(50);
        await expect(client!.request(SAVE_TRACE_REQUEST, { runId: 'run-unknown', uri: pathToFileURL(out).href })).rejects.toThrow(/no run 'run-unknown' is kept/);
    });
});
