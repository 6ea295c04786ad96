/** What every document request names: the document, and optionally a target other than the setting. */
export interface DocumentRequestParams {
    /** LSP's work-done token: the server reports `$/progress` under it. */
    readonly workDoneToken?: string | number;
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
    /** Every problem of the document at this stage, in the form the server publishes them. */
    readonly diagnostics: readonly DiagnosticWire[];
    /** True when errors kept the engine from producing the result (the diagnostics say which). */
    readonly blocked: boolean;
}

/** A zero-based line and UTF-16 character, as in LSP. */
export interface WirePosition {
    readonly line: number;
    readonly character: number;
}

/** A range of text, as in LSP. */
export interface WireRange {
    readonly start: WirePosition;
    readonly end: WirePosition;
}

/** A related place of a diagnostic, as in LSP. */
export interface RelatedInformationWire {
    readonly location: { readonly uri: string; readonly range: WireRange };
    readonly message: string;
}

/**
 * A diagnostic as the server publishes it: LSP's `Diagnostic` with a plain-text message. Severity
 * 1 error, 2 warning, 3 information, 4 hint; the code is the check id (`nir/dangling-edge`).
 */
export interface DiagnosticWire {
    readonly range: WireRange;
    readonly severity?: 1 | 2 | 3 | 4;
    readonly code?: string | number;
    readonly codeDescription?: { readonly href: string };
    readonly source?: string;
    readonly message: string;
    readonly tags?: readonly (1 | 2)[];
    readonly relatedInformation?: readonly RelatedInformationWire[];
}
