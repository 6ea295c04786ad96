import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import { secondsPer, throwIfCancelled, writeNirData, type Engine, type TraceChunk } from '../../../engine/src/index.js';
import { TraceCollector } from '../../../host/trace-collector.js';
import {
    RUN_REQUEST, SAVE_TRACE_REQUEST, TRACE_CHUNK_REQUEST, type RunParams, type RunReport, type SaveTraceParams, type SaveTraceResult, type TraceChunkParams, type TraceChunkWire,
} from '../../../protocol/run.js';
import type { DocumentInput } from '../documents/index.js';
import { toDiagnostics } from '../convert/index.js';
import { parseRunOptions, RunCache, runOptionsKey, toRunSummaryWire, toTraceChunkWire, toWireDiagnostics } from '../run/index.js';
import { guard } from '../guard.js';
import { runOptionsFromSettings } from '../run-settings.js';
import { invalidParams, readUntracked } from './untracked-document.js';
import type { ServerCore } from './server-core.js';

/** Share of the progress bar for loading, checking and mapping; the ticks fill the rest. */
const SETUP_PERCENT = 10;

/** What identifies a document's content: its version when the editor has it open, else a hash of what was read. */
function contentKey(input: DocumentInput, tracked: boolean): string {
    if (tracked) return `v${input.version}`;
    const hash = createHash('sha256');
    if (input.format === 'spec') hash.update(input.textDocument.getText());
    else hash.update(input.bytes ?? input.readError ?? '');
    return hash.digest('hex');
}

/**
 * Runs one document (`nirmesh/run`): the newest version of an open document, or a file read from
 * disk. Answers from the cache when the same version, target, settings and options were run
 * before; otherwise loads (through the parse cache), checks, maps and simulates with
 * `Engine.run`, reporting `$/progress`, and keeps the run and its trace for `nirmesh/traceChunk`.
 */
async function runDocument(core: ServerCore, engine: Engine, runs: RunCache, params: RunParams, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<RunReport> {
    if (typeof params?.uri !== 'string') throw invalidParams(`${RUN_REQUEST}: params must be { uri: string, target?: string, options?: {…} }`);
    if (params.target !== undefined && (typeof params.target !== 'string' || params.target.trim() === '')) throw invalidParams(`${RUN_REQUEST}: target must be a target id or 'none'`);
    const parsed = parseRunOptions(params.options);
    if ('error' in parsed) throw invalidParams(`${RUN_REQUEST}: ${parsed.error}`);
    await core.settings.ready;
    const settings = core.settings.current();
    const target = params.target?.trim() ?? settings.target;

    const tracked = core.store.input(params.uri);
    const input = tracked ?? (await readUntracked(RUN_REQUEST, params.uri));
    const key = [params.uri, contentKey(input, tracked !== undefined), target, JSON.stringify([settings.neuronsPerCore, settings.timeUnit, settings.lenientNir, settings.run]), runOptionsKey(params.options)].join('\n');
    const kept = runs.get(key);
    if (kept) return { ...kept.report, cached: true };

    progress.begin('NIRmesh: running', 0, 'reading');
    try {
        const loaded = await core.cache.load(input, { lenientNir: settings.lenientNir, filesEpoch: core.scheduler.referencedFilesEpoch }, token);
        throwIfCancelled(token);
        progress.report(SETUP_PERCENT / 2, 'checking and mapping');
        const chunks: TraceChunk[] = [];
        let shown = -1;
        const ran = loaded.document
            ? await engine.run(loaded.document, {
                  ...runOptionsFromSettings(settings.run),
                  ...parsed.options,
                  target,
                  neuronsPerCore: settings.neuronsPerCore,
                  timeUnit: settings.timeUnit,
                  token,
                  onChunk: (chunk) => chunks.push(chunk),
                  onProgress: (done, steps) => {
                      const percent = Math.floor(SETUP_PERCENT + ((100 - SETUP_PERCENT) * done) / Math.max(1, steps));
                      if (percent <= shown) return;
                      shown = percent;
                      progress.report(percent, `tick ${done} of ${steps}`);
                  },
              })
            : undefined;
        throwIfCancelled(token); // a cancelled run is answered RequestCancelled and never kept
        const problems = [...loaded.problems, ...(ran?.problems ?? [])];
        const result = ran?.result;
        const runId = result ? `run-${createHash('sha256').update(key).digest('hex').slice(0, 16)}` : null;
        const report: RunReport = {
            uri: input.uri,
            version: input.version,
            target,
            diagnostics: toWireDiagnostics(toDiagnostics(problems, { uri: input.uri, textDocument: input.format === 'spec' ? input.textDocument : undefined, docsLink: core.docsLink })),
            blocked: result === undefined,
            runId,
            cached: false,
            run: result ? toRunSummaryWire(result, chunks.length) : null,
        };
        runs.put(key, { report, chunks });
        return report;
    } finally {
        progress.done();
        if (!tracked) core.cache.forget(params.uri);
    }
}

/** One chunk of a kept run's trace (`nirmesh/traceChunk`). */
function traceChunk(runs: RunCache, params: TraceChunkParams): TraceChunkWire {
    if (typeof params?.runId !== 'string' || !Number.isInteger(params.index)) throw invalidParams(`${TRACE_CHUNK_REQUEST}: params must be { runId: string, index: whole number }`);
    const run = runs.byRunId(params.runId);
    if (!run) throw invalidParams(`${TRACE_CHUNK_REQUEST}: no run '${params.runId}' is kept (the server keeps the last few runs); run it again`);
    const chunk = run.chunks[params.index];
    if (!chunk) throw invalidParams(`${TRACE_CHUNK_REQUEST}: run '${params.runId}' has chunks 0 to ${run.chunks.length - 1}, not ${params.index}`);
    return toTraceChunkWire(chunk, params.runId, params.index);
}

/** Writes a kept run's trace as NIRData where the client asks (`nirmesh/saveTrace`); the server owns file writing. */
async function saveTrace(core: ServerCore, runs: RunCache, params: SaveTraceParams): Promise<SaveTraceResult> {
    if (typeof params?.runId !== 'string' || typeof params.uri !== 'string') throw invalidParams(`${SAVE_TRACE_REQUEST}: params must be { runId: string, uri: string }`);
    const run = runs.byRunId(params.runId);
    if (!run?.report.run) throw invalidParams(`${SAVE_TRACE_REQUEST}: no run '${params.runId}' is kept (the server keeps the last few runs); run it again`);
    let path: string;
    try {
        path = fileURLToPath(params.uri);
    } catch {
        throw invalidParams(`${SAVE_TRACE_REQUEST}: ${params.uri} is not a file: URI`);
    }
    const collector = new TraceCollector();
    for (const chunk of run.chunks) collector.onChunk(chunk);
    const summary = run.report.run;
    const tick = summary.dtMs / 1000 / secondsPer(core.settings.current().timeUnit);
    const written = await writeNirData(collector.toNirData(summary, tick));
    if (!written.bytes) throw invalidParams(`${SAVE_TRACE_REQUEST}: the trace could not be written: ${written.problems.map((p) => p.message).join('; ')}`);
    try {
        await writeFile(path, written.bytes);
    } catch (error) {
        throw invalidParams(`${SAVE_TRACE_REQUEST}: cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    return { bytes: written.bytes.length };
}

/** Registers `nirmesh/run` (guarded; `$/progress` with a `workDoneToken`; cancellable), `nirmesh/traceChunk` and `nirmesh/saveTrace`. */
export function registerRunRequests(core: ServerCore, engine: Engine): void {
    const { connection, log } = core;
    const runs = new RunCache();
    connection.onRequest(
        RUN_REQUEST,
        guard(log, RUN_REQUEST, (params: RunParams, token: CancellationToken) =>
            runDocument(core, engine, runs, params, token, connection.window.attachWorkDoneProgress(params?.workDoneToken)),
        ),
    );
    connection.onRequest(TRACE_CHUNK_REQUEST, guard(log, TRACE_CHUNK_REQUEST, (params: TraceChunkParams) => traceChunk(runs, params)));
    connection.onRequest(SAVE_TRACE_REQUEST, guard(log, SAVE_TRACE_REQUEST, (params: SaveTraceParams) => saveTrace(core, runs, params)));
}
