import type { RunSummaryWire, TraceChunkWire } from './run.js';
import type { ReadyMessage } from './webview-messages.js';

/**
 * What the trace view draws, in VS Code's webview and in the page of `nirmesh run --html` alike:
 * a run's summary (with the name of the document it ran) and its trace in chunks.
 */
export interface TraceViewRun extends RunSummaryWire {
    /** The document the run came from, as the user knows it (a file name). */
    readonly source: string;
}

/** Ticks `firstStep … firstStep + steps − 1` of a trace (a `nirmesh/traceChunk` answer without its handle). */
export type TraceViewChunk = Omit<TraceChunkWire, 'runId' | 'index'>;

/** Extension → trace view: draw this run (replaces what is shown); its chunks follow. */
export interface ShowRunMessage {
    readonly kind: 'run';
    readonly run: TraceViewRun;
    /** Whether the extension can save this run's trace as NIRData (the view offers it only then). */
    readonly canSaveNirData: boolean;
}

/** Extension → trace view: the next chunk of the run shown. */
export interface TraceChunkMessage {
    readonly kind: 'chunk';
    readonly chunk: TraceViewChunk;
}

/** Extension → trace view: the trace could not be fetched. */
export interface TraceErrorMessage {
    readonly kind: 'error';
    readonly message: string;
}

/** Everything the extension posts to the trace view. */
export type ToTraceViewMessage = ShowRunMessage | TraceChunkMessage | TraceErrorMessage;

/** Trace view → extension: save this picture (a `data:image/png;base64,…` URL of the plots). */
export interface SavePngMessage {
    readonly kind: 'savePng';
    readonly dataUrl: string;
}

/** Trace view → extension: save the run's trace as a NIRData file (the server writes it). */
export interface SaveNirDataMessage {
    readonly kind: 'saveNirData';
}

/** Everything the trace view posts to the extension. */
export type FromTraceViewMessage = ReadyMessage | SavePngMessage | SaveNirDataMessage;

/** The whole trace inside the self-contained page of `nirmesh run --html`. */
export interface EmbeddedTrace {
    readonly run: TraceViewRun;
    readonly chunks: readonly TraceViewChunk[];
}

/** The element id of the `<script type="application/json">` that carries an `EmbeddedTrace` in a standalone page. */
export const TRACE_DATA_ELEMENT_ID = 'nirmesh-trace-data';

/** The built files the trace view loads, in `dist/`. */
export const TRACE_ASSETS = { script: 'webview-trace.js' } as const;

/** The view type of the trace webview panels. */
export const TRACE_VIEW_TYPE = 'nirmesh.trace';

/** True when a value posted by the trace view is a message the extension understands. */
export function isFromTraceViewMessage(value: unknown): value is FromTraceViewMessage {
    if (typeof value !== 'object' || value === null) return false;
    const message = value as { kind?: unknown; dataUrl?: unknown };
    return message.kind === 'ready' || message.kind === 'saveNirData' || (message.kind === 'savePng' && typeof message.dataUrl === 'string');
}
