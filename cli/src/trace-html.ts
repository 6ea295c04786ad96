import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { RunResult, TraceChunk } from '../../engine/src/index.js';
import { TRACE_ASSETS, type TraceViewChunk } from '../../protocol/index.js';
import { toRunSummaryWire, toTraceChunkWire } from '../../host/run-wire.js';
import { readWebviewAsset } from '../../host/webview-assets.js';
import { tracePageHtml } from '../../client/webviews/trace/trace-page.js';
import { UsageError } from './cli-context.js';

/**
 * Collects a run's trace for `run --html` and writes the trace view's self-contained page: the
 * view's script and styles inlined, the run embedded as JSON, nothing loaded from anywhere else.
 */
export class TracePageWriter {
    private readonly chunks: TraceViewChunk[] = [];

    readonly onChunk = (chunk: TraceChunk): void => {
        this.chunks.push(toTraceChunkWire(chunk, 'html', this.chunks.length));
    };

    /** Writes the page of `result` (run from `sourcePath`) to `shown`, resolved against `cwd`. */
    write(shown: string, cwd: string, sourcePath: string, result: RunResult): void {
        const script = readWebviewAsset(TRACE_ASSETS.script, cwd);
        if (script === undefined) throw new UsageError('run: --html needs the built trace view (dist/webview-trace.js); run npm run build');
        const source = basename(sourcePath);
        const html = tracePageHtml({
            title: `${source}: trace`,
            nonce: randomBytes(18).toString('base64'),
            cspSource: null,
            script: { inline: script },
            trace: { run: { ...toRunSummaryWire(result, this.chunks.length), source }, chunks: this.chunks },
        });
        const path = resolve(cwd, shown);
        try {
            writeFileSync(path, html);
        } catch (error) {
            throw new UsageError(`run: cannot write ${shown} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
        }
    }
}
