import type { Diagnostic, WorkDoneProgressParams } from 'vscode-languageserver';
import type { MappingResult } from '../../engine/src/index.js';

/**
 * NIRmesh's own requests on top of LSP. Plain JSON both ways; the client imports the method names
 * and (type-only) the shapes from here, so nothing of the server's runtime reaches its bundle:
 * `client.sendRequest<MapReport>(MAP_REQUEST, params, token)`. Every request is about one
 * document, so each params type extends `DocumentRequestParams` and each result extends
 * `DocumentReport`; `nirmesh/run` and the trace requests join the same way once the simulator exists.
 */

/** What every document request names: the document, and optionally a target other than the setting. */
export interface DocumentRequestParams extends WorkDoneProgressParams {
    /** The document's URI: an open `*.nir.yaml` document, or a `.nir` file (read from disk if not open). */
    readonly uri: string;
    /** A target id for this request only; the `nirmesh.target` setting when absent. */
    readonly target?: string;
}

/** What every document report carries: which text it is about, on which target, and its diagnostics. */
export interface DocumentReport {
    readonly uri: string;
    /** The document version the report was computed from (for `.nir` files, the count of reads). */
    readonly version: number;
    /** The target id used, or `none`. */
    readonly target: string;
    /** Every problem of the document at this stage, as LSP diagnostics (same form as published). */
    readonly diagnostics: Diagnostic[];
    /** True when errors kept the engine from producing the result (the diagnostics say which). */
    readonly blocked: boolean;
}

/** A placement as plain JSON: the engine's `MappingResult` without its problems (those are `diagnostics`). */
export type PlacementJson = Omit<MappingResult, 'problems'>;

/** Params of `nirmesh/map`. Cancellable; reports `$/progress` when the client passes a `workDoneToken`. */
export type MapParams = DocumentRequestParams;

/** The result of `nirmesh/map`: the placement report. `placement` is null when `blocked`. */
export interface MapReport extends DocumentReport {
    readonly placement: PlacementJson | null;
}

/** `nirmesh/map`: maps a document onto its target and returns the placement report (`MapParams` → `MapReport`). */
export const MAP_REQUEST = 'nirmesh/map';

/** The plain-JSON form of a mapping result. */
export function toPlacementJson(mapping: MappingResult): PlacementJson {
    const { problems: _problems, ...placement } = mapping;
    return placement;
}

/** Params of `nirmesh/export`: the document, and the directory to write into (a file path). */
export interface ExportParams extends DocumentRequestParams {
    /** The exporter id; default `py-spinnaker2`. */
    readonly exporter?: string;
    readonly outDir: string;
    /** Write into a directory that is not empty. */
    readonly force?: boolean;
}

/** The result of `nirmesh/export`: the files written (paths relative to `outDir`), none when `blocked`. */
export interface ExportReport extends DocumentReport {
    readonly files: readonly string[];
    /** Why nothing was written, in one sentence, when `blocked`. */
    readonly reason?: string;
}

/** `nirmesh/export`: maps a document and, when it fits, writes it for another engine (`ExportParams` → `ExportReport`). */
export const EXPORT_REQUEST = 'nirmesh/export';
