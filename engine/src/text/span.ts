/**
 * A half-open range `[start, end)` of UTF-16 code-unit offsets into a source text.
 * Offsets match JavaScript string indices and LSP's default position encoding,
 * so the server can convert them with `TextDocument.positionAt` alone.
 */
export interface Span {
    readonly start: number;
    readonly end: number;
}

/** Builds a span, clamping `end` so that it never precedes `start`. */
export function span(start: number, end: number): Span {
    return { start, end: Math.max(start, end) };
}

/** True when `inner` lies entirely within `outer`. */
export function spanContains(outer: Span, inner: Span): boolean {
    return inner.start >= outer.start && inner.end <= outer.end;
}

/** True when the offset lies within the span (the end offset counts as inside, for cursors). */
export function spanTouches(outer: Span, offset: number): boolean {
    return offset >= outer.start && offset <= outer.end;
}
