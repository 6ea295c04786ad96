import type { TraceViewChunk, TraceViewRun } from './trace-data.js';

/** What the extension sends the trace view, after the view said it is ready. */
export type TraceHostMessage =
    | { readonly type: 'run'; readonly run: TraceViewRun }
    | { readonly type: 'chunk'; readonly chunk: TraceViewChunk }
    | { readonly type: 'error'; readonly message: string };

/** What the trace view sends the extension. */
export type TraceViewMessage =
    | { readonly type: 'ready' }
    /** Save the picture: a `data:image/png;base64,…` URL of the whole view. */
    | { readonly type: 'savePng'; readonly dataUrl: string }
    /** Save the run's trace as a NIRData file (the extension asks the server, which writes it). */
    | { readonly type: 'saveNirData' };

/** The whole trace inside the self-contained page of `nirmesh run --html`. */
export interface EmbeddedTrace {
    readonly run: TraceViewRun;
    readonly chunks: readonly TraceViewChunk[];
}

/** The id of the `<script type="application/json">` element that holds an `EmbeddedTrace`. */
export const EMBEDDED_TRACE_ID = 'nirmesh-trace-data';
