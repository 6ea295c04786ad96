import type { CancellationToken, Range, ResponseError } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { GraphAnalysis, MappingResult, NirDocument, Span } from '../../../engine/src/index.js';
import { guard } from '../guard.js';
import { DocumentState, type DocumentSnapshot, type ServerContext } from '../server-context.js';
import { indexOf, type ModelIndex } from './model-index.js';

/** A spec document that has reached a state, with its text and its offset index. */
export interface ReadyDocument {
    readonly snapshot: DocumentSnapshot;
    readonly document: NirDocument;
    /** The text at the snapshot's version: the only thing spans are turned into positions with. */
    readonly text: TextDocument;
    readonly index: ModelIndex;
    /** Shapes and kinds, from `Lowered` on. */
    readonly analysis?: GraphAnalysis;
    /** The placement, from `Mapped` on. */
    readonly mapping?: MappingResult;
}

/**
 * Waits until a spec document reaches `state` and returns it with its index, or undefined when
 * the document is closed, is a `.nir` file (no text to point into), did not parse, or its text has
 * already moved on (so spans would point at the wrong characters).
 */
export async function readyDocument(
    ctx: ServerContext,
    uri: string,
    state: DocumentState,
    token?: CancellationToken,
): Promise<ReadyDocument | undefined> {
    const snapshot = await ctx.whenReady(uri, state, token);
    return snapshot && fromSnapshot(snapshot);
}

/** The ready view of a snapshot, when it has a model and text of the same version. */
export function fromSnapshot(snapshot: DocumentSnapshot): ReadyDocument | undefined {
    const { textDocument: text, result } = snapshot;
    if (!text || !result.document || text.version !== snapshot.version) return undefined;
    return {
        snapshot,
        document: result.document,
        text,
        index: indexOf(result.document),
        analysis: snapshot.state >= DocumentState.Lowered ? result.analysis : undefined,
        mapping: snapshot.state >= DocumentState.Mapped ? result.mapping : undefined,
    };
}

/** The end of a span without the line breaks and spaces a block value's span runs on to. */
export function contentEnd(text: TextDocument, span: Span): number {
    const source = text.getText();
    let end = span.end;
    while (end > span.start && /\s/.test(source[end - 1])) end--;
    return end;
}

/** The LSP range of a span in a text. */
export function toRange(text: TextDocument, span: Span): Range {
    return { start: text.positionAt(span.start), end: text.positionAt(span.end) };
}

/**
 * A guarded request handler that waits until the request's document reaches `state` and answers
 * from its ready view; `null` when there is none (closed, a `.nir` file, unparsable, superseded).
 */
export function onReadyDocument<P extends { readonly textDocument: { readonly uri: string } }, R>(
    ctx: ServerContext,
    name: string,
    state: DocumentState,
    answer: (ready: ReadyDocument, params: P) => R,
): (params: P, token: CancellationToken) => Promise<R | null | ResponseError<void>> {
    return guard(ctx.connection.console, name, async (params: P, token: CancellationToken) => {
        const ready = await readyDocument(ctx, params.textDocument.uri, state, token);
        return ready ? answer(ready, params) : null;
    });
}
