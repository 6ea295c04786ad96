/**
 * The language server against hostile input, over stdio as an editor drives it (build first with
 * `node esbuild.mjs`): a spec with a huge quoted string, a network too large to route, 150,000
 * duplicate edges, a reference through a symbolic link out of the folder, and a badly framed
 * message. After each, the server still answers another document.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../helpers/lsp-client.js';
import type { MapReport } from '../../protocol/index.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const MAPPABLE = readFileSync(join(FIXTURES, 'mappable.nir.yaml'), 'utf8');
const RANDOM_50M = readFileSync(join(import.meta.dirname, '..', 'engine', 'mapping', 'fixtures', 'random-50m.nir.yaml'), 'utf8');
const GRAPH = (nodes: string, edges: string) => `node:\n  type: NIRGraph\n  nodes:\n${nodes}  edges:\n${edges}`;
const IO = '    a: {type: Input, shape: [2]}\n    b: {type: Output, shape: [2]}\n';

let dir: string;
let client: LspTestClient | undefined;

beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nirmesh-lsp-hostile-'));
});
afterEach(() => client?.dispose());

function fileUri(name: string, text?: string): string {
    const path = join(dir, name);
    if (text !== undefined) writeFileSync(path, text);
    return pathToFileURL(path).href;
}

async function started(settings: Record<string, unknown> = { target: 'none', validationDelayMs: 0 }): Promise<LspTestClient> {
    client = LspTestClient.start({ settings, timeoutMs: 120_000 });
    await client.initialize();
    return client;
}

/** Opens a small valid spec and waits for its (empty) diagnostics: the server still serves. */
async function stillServes(c: LspTestClient, name: string): Promise<void> {
    const uri = fileUri(name);
    c.open(uri, GRAPH(IO, '    - [a, b]\n'));
    expect((await c.waitForDiagnostics(uri)).diagnostics).toEqual([]);
}

describe('the server against hostile input', () => {
    it('refuses a 50-million-character string and answers the next document', async () => {
        const c = await started();
        const uri = fileUri('long-string.nir.yaml');
        c.open(uri, `${GRAPH(IO, '    - [a, b]\n')}  metadata:\n    note: "${'x'.repeat(50_000_000)}"\n`);
        const published = await c.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
        expect(published.diagnostics.map((d) => d.code)).toEqual(['spec/too-large']);
        await stillServes(c, 'after-string.nir.yaml');
        expect(c.memoryMiB()?.peak ?? 0).toBeLessThan(600); // the YAML parser alone would take 1.9 GB
    });

    it('maps a network too large to route with a diagnostic, not an abort, and answers the next document', async () => {
        const c = await started({ target: 'spinnaker2-boards:720', validationDelayMs: 0 });
        const uri = fileUri('random-50m.nir.yaml', RANDOM_50M);
        c.open(uri, RANDOM_50M);
        const report = await c.request<MapReport>('nirmesh/map', { uri });
        expect(report.diagnostics.map((d) => d.code)).toContain('spinnaker2/too-many-routes');
        const other = fileUri('mappable.nir.yaml', MAPPABLE);
        c.open(other, MAPPABLE);
        await c.waitForDiagnostics(other);
        expect(c.memoryMiB()?.peak ?? 0).toBeLessThan(1500);
    });

    it('publishes 150,000 duplicate edges (more than a call takes as arguments) as real diagnostics, capped, not as an internal error', async () => {
        const c = await started();
        const uri = fileUri('duplicates.nir.yaml');
        c.open(uri, GRAPH(IO, '    - [a, b]\n'.repeat(150_000)));
        const published = await c.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 300_000);
        const codes = published.diagnostics.map((d) => String(d.code));
        expect(codes).not.toContain('engine/internal-error');
        expect(codes.filter((code) => code === 'nir/duplicate-edge')).toHaveLength(999);
        expect(published.diagnostics.at(-1)?.message).toMatch(/149,?000 more/);
    }, 300_000);

    it('refuses a reference through a symbolic link out of the spec\'s folder', async () => {
        const c = await started();
        mkdirSync(join(dir, 'outside'), { recursive: true });
        mkdirSync(join(dir, 'project'), { recursive: true });
        writeFileSync(join(dir, 'outside', 'w.npy'), 'anything');
        symlinkSync(join(dir, 'outside', 'w.npy'), join(dir, 'project', 'w.npy'));
        const uri = fileUri('project/net.nir.yaml');
        c.open(uri, GRAPH(`${IO}    fc: {type: Linear, weight: {file: w.npy}}\n`, '    - [a, fc]\n    - [fc, b]\n'));
        const published = await c.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
        expect(published.diagnostics.map((d) => [d.code, d.message])).toContainEqual(
            ['spec/bad-file', expect.stringMatching(/^Cannot read 'w\.npy': it leads out of the spec's folder \(through a symbolic link/)],
        );
    });

    it('logs a message framed with Content-Length: abc and goes on serving', async () => {
        const c = await started();
        c.process.stdin?.write('Content-Length: abc\r\n\r\n');
        await expect.poll(() => c.log.join('')).toMatch(/nirmesh: a message from the client could not be read \(Content-Length value must be a number\. Got abc\)/);
        await stillServes(c, 'after-bad-frame.nir.yaml');
        expect(await c.shutdown()).toBe(0);
    });
});
