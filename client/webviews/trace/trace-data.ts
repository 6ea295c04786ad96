import type { RunSummaryWire, TraceChunkWire } from '../../../protocol/run.js';

/**
 * The data the trace view renders: a run's summary (`nirmesh/run`'s wire type, with the name of
 * the document it ran), then its trace in chunks (`nirmesh/traceChunk`'s wire type, without the
 * request's handle). Plain JSON: the same in a webview message and in the page of `run --html`.
 */
export interface TraceViewRun extends RunSummaryWire {
    /** The document the run came from, as the user knows it (a file name). */
    readonly source: string;
}

/** Ticks `firstStep … firstStep + steps − 1` of the trace. */
export type TraceViewChunk = Omit<TraceChunkWire, 'runId' | 'index'>;
