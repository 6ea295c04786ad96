/**
 * Line helpers over a YAML text for the incremental re-parse: offsets, indentation, blank and
 * comment lines. Offsets are UTF-16 indices; a line ends at `\n` (a `\r` before it is content).
 */

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
    return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset where the line after the one holding `offset` starts (the text's length on the last line). */
export function nextLineStart(text: string, offset: number): number {
    const newline = text.indexOf('\n', offset);
    return newline < 0 ? text.length : newline + 1;
}

/**
 * The indentation of the line starting at `start`, in spaces; -1 for a line that is blank or
 * only a comment (it never closes a block), -2 when the indentation holds a tab (not YAML).
 */
export function indentOf(text: string, start: number): number {
    let i = start;
    while (i < text.length && text.charCodeAt(i) === 32) i++;
    const ch = text[i];
    if (ch === '\t') return -2;
    if (ch === undefined || ch === '\n' || ch === '\r' || ch === '#') return -1;
    return i - start;
}

/**
 * The start of the first line in `[from, limit)` (`from` a line start) that holds content
 * indented at most `indent` spaces, else `limit`; -1 if a line on the way has a tab in its indentation.
 */
export function blockEnd(text: string, from: number, indent: number, limit = text.length): number {
    for (let line = from; line < limit; line = nextLineStart(text, line)) {
        const own = indentOf(text, line);
        if (own === -2) return -1;
        if (own >= 0 && own <= indent) return line;
    }
    return limit;
}

/** The text of the line starting at `start`, without its line end. */
export function lineText(text: string, start: number): string {
    return text.slice(start, nextLineStart(text, start)).replace(/\r?\n$/, '');
}

/** Compared a block at a time first (native string comparison), then a character at a time. */
const BLOCK = 4096;

/** The length of the common prefix and of the common suffix of two texts (not overlapping). */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
    const max = Math.min(a.length, b.length);
    let prefix = 0;
    while (prefix + BLOCK <= max && a.slice(prefix, prefix + BLOCK) === b.slice(prefix, prefix + BLOCK)) prefix += BLOCK;
    while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix + BLOCK <= max - prefix && a.slice(a.length - suffix - BLOCK, a.length - suffix) === b.slice(b.length - suffix - BLOCK, b.length - suffix)) suffix += BLOCK;
    while (suffix < max - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
    return { prefix, suffix };
}
