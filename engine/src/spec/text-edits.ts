import type { Span } from '../text/span.js';

/** A replacement of the text between two UTF-16 offsets; editors apply a list of them at once (they never overlap). */
export interface TextEdit {
    readonly start: number;
    readonly end: number;
    readonly newText: string;
}

/**
 * Removes one item of a sequence or one entry of a mapping: its whole lines when it stands on its
 * own lines in block style (nothing but indentation, and `- ` for a sequence item, before it), or
 * the item with one neighbouring comma in flow style.
 */
export function removeListEntry(text: string, span: Span): TextEdit {
    const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
    if (/^[ \t]*(-[ \t]*)?$/.test(text.slice(lineStart, span.start))) {
        const newline = text.indexOf('\n', span.end);
        return { start: lineStart, end: newline < 0 ? text.length : newline + 1, newText: '' };
    }
    const before = skipWhile(text, span.start, -1, /\s/);
    if (text[before - 1] === ',') return { start: before - 1, end: span.end, newText: '' };
    const after = skipWhile(text, span.end, 1, /\s/);
    return { start: span.start, end: text[after] === ',' ? skipWhile(text, after + 1, 1, /\s/) : span.end, newText: '' };
}

/** Moves from `from` over characters matching `what`, forwards (+1) or backwards (-1, looking at the character before). */
export function skipWhile(text: string, from: number, step: 1 | -1, what: RegExp): number {
    let i = from;
    while (step > 0 ? i < text.length && what.test(text[i]) : i > 0 && what.test(text[i - 1])) i += step;
    return i;
}

/** The text of the line holding `offset` up to `offset`, and whether it is only indentation (and a `- ` marker): a block-style entry. */
export function linePrefix(text: string, offset: number): { readonly prefix: string; readonly block: boolean } {
    const prefix = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
    return { prefix, block: /^[ \t]*(-[ \t]*)?$/.test(prefix) };
}

/** Applies non-overlapping edits to a text (for tests and for callers without an editor). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
    let out = text;
    for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
    return out;
}
