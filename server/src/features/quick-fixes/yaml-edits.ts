import { removeListEntry, skipWhile, type NirNode, type Origin, type Span, type TextEdit } from '../../../../engine/src/index.js';

/** A text change by offsets; the code-action layer turns it into an LSP edit. */
export type OffsetEdit = TextEdit;

/**
 * Adds `key: value` to the mapping whose entries are `entries` (their key and value origins):
 * after the last entry, as `, key: value` in a flow mapping or as a new line at the entries'
 * indentation in a block mapping. `value` must be one line (flow style). Undefined without entries.
 */
export function appendEntry(text: string, entries: readonly Origin[], key: string, value: string): OffsetEdit | undefined {
    let last: { readonly keySpan?: Span; readonly span: Span } | undefined;
    for (const origin of entries) {
        const span = origin.span;
        if (span && (!last || span.end > last.span.end)) last = { keySpan: origin.keySpan, span };
    }
    if (!last) return undefined;
    const end = last.span.end;
    const next = text[skipWhile(text, end, 1, /[ \t]/)];
    if (next === ',' || next === '}') return { start: end, end, newText: `, ${key}: ${value}` };
    const keyStart = last.keySpan?.start ?? last.span.start;
    const column = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
    const eol = lineEnd(text, end);
    const newline = text.includes('\r\n') ? '\r\n' : '\n';
    return { start: eol, end: eol, newText: `${newline}${' '.repeat(column)}${key}: ${value}` };
}

/** The origins of the entries written in a node's mapping: `type`, its parameters and `metadata`. */
export function nodeEntries(node: NirNode): Origin[] {
    const entries = [node.typeOrigin, ...[...node.params.values()].map((v) => v.origin)];
    if (node.metadata.origin.span) entries.push(node.metadata.origin);
    return entries;
}

/**
 * Removes one item of a sequence: its whole line for a block item (`- [a, b]`), or the item with
 * one neighbouring comma in a flow sequence.
 */
export const removeSequenceItem = removeListEntry;

/** A value in flow style: numbers and plain words as they are, lists as `[a, b]`. */
export function flowList(values: readonly (number | string)[]): string {
    return `[${values.join(', ')}]`;
}

/** The offset of the end of the line holding `offset` (before any `\r\n`). */
function lineEnd(text: string, offset: number): number {
    const newline = text.indexOf('\n', offset);
    const end = newline < 0 ? text.length : newline;
    return text[end - 1] === '\r' ? end - 1 : end;
}
