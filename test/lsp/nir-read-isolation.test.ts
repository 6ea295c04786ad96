/**
 * One document's `.nir` read does not starve another's requests: the server, over stdio as an
 * editor drives it (build first with `node esbuild.mjs`), is reading a `.nir` file on which HDF5
 * loops forever (test/fixtures/hostile/global-heap-loop.nir) when a spec is opened and hovered. The
 * spec's diagnostics and hover answer before the `.nir` read ends (at the read bound, as
 * `hdf5/read-timeout`). Were the read on the server's main thread, neither would ever come.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver';
import { LspTestClient, ROOT } from '../helpers/lsp-client.js';
import type { RunReport } from '../../protocol/index.js';

const uriOf = (path: string) => pathToFileURL(path).href;
const LOOPING = uriOf(join(ROOT, 'test', 'fixtures', 'hostile', 'global-heap-loop.nir'));
const GOOD = uriOf(join(ROOT, 'test', 'fixtures', 'nir', 'generated', 'graph_ff_lif.nir'));
const SPEC = 'node:\n  type: NIRGraph\n  nodes:\n    a: {type: Input, shape: [2]}\n    b: {type: Output, shape: [2]}\n  edges:\n    - [a, b]\n';
/**
 * The bound on one `.nir` read; only the looping file reaches it. It is what ends the test, not what
 * the test measures: the spec's answers come in well under a second unless the server is blocked.
 */
const READ_BOUND_MS = 30_000;

/** The two ways an editor starts the server: the server bundle, and `nirmesh lsp --stdio`. */
const SERVERS: [string, string[]][] = [
    ['dist/server.cjs --stdio', ['node', join(ROOT, 'dist', 'server.cjs'), '--stdio']],
    ['nirmesh lsp --stdio', ['node', join(ROOT, 'bin', 'nirmesh.cjs'), 'lsp', '--stdio']],
];

let client: LspTestClient | undefined;
afterEach(() => client?.dispose());

describe.skipIf(!existsSync(join(ROOT, 'dist', 'nir-read-worker.cjs')))('a .nir read that never ends by itself', () => {
    it.each(SERVERS)('leaves %s answering a spec while it lasts', async (_name, command) => {
        const c = LspTestClient.start({ command, settings: { target: 'none', validationDelayMs: 0 }, env: { NIRMESH_NIR_READ_TIMEOUT_MS: String(READ_BOUND_MS) }, timeoutMs: 120_000 });
        client = c;
        await c.initialize();
        // A good .nir file first, so that h5wasm is loaded wherever the server reads: afterwards,
        // starting the next read leaves no asynchronous gap before HDF5 runs.
        c.open(GOOD, '', 'nir');
        await c.waitForDiagnostics(GOOD);

        const events: string[] = [];
        const nirRun = c.request<RunReport>('nirmesh/run', { uri: LOOPING, target: 'none', workDoneToken: 'looping' }).then((report) => {
            events.push('the .nir read ended');
            return report;
        });
        nirRun.catch(() => undefined); // awaited below; a failure before then must not also be unhandled
        // The server sends this `begin` right before it hands the file to the reader.
        await c.waitForProgress((e) => e.token === 'looping' && e.value.kind === 'begin');

        const spec = uriOf(join(mkdtempSync(join(tmpdir(), 'nirmesh-isolation-')), 'other.nir.yaml'));
        writeFileSync(new URL(spec), SPEC);
        c.open(spec, SPEC);
        const published = await c.waitForDiagnostics(spec);
        events.push('spec diagnostics');
        const line = SPEC.split('\n').findIndex((l) => l.includes('Input'));
        const hover = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri: spec }, position: { line, character: SPEC.split('\n')[line].indexOf('Input') + 1 } });
        events.push('spec hover');

        const report = await nirRun;
        expect(published.diagnostics).toEqual([]);
        expect(JSON.stringify(hover?.contents)).toMatch(/Input/);
        expect(report.diagnostics.map((d) => d.code)).toEqual(['hdf5/read-timeout']);
        expect(events).toEqual(['spec diagnostics', 'spec hover', 'the .nir read ended']);
    }, 300_000);
});
