/**
 * The language server over stdio, driven like an editor: the built `dist/server.cjs` (run
 * `node esbuild.mjs` first), real specs and `.nir` files, and `vscode-jsonrpc` on this side.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CAPABILITIES, LspTestClient, ROOT } from '../helpers/lsp-client.js';
import type { CodeLens, PublishDiagnosticsParams, RegistrationParams } from 'vscode-languageserver';
import type { MapReport } from '../../protocol/index.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const BROKEN = readFileSync(join(FIXTURES, 'broken.nir.yaml'), 'utf8');
const BROKEN_LINE = 5; // zero-based line of `lif: {…` whose `{` is never closed
const FIXED = BROKEN.replace('v_reset: 0\n', 'v_reset: 0}\n');
/** A network the default target (spinnaker2-board48) can place. */
const MAPPABLE_SPEC = readFileSync(join(FIXTURES, 'mappable.nir.yaml'), 'utf8');
/** Whether the engine's `.nir` reader is there yet (it reads a real corpus file into a document). */
/** Checks the graph alone, so that the results do not depend on a hardware target. */
const GRAPH_ONLY = { target: 'none', validationDelayMs: 0 };

let dir: string;
let client: LspTestClient | undefined;

beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nirmesh-lsp-'));
});

afterEach(() => client?.dispose());

/** A `file:` URI in the test folder (the file is written when text is given). */
function fileUri(name: string, text?: string | Uint8Array): string {
    const path = join(dir, name);
    if (text !== undefined) writeFileSync(path, text);
    return pathToFileURL(path).href;
}

async function started(settings: Record<string, unknown> = GRAPH_ONLY, command?: string[]): Promise<LspTestClient> {
    client = LspTestClient.start({ settings, command });
    await client.initialize();
    return client;
}

describe('diagnostics', () => {
    it('publishes a broken spec\'s diagnostics with code, tight range, docs link and version, and clears them once fixed', async () => {
        const c = await started();
        const uri = fileUri('broken.nir.yaml');
        c.open(uri, BROKEN);
        const first = await c.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
        expect(first.version).toBe(1);
        const [syntax] = first.diagnostics;
        expect(syntax).toMatchObject({ code: 'yaml/syntax', severity: 1, source: 'nirmesh' });
        expect(syntax.range.start.line).toBe(BROKEN_LINE);
        expect(syntax.range.end.line).toBe(BROKEN_LINE);
        const href = syntax.codeDescription?.href ?? '';
        expect(href).toMatch(/#yamlsyntax$/);
        expect(readFileSync(fileURLToPath(href.split('#')[0]), 'utf8')).toContain('### `yaml/syntax`');

        // The fix as an editor sends it: one incremental change inserting the missing brace.
        const end = BROKEN.split('\n')[BROKEN_LINE].length;
        const version = c.change(uri, [{ range: { start: { line: BROKEN_LINE, character: end }, end: { line: BROKEN_LINE, character: end } }, text: '}' }]);
        const fixed = await c.waitForDiagnostics(uri);
        expect(fixed).toEqual({ uri, version, diagnostics: [] });
        expect(await c.shutdown()).toBe(0);
    });

    it('never publishes a superseded version while edits arrive faster than checks finish', async () => {
        const c = await started();
        const uri = fileUri('rapid.nir.yaml');
        /** Version k names the unknown dtype `badk`, so each publication shows which text it came from. */
        const textOf = (k: number) => FIXED.replace('tau: 0.02', `tau: {dtype: bad${k}, data: 0.02}`);
        c.open(uri, textOf(1));
        for (let k = 2; k <= 40; k++) c.change(uri, textOf(k));
        const last = await c.waitForDiagnostics(uri);
        expect(last.version).toBe(40);
        expect(last.diagnostics.map((d) => d.code)).toEqual(['spec/unknown-dtype']);
        const versions = c.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
        expect(versions).toEqual([...versions].sort((a, b) => a - b));
        for (const p of c.published.filter((q) => q.uri === uri)) {
            expect(p.diagnostics.map((d) => d.message).join()).toContain(`'bad${p.version}'`);
        }
        expect(await c.shutdown()).toBe(0);
    });

    it('clears a document\'s diagnostics when it is closed', async () => {
        const c = await started();
        const uri = fileUri('closed.nir.yaml');
        c.open(uri, BROKEN);
        await c.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
        c.close(uri);
        await c.waitForDiagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
        expect(await c.shutdown()).toBe(0);
    });

    it('re-checks every document when the settings change: an unknown target is reported, a known one clears it', async () => {
        const c = await started();
        const uri = fileUri('settings.nir.yaml');
        c.open(uri, FIXED);
        await c.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
        await c.setSettings({ ...GRAPH_ONLY, target: 'no-such-board' });
        const unknown = await c.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
        expect(unknown.diagnostics.map((d) => d.code)).toEqual(['engine/unknown-target']);
        expect(unknown.diagnostics[0].message).toContain("'no-such-board'");
        await c.setSettings(GRAPH_ONLY);
        await c.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
        expect(await c.shutdown()).toBe(0);
    });
});

describe('mapping on save', () => {
    const TOO_BIG = readFileSync(join(FIXTURES, 'too-big.nir.yaml'), 'utf8');
    const LIF_LINE = TOO_BIG.split('\n').findIndex((line) => line.startsWith('    lif:'));
    const pes = (p: PublishDiagnosticsParams) => p.diagnostics.find((d) => d.code === 'spinnaker2/too-many-pes');

    it('maps when the spec is saved, and keeps the mapping\'s errors in view, moved with the text, until the next save', async () => {
        const c = await started({ target: 'spinnaker2-chip', validationDelayMs: 0 });
        const uri = fileUri('too-big.nir.yaml', TOO_BIG);
        c.open(uri, TOO_BIG);
        expect(pes(await c.waitForDiagnostics(uri))).toBeUndefined(); // fast checks only while typing
        c.save(uri);
        const mapped = pes(await c.waitForDiagnostics(uri, (p) => pes(p) !== undefined));
        expect(mapped?.range.start.line).toBe(LIF_LINE);
        c.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '# one more line\n' }]);
        const carried = pes(await c.waitForDiagnostics(uri));
        expect(carried?.message).toBe(`${mapped?.message} (from the last mapping, until the next one)`);
        expect(carried?.range.start.line).toBe(LIF_LINE + 1);
        c.save(uri);
        const remapped = await c.waitForDiagnostics(uri, (p) => pes(p)?.message === mapped?.message);
        expect(pes(remapped)?.range.start.line).toBe(LIF_LINE + 1);
        expect(await c.shutdown()).toBe(0);
    });
});

describe('what the server asks of clients that support it', () => {
    it('registers the .nir and .npy file watchers dynamically, the only watchers (the VS Code client has none of its own)', async () => {
        client = LspTestClient.start({ settings: GRAPH_ONLY });
        const registered = client.nextServerRequest('client/registerCapability');
        await client.initialize({ ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } });
        const { registrations } = (await registered) as RegistrationParams;
        expect(registrations.map((r) => [r.method, r.registerOptions])).toEqual([
            ['workspace/didChangeWatchedFiles', { watchers: [{ globPattern: '**/*.nir' }, { globPattern: '**/*.npy' }] }],
        ]);
        expect(await client.shutdown()).toBe(0);
    });

    it('sends workspace/codeLens/refresh once a document is mapped, so that cost lenses show the placement', async () => {
        client = LspTestClient.start({ settings: { validationDelayMs: 0 } });
        await client.initialize({ ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, codeLens: { refreshSupport: true } } });
        const uri = fileUri('lenses.nir.yaml', MAPPABLE_SPEC);
        client.open(uri, MAPPABLE_SPEC);
        await client.waitForDiagnostics(uri);
        const lenses = () => client?.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } }) ?? [];
        const before = (await lenses()).map((l) => l.command?.title);
        expect(before.some((title) => title?.includes('PE'))).toBe(false);
        expect(client.serverRequests.filter((r) => r.method === 'workspace/codeLens/refresh')).toEqual([]); // checked, not mapped
        const refresh = client.nextServerRequest('workspace/codeLens/refresh');
        client.save(uri);
        await refresh;
        const after = (await lenses()).map((l) => l.command?.title);
        expect(after.some((title) => title?.includes('PE'))).toBe(true);
        expect(await client.shutdown()).toBe(0);
    });

    it('sends no refresh to a client that did not announce refreshSupport', async () => {
        const c = await started({ validationDelayMs: 0 });
        const uri = fileUri('no-refresh.nir.yaml', MAPPABLE_SPEC);
        c.open(uri, MAPPABLE_SPEC);
        const report = await c.request<MapReport>('nirmesh/map', { uri });
        expect(report.blocked).toBe(false); // the mapped snapshot was accepted before this answer was written
        expect(c.serverRequests.filter((r) => r.method === 'workspace/codeLens/refresh')).toEqual([]);
        expect(await c.shutdown()).toBe(0);
    });
});

describe('.nir files', () => {
    it('reads a .nir file by URI when it is opened, and puts the HDF5 path of each problem in its message', async () => {
        const c = await started();
        const bytes = readFileSync(join(FIXTURES, 'prim_linear.nir'));
        const good = fileUri('linear.nir', bytes);
        c.open(good, '', 'nir');
        expect((await c.waitForDiagnostics(good)).diagnostics).toEqual([]);
        const truncated = fileUri('truncated.nir', bytes.subarray(0, 3000));
        c.open(truncated, '', 'nir');
        const broken = await c.waitForDiagnostics(truncated, (p) => p.diagnostics.length > 0);
        for (const d of broken.diagnostics) {
            expect(d.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
            expect(d.code).toMatch(/^hdf5\//);
            expect((d.data as { path: string }).path).toMatch(/^\//);
        }
        expect(await c.shutdown()).toBe(0);
    });

    it('resolves a spec\'s reference to a dataset of a .nir file beside it', async () => {
        const c = await started();
        fileUri('weights.nir', readFileSync(join(FIXTURES, 'prim_linear.nir')));
        const spec = (input: number) => [
            'node:',
            '  type: NIRGraph',
            '  nodes:',
            `    input: {type: Input, shape: [${input}]}`,
            '    fc: {type: Linear, weight: {file: weights.nir, path: /node/nodes/node/weight}}',
            '    output: {type: Output, shape: [4]}',
            '  edges: [[input, fc], [fc, output]]',
            '',
        ].join('\n');
        const uri = fileUri('uses-weights.nir.yaml');
        c.open(uri, spec(3));
        // prim_linear's weight is [4, 3]: an Input of 3 fits it, one of 5 does not.
        expect((await c.waitForDiagnostics(uri)).diagnostics).toEqual([]);
        c.change(uri, spec(5));
        const mismatch = await c.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
        expect(mismatch.diagnostics.map((d) => d.code)).toEqual(['nir/edge-shape']);
    });

    it('checks a .nir file that changes on disk without being open, and forgets it once deleted', async () => {
        const c = await started();
        const missing = fileUri('missing.nir');
        await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: missing, type: 1 }] });
        const unreadable = await c.waitForDiagnostics(missing, (p) => p.diagnostics.length > 0);
        expect(unreadable.diagnostics.map((d) => [d.code, d.message])).toEqual([['engine/file-unreadable', `cannot read ${fileURLToPath(missing)} (ENOENT)`]]);
        copyFileSync(join(FIXTURES, 'prim_linear.nir'), fileURLToPath(missing));
        await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: missing, type: 2 }] });
        await c.waitForDiagnostics(missing, (p) => p.diagnostics.length === 0);
        expect(await c.shutdown()).toBe(0);
    });
});

describe('nirmesh/map', () => {
    const MAPPABLE = { validationDelayMs: 0 };

    it('maps an open spec and returns the placement report, reporting $/progress for the work-done token', async () => {
        const c = await started(MAPPABLE);
        const uri = fileUri('map.nir.yaml');
        c.open(uri, MAPPABLE_SPEC);
        await c.waitForDiagnostics(uri);
        const report = await c.request<MapReport>('nirmesh/map', { uri, workDoneToken: 'map-1' });
        expect(report).toMatchObject({ uri, version: 1, target: 'spinnaker2-board48', blocked: false });
        expect(report.diagnostics.filter((d) => (d.severity ?? 1) <= 2)).toEqual([]);
        expect(report.placement?.nodes.map((n) => n.name)).toContain('lif');
        expect(report.placement?.pesUsed).toBeGreaterThan(0);
        // The wire form: the graph with each node's place in the text, and the whole 48-chip board.
        expect(report.graph?.nodes.map((n) => n.name)).toEqual(['input', 'fc', 'lif', 'output']);
        expect(report.graph?.nodes[2]).toMatchObject({ path: '/node/nodes/lif', type: 'LIF', parent: null, shape: [8], range: { start: { line: 9, character: 4 } } });
        expect(report.graph?.edges).toEqual([
            { source: '/node/nodes/input', target: '/node/nodes/fc' },
            { source: '/node/nodes/fc', target: '/node/nodes/lif' },
            { source: '/node/nodes/lif', target: '/node/nodes/output' },
        ]);
        expect(report.placement?.mesh?.chips.length).toBe(2 * 48);
        expect(report.placement?.nodes.find((n) => n.name === 'lif')).toMatchObject({ model: expect.any(String), sramBreakdown: expect.any(Object) });
        const progress = c.progress.filter((p) => p.token === 'map-1').map((p) => p.value.kind);
        expect(progress[0]).toBe('begin');
        expect(progress.at(-1)).toBe('end');
        expect(await c.shutdown()).toBe(0);
    });

    it('reports a blocked mapping with the errors that block it', async () => {
        const c = await started(MAPPABLE);
        const uri = fileUri('blocked.nir.yaml', BROKEN);
        const report = await c.request<MapReport>('nirmesh/map', { uri }); // not open: read from disk
        expect(report.blocked).toBe(true);
        expect(report.placement).toBeNull();
        expect(report.diagnostics.map((d) => d.code)).toContain('yaml/syntax');
        expect(await c.shutdown()).toBe(0);
    });

    it('answers a cancelled mapping with RequestCancelled and keeps serving', async () => {
        const c = await started(MAPPABLE);
        const uri = fileUri('cancel.nir.yaml');
        c.open(uri, MAPPABLE_SPEC);
        const source = c.cancellable();
        const cancelled = c.request<MapReport>('nirmesh/map', { uri }, source.token);
        source.cancel();
        await expect(cancelled).rejects.toMatchObject({ code: -32800 });
        const report = await c.request<MapReport>('nirmesh/map', { uri });
        expect(report.uri).toBe(uri);
        expect(await c.shutdown()).toBe(0);
    });
});

describe('robustness', () => {
    it('answers malformed requests with errors and keeps serving', async () => {
        const c = await started();
        const uri = fileUri('robust.nir.yaml');
        c.open(uri, FIXED);
        await c.waitForDiagnostics(uri);
        const garbage = [{}, { textDocument: { uri: 42 }, position: 'here' }, { textDocument: { uri }, position: { line: -1, character: 1e9 } }];
        const methods = [
            'textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/references',
            'textDocument/rename', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeLens',
            'textDocument/codeAction', 'textDocument/semanticTokens/full', 'nirmesh/map',
        ];
        for (const method of methods) {
            for (const params of garbage) {
                await c.request(method, params).then(
                    () => undefined,
                    (error: { code: number }) => expect([-32600, -32601, -32602, -32603, -32800]).toContain(error.code),
                );
            }
        }
        await expect(c.request('nirmesh/map', { uri: 'file:///nowhere/x.txt' })).rejects.toMatchObject({ code: -32602 });
        expect(c.hasExited).toBe(false);
        c.change(uri, BROKEN);
        expect((await c.waitForDiagnostics(uri)).diagnostics.map((d) => d.code)).toEqual(['yaml/syntax']);
        expect(await c.shutdown()).toBe(0);
    });

    it('survives a hostile document: huge shapes, deep nesting, markup in names', async () => {
        const c = await started();
        const uri = fileUri('hostile.nir.yaml');
        const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
        const hostile = FIXED.replace('shape: [2], tau', `shape: [1000000000000, 1000000000000], tau`).replace('input:', '"<script>alert(1)</script>":') + `\nmetadata: {deep: ${deep}}\n`;
        c.open(uri, hostile);
        const published = await c.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
        expect(published.diagnostics.every((d) => d.source === 'nirmesh')).toBe(true);
        expect(await c.shutdown()).toBe(0);
    });
});

describe('nirmesh lsp --stdio', () => {
    it('serves the same diagnostics from the command line', async () => {
        const c = await started(GRAPH_ONLY, ['node', join(ROOT, 'dist', 'cli.cjs'), 'lsp', '--stdio']);
        const uri = fileUri('cli.nir.yaml');
        c.open(uri, BROKEN);
        const published = await c.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
        expect(published.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['yaml/syntax', BROKEN_LINE]]);
        expect(await c.shutdown()).toBe(0);
    });
});
