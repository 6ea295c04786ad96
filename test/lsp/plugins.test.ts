/**
 * Engine plugins in the language server (the built `dist/server.cjs` and `bin/nirmesh.cjs`, over
 * stdio): the `nirmesh.plugins` setting loads the example plugin in a trusted workspace only, a
 * broken plugin is a `plugin/load-failed` diagnostic while the server goes on answering, and
 * `nirmesh lsp --plugin` loads one from the command line.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { CAPABILITIES, LspTestClient, ROOT } from '../helpers/lsp-client.js';

const BIG = readFileSync(join(ROOT, 'examples', 'sparse-procedural.nir.yaml'), 'utf8');
const SMALL = readFileSync(join(ROOT, 'examples', 'ff-lif-classifier.nir.yaml'), 'utf8');
const URI = 'file:///plugins/sparse-procedural.nir.yaml';
const OTHER_URI = 'file:///plugins/ff-lif-classifier.nir.yaml';
const EXAMPLE = 'examples/plugins/custom-target';
/** The settings of a workspace that selects the example plugin's target; only fast checks, so that nothing waits for a mapping. */
const SETTINGS = { target: 'lowmem4-board', validationDelayMs: 0, mapOn: 'never' };
/** The workspace is the repository, so that the settings' relative module paths resolve against it. */
const WORKSPACE = { workspaceFolders: [{ uri: pathToFileURL(ROOT).href, name: 'nirmesh' }] };

const codes = (params: PublishDiagnosticsParams) => params.diagnostics.map((d) => d.code);

let client: LspTestClient | undefined;
afterEach(() => client?.dispose());

/** Starts a server with `settings`, initialised as a client that says whether the workspace is trusted. */
async function start(plugins: string[], trusted: boolean): Promise<{ client: LspTestClient; messages: string[] }> {
    const started = LspTestClient.start({ settings: { ...SETTINGS, plugins }, timeoutMs: 60_000 });
    const messages: string[] = [];
    started.connection.onNotification('window/showMessage', (params: { message: string }) => void messages.push(params.message));
    await started.initialize(CAPABILITIES, { ...WORKSPACE, initializationOptions: { plugins: { trusted, modules: [] } } });
    client = started;
    return { client: started, messages };
}

describe('plugins in the language server', () => {
    it('loads the plugins of the setting in a trusted workspace: its target and its check', async () => {
        const { client } = await start([EXAMPLE], true);
        client.open(URI, BIG);
        const published = await client.waitForDiagnostics(URI, (p) => codes(p).includes('lowmem4/large-population'));
        expect(codes(published)).not.toContain('engine/unknown-target');
        expect(published.diagnostics.find((d) => d.code === 'lowmem4/large-population')?.message).toContain("'exc' has 8,000 neurons");
        expect(await client.shutdown()).toBe(0);
    });

    it('reports a broken plugin on every document, keeps the good one, and goes on answering', async () => {
        const broken = 'test/fixtures/plugins/throws-on-load.js';
        const { client } = await start([broken, EXAMPLE], true);
        client.open(URI, BIG);
        const published = await client.waitForDiagnostics(URI, (p) => codes(p).includes('plugin/load-failed'));
        const failure = published.diagnostics.find((d) => d.code === 'plugin/load-failed');
        expect(failure?.message).toMatch(/^plugin test\/fixtures\/plugins\/throws-on-load\.js \(\/.*throws-on-load\.js\): loading it failed: this plugin is broken on purpose/);
        expect(failure?.range.start).toEqual({ line: 0, character: 0 });
        expect(codes(published)).toContain('lowmem4/large-population');
        client.open(OTHER_URI, SMALL);
        const other = await client.waitForDiagnostics(OTHER_URI);
        expect(codes(other)).toContain('plugin/load-failed');
        const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: OTHER_URI }, position: { line: 10, character: 12 } });
        expect(hover).not.toBeNull();
        expect(client.log.join('')).toContain('nirmesh: plugin test/fixtures/plugins/throws-on-load.js');
        expect(await client.shutdown()).toBe(0);
    });

    it('loads nothing in an untrusted workspace, says why, and loads the plugins once the client says it is trusted', async () => {
        const { client, messages } = await start([EXAMPLE], false);
        client.open(URI, BIG);
        const untrusted = await client.waitForDiagnostics(URI, (p) => codes(p).includes('engine/unknown-target'));
        expect(codes(untrusted)).not.toContain('lowmem4/large-population');
        expect(messages.join('\n')).toContain(`the plugin ${EXAMPLE} not loaded: a plugin runs code, and this workspace is not trusted`);
        await client.connection.sendNotification('nirmesh/plugins', { trusted: true, modules: [] });
        const trusted = await client.waitForDiagnostics(URI, (p) => codes(p).includes('lowmem4/large-population'));
        expect(codes(trusted)).not.toContain('engine/unknown-target');
        expect(await client.shutdown()).toBe(0);
    });

    it('loads the modules other extensions hand over (absolute paths), and drops them when they are taken back', async () => {
        const { client } = await start([], true);
        client.open(URI, BIG);
        await client.waitForDiagnostics(URI, (p) => codes(p).includes('engine/unknown-target'));
        await client.connection.sendNotification('nirmesh/plugins', { trusted: true, modules: [join(ROOT, EXAMPLE, 'index.js')] });
        await client.waitForDiagnostics(URI, (p) => codes(p).includes('lowmem4/large-population'));
        await client.connection.sendNotification('nirmesh/plugins', { trusted: true, modules: [] });
        await client.waitForDiagnostics(URI, (p) => codes(p).includes('engine/unknown-target'));
        expect(await client.shutdown()).toBe(0);
    });

    it('takes plugins from the command line of nirmesh lsp --plugin, trusted or not', async () => {
        client = LspTestClient.start({ command: ['node', join(ROOT, 'bin', 'nirmesh.cjs'), 'lsp', '--stdio', '--plugin', EXAMPLE], settings: SETTINGS, timeoutMs: 60_000 });
        await client.initialize();
        client.open(URI, BIG);
        const published = await client.waitForDiagnostics(URI, (p) => codes(p).includes('lowmem4/large-population'));
        expect(codes(published)).not.toContain('engine/unknown-target');
        expect(await client.shutdown()).toBe(0);
    });
});
