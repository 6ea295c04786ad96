import type { DocumentReport, DocumentRequestParams } from './document-request.js';

/** `nirmesh/export`: maps a document and, when it fits, writes it for another engine (`ExportParams` → `ExportReport`). */
export const EXPORT_REQUEST = 'nirmesh/export';

/** Params of `nirmesh/export`: the document, and the directory to write into (an absolute file path). */
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
