import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Origin, Span } from '../../../engine/src/index.js';

/** The range of problems without a place in the text (`.nir` files, settings): the file's start. */
export const FILE_START: Range = Object.freeze({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });

function spanRange(document: TextDocument, span: Span): Range {
    const start = document.positionAt(span.start);
    const end = document.positionAt(span.end);
    if (end.line === start.line) return { start, end };
    // Never underline a whole block (or run to the end of the file): keep the first line only.
    const lineEnd = document.offsetAt({ line: start.line, character: Number.MAX_SAFE_INTEGER });
    return { start, end: document.positionAt(Math.max(span.start, lineEnd)) };
}

/**
 * The LSP range of an origin, computed with `TextDocument.positionAt` (the only span → position
 * conversion in the server). Ranges stay tight: a value spanning several lines (a node's whole
 * mapping) is shown at its key when it has one (`fc1:`), else on its first line. Without a text
 * or a span the range is the file's start.
 */
export function originRange(origin: Origin, document: TextDocument | undefined): Range {
    if (!document || !origin.span) return FILE_START;
    const range = spanRange(document, origin.span);
    const multiLine = document.positionAt(origin.span.end).line !== range.start.line;
    if (multiLine && origin.keySpan) return spanRange(document, origin.keySpan);
    return range;
}
