/**
 * Running a network for the `nirmesh/run` and `nirmesh/traceChunk` requests.
 *
 * Architecture invariants:
 * - The wire types are those of `protocol/run.ts`; the engine's run results and trace chunks are
 *   converted here, field by field, so that an engine change cannot change the wire unnoticed.
 * - Traces are kept as the engine's typed arrays and converted one chunk at a time, when fetched.
 * - A cached run is one made for the same document version (or the same content, for files read
 *   from disk), target, settings and options; cancelled runs are never kept.
 */
export { parseRunOptions, runOptionsKey, MAX_STEPS } from './run-options.js';
export { toWireDiagnostics } from './run-wire.js';
export { toRunSummaryWire, toTraceChunkWire } from '../../../host/run-wire.js';
export { RunCache, KEPT_RUNS, type KeptRun } from './run-cache.js';
