/**
 * `nirmesh/run` and `nirmesh/traceChunk` over stdio, as an editor or a trace view drives them: the
 * built `dist/server.cjs` (run `node esbuild.mjs` first) with real specs.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../helpers/lsp-client.js';
import { RUN_REQUEST, TRACE_CHUNK_REQUEST, type RunParams, type RunReport, type TraceChunkWire } from '../../protocol/run.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
/** Input → Affine → LIF → Output, which the default target (spinnaker2-board48) places. */
const MAPPABLE = readFileSync(join(FIXTURES, 'mappable.nir.yaml'), 'utf8');
const BROKEN = readFileSync(join(FIXTURES, 'broken.nir.yaml'), 'utf8');
/** A network that needs more PEs than one chip has. */
const TOO_BIG = readFileSync(join(import.meta.dirname, '..', 'engine', 'mapping', 'fixtures', 'too-many-pes-for-a-chip.nir.yaml'), 'utf8');
const DRIVEN = { steps: 300, chunkSteps: 100, seed: 3, poisson: [{ node: 'input', rateHz: 400 }] };

let dir: string;
let client: LspTestClient | undefined;

beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nirmesh-run-'));
});

afterEach(() => client?.dispose());

function fileUri(name: string, text?: string): string {
    const path = join(dir, name);
    if (text !== undefined) writeFileSync(path, text);
    return pathToFileURL(path).href;
}

async function started(settings: Record<string, unknown> = { validationDelayMs: 0, mapOn: 'never' }): Promise<LspTestClient> {
    client = LspTestClient.start({ settings, timeoutMs: 60_000 });
    await client.initialize();
    return client;
}

const run = (c: LspTestClient, params: RunParams, token?: Parameters<LspTestClient['request']>[2]) => c.request<RunReport>(RUN_REQUEST, params, token);

/** Every chunk of a run's trace, fetched one request at a time. */
async function trace(c: LspTestClient, report: RunReport): Promise<TraceChunkWire[]> {
    const chunks: TraceChunkWire[] = [];
    for (let index = 0; index < (report.run?.chunks ?? 0); index++) chunks.push(await c.request<TraceChunkWire>(TRACE_CHUNK_REQUEST, { runId: report.runId, index }));
    return chunks;
}

describe('nirmesh/run', () => {
    it('runs an open spec on the mesh with $/progress, and its trace comes back chunk by chunk, adding up to the summary', async () => {
        const c = await started();
        const uri = fileUri('driven.nir.yaml');
        c.open(uri, MAPPABLE);
        const report = await run(c, { uri, options: DRIVEN, workDoneToken: 'run-1' });
        expect([report.uri, report.version, report.target, report.blocked, report.cached]).toEqual([uri, 1, 'spinnaker2-board48', false, false]);
        expect(report.diagnostics.filter((d) => d.severity === 1)).toEqual([]);
        const summary = report.run!;
        expect([summary.targetId, summary.steps, summary.chunks]).toEqual(['spinnaker2-board48', 300, 3]);
        const input = summary.nodes.find((n) => n.name === 'input')!;
        expect(input.spikes).toBeGreaterThan(4 * 300 * 0.4 * 0.5); // 4 neurons at 400 Hz for 0.3 s: about 480
        expect(summary.packets).toBeGreaterThan(0);

        const chunks = await trace(c, report);
        expect(chunks.map((k) => [k.index, k.firstStep, k.steps])).toEqual([[0, 0, 100], [1, 100, 100], [2, 200, 100]]);
        summary.channels.forEach((channel, i) => {
            const spikes = chunks.flatMap((k) => k.spikes.filter((s) => s.channel === i).flatMap((s) => s.step));
            expect([channel.name, spikes.length]).toEqual([channel.name, summary.nodes.find((n) => n.name === channel.name)?.spikes]);
            for (const k of chunks) for (const s of k.spikes.filter((col) => col.channel === i)) expect(s.step.every((t) => t >= k.firstStep && t < k.firstStep + k.steps)).toBe(true);
        });
        expect(chunks.reduce((sum, k) => sum + (k.packets ?? []).reduce((a, b) => a + b, 0), 0)).toBe(summary.packets);
        expect(Array.isArray(chunks[0].spikes[0].neuron)).toBe(true); // plain JSON arrays, not typed-array objects

        const progress = c.progress.filter((p) => p.token === 'run-1').map((p) => p.value);
        expect(progress[0]).toMatchObject({ kind: 'begin', title: 'NIRmesh: running' });
        expect(progress.at(-1)?.kind).toBe('end');
        const percents = progress.flatMap((p) => (p.kind === 'report' && p.percentage !== undefined ? [p.percentage] : []));
        expect(percents).toEqual([...percents].sort((a, b) => a - b));
        expect(progress.some((p) => p.message?.startsWith('tick '))).toBe(true);
        expect(await c.shutdown()).toBe(0);
    });

    it('answers again from its cache for the same version, target and options (in any key order), and runs anew when any of them changes', async () => {
        const c = await started();
        const uri = fileUri('cached.nir.yaml');
        c.open(uri, MAPPABLE);
        const first = await run(c, { uri, target: 'none', options: DRIVEN });
        expect([first.cached, first.run?.targetId]).toEqual([false, 'none']);
        const reordered = { poisson: DRIVEN.poisson, seed: 3, chunkSteps: 100, steps: 300 };
        const again = await run(c, { uri, target: 'none', options: reordered });
        expect({ ...again, cached: false }).toEqual(first);
        expect(again.cached).toBe(true);
        const otherSeed = await run(c, { uri, target: 'none', options: { ...DRIVEN, seed: 4 } });
        const onMesh = await run(c, { uri, options: DRIVEN });
        expect([otherSeed.cached, onMesh.cached, onMesh.run?.targetId]).toEqual([false, false, 'spinnaker2-board48']);
        expect(new Set([first.runId, otherSeed.runId, onMesh.runId]).size).toBe(3);
        c.change(uri, MAPPABLE.replace('tau: 0.02', 'tau: 0.03'));
        const edited = await run(c, { uri, target: 'none', options: DRIVEN });
        expect([edited.version, edited.cached]).toEqual([2, false]);
        // The trace of the first run is still there.
        expect((await c.request<TraceChunkWire>(TRACE_CHUNK_REQUEST, { runId: first.runId, index: 2 })).firstStep).toBe(200);
        expect(await c.shutdown()).toBe(0);
    });

    it('answers a run cancelled while it ticks with RequestCancelled, keeps nothing of it, and keeps serving', async () => {
        const c = await started();
        const uri = fileUri('long.nir.yaml');
        c.open(uri, MAPPABLE);
        const long = { uri, target: 'none', options: { ...DRIVEN, steps: 5_000_000, chunkSteps: 10_000 }, workDoneToken: 'long' };
        const source = c.cancellable();
        const cancelled = run(c, long, source.token);
        await c.waitForProgress((p) => p.token === 'long' && p.value.message?.startsWith('tick ') === true);
        source.cancel();
        await expect(cancelled).rejects.toMatchObject({ code: -32800 });
        await c.waitForProgress((p) => p.token === 'long' && p.value.kind === 'end');
        const short = await run(c, { uri, options: DRIVEN });
        expect(short.blocked).toBe(false);
        // Not kept: the same long run starts again (and is cancelled again) rather than answering from the cache.
        const again = c.cancellable();
        const second = run(c, { ...long, workDoneToken: 'long-2' }, again.token);
        await c.waitForProgress((p) => p.token === 'long-2' && p.value.message?.startsWith('tick ') === true);
        again.cancel();
        await expect(second).rejects.toMatchObject({ code: -32800 });
        expect(await c.shutdown()).toBe(0);
    });

    it('reports a blocked document with its diagnostics and no run: YAML errors, and a network that does not fit its target (it runs with target none)', async () => {
        const c = await started();
        const broken = fileUri('broken.nir.yaml');
        c.open(broken, BROKEN);
        const report = await run(c, { uri: broken });
        expect([report.blocked, report.runId, report.run]).toEqual([true, null, null]);
        expect(report.diagnostics.map((d) => d.code)).toContain('yaml/syntax');

        const big = fileUri('big.nir.yaml', TOO_BIG); // not open: read from disk
        const refused = await run(c, { uri: big, target: 'spinnaker2-chip', options: { steps: 2 } });
        expect([refused.blocked, refused.version, refused.diagnostics.find((d) => d.severity === 1)?.code]).toEqual([true, 0, 'spinnaker2/too-many-pes']);
        const alone = await run(c, { uri: big, target: 'none', options: { steps: 2 } });
        expect([alone.blocked, alone.run?.steps]).toEqual([false, 2]);
        expect(await c.shutdown()).toBe(0);
    });

    it('answers malformed params, unknown runs and chunks out of range with InvalidParams naming the problem', async () => {
        const c = await started();
        const uri = fileUri('params.nir.yaml');
        c.open(uri, MAPPABLE);
        await expect(run(c, { uri, options: { steps: 0 } })).rejects.toMatchObject({ code: -32602, message: expect.stringContaining('options.steps must be a whole number from 1') });
        await expect(run(c, { uri, options: { stpes: 10 } as never })).rejects.toMatchObject({ code: -32602, message: expect.stringContaining('options.stpes is not a run option') });
        await expect(run(c, { uri, options: { inputs: [{ node: 'input', idx: [0, 1], time: [0.001] }] } })).rejects.toMatchObject({ code: -32602 });
        await expect(run(c, { uri: 'file:///nowhere/x.txt' })).rejects.toMatchObject({ code: -32602 });
        await expect(c.request(TRACE_CHUNK_REQUEST, { runId: 'run-none', index: 0 })).rejects.toMatchObject({ code: -32602, message: expect.stringContaining("no run 'run-none' is kept") });
        const report = await run(c, { uri, target: 'none', options: { steps: 10, inputs: [{ node: 'input', idx: [0, 3], time: [0.002, 0.004] }] } });
        expect(report.run?.nodes.find((n) => n.name === 'input')?.spikes).toBe(2);
        await expect(c.request(TRACE_CHUNK_REQUEST, { runId: report.runId, index: 1 })).rejects.toMatchObject({ code: -32602, message: expect.stringContaining('has chunks 0 to 0, not 1') });
        expect(await c.shutdown()).toBe(0);
    });
});
