import { RequestType } from 'vscode-languageserver-protocol';
import { MAP_METHOD, type MapParams, type MapReport } from './map.js';
import { RUN_REQUEST, SAVE_TRACE_REQUEST, TRACE_CHUNK_REQUEST, type RunParams, type RunReport, type SaveTraceParams, type SaveTraceResult, type TraceChunkParams, type TraceChunkWire } from './run.js';

/**
 * The typed requests, for `client.sendRequest(MapRequest, params, token)`. Kept apart from the
 * plain types and names so that only code that sends requests (the VS Code client, which bundles
 * this package anyway) loads `vscode-languageserver-protocol`.
 */
export const MapRequest = new RequestType<MapParams, MapReport, void>(MAP_METHOD);

/** `nirmesh/run`: runs a document and answers with the run's summary and the handle of its trace. */
export const RunRequest = new RequestType<RunParams, RunReport, void>(RUN_REQUEST);

/** `nirmesh/traceChunk`: one chunk of a run's trace. */
export const TraceChunkRequest = new RequestType<TraceChunkParams, TraceChunkWire, void>(TRACE_CHUNK_REQUEST);

/** `nirmesh/saveTrace`: the server writes a kept run's trace as NIRData. */
export const SaveTraceRequest = new RequestType<SaveTraceParams, SaveTraceResult, void>(SAVE_TRACE_REQUEST);
