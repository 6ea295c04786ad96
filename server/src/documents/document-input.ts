import { TextDocument } from 'vscode-languageserver-textdocument';
import { SPEC_LANGUAGE_ID } from '../../../protocol/index.js';

/** The language id of `*.nir.yaml` documents (from the protocol, shared with the client). */
export { SPEC_LANGUAGE_ID };

/** The two kinds of document the server handles. */
export type DocumentFormat = 'spec' | 'nir';

/**
 * What a document is, by language id and URI: `spec` for language `nir-yaml` or a `*.nir.yaml` /
 * `*.nir.yml` URI, `nir` for a `.nir` URI; undefined for anything else (plain YAML is not ours).
 */
export function documentFormat(uri: string, languageId?: string): DocumentFormat | undefined {
    const path = uri.toLowerCase().replace(/[?#].*$/, '');
    if (path.endsWith('.nir')) return 'nir';
    if (languageId === SPEC_LANGUAGE_ID || path.endsWith('.nir.yaml') || path.endsWith('.nir.yml')) return 'spec';
    return undefined;
}

/** One version of a `*.nir.yaml` document: an immutable copy of its text. */
export interface SpecInput {
    readonly format: 'spec';
    readonly uri: string;
    readonly version: number;
    readonly textDocument: TextDocument;
}

/** One read of a `.nir` file: its bytes, or why they could not be read. */
export interface NirInput {
    readonly format: 'nir';
    readonly uri: string;
    /** Counts the reads of this file, so that each read is a new version. */
    readonly version: number;
    readonly bytes?: Uint8Array;
    readonly readError?: string;
}

/** One version of a document, as the pipeline takes it. Immutable. */
export type DocumentInput = SpecInput | NirInput;

/**
 * Freezes one version of an editor document. `TextDocuments` updates its documents in place, so
 * the pipeline and the snapshots get their own copy (the text string itself is shared, not copied).
 */
export function specInput(document: TextDocument): SpecInput {
    const textDocument = TextDocument.create(document.uri, document.languageId, document.version, document.getText());
    return { format: 'spec', uri: document.uri, version: document.version, textDocument };
}
