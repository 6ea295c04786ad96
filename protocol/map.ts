import type { DocumentReport, DocumentRequestParams } from './document-request.js';
import type { GraphWire } from './graph.js';
import type { PlacementWire } from './placement.js';

/** `nirmesh/map`: maps a document onto its target and returns the placement report. */
export const MAP_METHOD = 'nirmesh/map';

/** Params of `nirmesh/map`. Cancellable; reports `$/progress` when the client passes a `workDoneToken`. */
export type MapParams = DocumentRequestParams;

/** The result of `nirmesh/map`. `placement` is null when `blocked`; `graph` is null when the file did not load. */
export interface MapReport extends DocumentReport {
    readonly graph: GraphWire | null;
    readonly placement: PlacementWire | null;
}
