import type { Connection, ServerCapabilities } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine, AnalyzeResult, Problem } from '../../engine/src/index.js';
import type { CancellationToken } from 'vscode-languageserver';
import type { RunSettings } from './run-settings.js';

/**
 * How far a document has been processed. Any state implies that the smaller ones are done
 * (as Langium's DocumentState). Handlers wait for the state they need.
 */
export enum DocumentState {
    /** Text changed; nothing derived yet. */
    Changed = 0,
    /** Parsed into the NIR model (or found unreadable). */
    Parsed = 1,
    /** Kinds resolved and shapes inferred. */
    Lowered = 2,
    /** Fast checks done; diagnostics published. */
    Checked = 3,
    /** Mapped onto the target; slow checks done. */
    Mapped = 4,
}

/** What the server knows about one open document at one version. Plain values, immutable. */
export interface DocumentSnapshot {
    readonly uri: string;
    readonly version: number;
    /** `spec` for `*.nir.yaml` text, `nir` for `.nir` (HDF5) files. */
    readonly format: 'spec' | 'nir';
    /** The text document (for spec files) used to turn spans into positions. */
    readonly textDocument?: TextDocument;
    readonly state: DocumentState;
    /** The engine's result at `state` (the mapping is present from `Mapped` on). */
    readonly result: AnalyzeResult;
    /** Every problem so far, reading to mapping. */
    readonly problems: readonly Problem[];
}

/** The server's settings (`nirmesh.*` in VS Code). */
export interface ServerSettings {
    /** Hardware target id, or `none`. */
    readonly target: string;
    /** Default neurons per core per NIR type, overriding the target's own defaults. */
    readonly neuronsPerCore: Readonly<Record<string, number>>;
    /** Debounce before validating after an edit, in milliseconds. */
    readonly validationDelayMs: number;
    /**
     * When the full mapping runs: `idle` (default) once the checked text has been left alone for
     * a moment and on save, `save` on save only, `change` after every edit, `never` only on request.
     */
    readonly mapOn: 'idle' | 'save' | 'change' | 'never';
    /** Time unit of NIR time constants. */
    readonly timeUnit: 's' | 'ms';
    /** Read `.nir` files leniently (legacy and broken files load with warnings). */
    readonly lenientNir: boolean;
    /** What `nirmesh/run` uses where the request and the spec say nothing (`nirmesh.run.*`). */
    readonly run: RunSettings;
    /** Engine plugin modules, paths relative to the workspace folder or package names (docs/plugins.md). */
    readonly plugins: readonly string[];
}

/** What every feature handler receives: the connection, the engine, and the document store. */
export interface ServerContext {
    readonly connection: Connection;
    readonly engine: Engine;
    settings(): ServerSettings;
    /** The newest snapshot of a document, without waiting (possibly of an older version than the newest text). */
    current(uri: string): DocumentSnapshot | undefined;
    /**
     * The newest text of an open `*.nir.yaml` document as the editor sent it, without waiting for
     * any analysis (undefined for `.nir` files and closed documents). Its version may be ahead of
     * `current(uri)`; features that can answer from text alone (completion) read it.
     */
    textDocument(uri: string): TextDocument | undefined;
    /**
     * Waits until the newest version of the document reaches `state` (or a newer edit supersedes the
     * wait, which then resolves with the newer snapshot once it gets there). Undefined when closed.
     */
    whenReady(uri: string, state: DocumentState, token?: CancellationToken): Promise<DocumentSnapshot | undefined>;
    /** The `file://` link of a diagnostic code's entry in docs/diagnostics.md. */
    docsLink(code: string): string;
}

/**
 * One editing feature: the capabilities it adds to the `initialize` result, and a function that
 * registers its handlers. Every handler it registers must be guarded (see `guard` in the server core)
 * so that a failure answers the request with an error instead of ending the server.
 */
export interface Feature {
    readonly id: string;
    readonly capabilities: Partial<ServerCapabilities>;
    register(ctx: ServerContext): void;
}
