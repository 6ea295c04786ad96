import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { RunResult, TraceChunk } from '../../engine/src/index.js';
import { tracePageHtml, type TraceViewChunk } from '../../protocol/index.js';
import { toRunSummaryWire, toTraceChunkWire } from '../../host/run-wire.js';
import { readWebviewBundle } from '../../host/webview-assets.js';
import { UsageError } from './cli-context.js';

/**
 * Collects a run's trace for `run --html` and writes the trace view's self-contained page: the
 * view's script and styles inlined, the run embedded as JSON, nothing loaded from anywhere else.
 */
export class TracePageWriter {
    private readonly chunks: TraceViewChunk[] = [];

    readonly onChunk = (chunk: TraceChunk): void => {
        this.chunks.push(toTraceChunkWire(chunk));
    };

    /** Writes the page of `result` (run from `sourcePath`) to `path`; `shown` is the path as the user wrote it. */
    write(path: string, shown: string, sourcePath: string, result: RunResult): void {
        const source = basename(sourcePath);
        const html = tracePageHtml({
            title: `${source}: trace`,
            nonce: randomBytes(18).toString('base64'),
            assets: { kind: 'inline', ...readWebviewBundle('trace') },
            embedded: { run: { ...toRunSummaryWire(result, this.chunks.length), source }, chunks: this.chunks },
        });
        try {
            writeFileSync(path, html);
        } catch (error) {
            throw new UsageError(`run: cannot write ${shown} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
        }
    }
}
