/** A visible window on one axis: `[start, end)` inside `[0, limit]`, never narrower than `minSpan`. */
export interface AxisWindow {
    readonly start: number;
    readonly end: number;
}

/** The window on the whole axis. */
export function fullWindow(limit: number): AxisWindow {
    return { start: 0, end: Math.max(1, limit) };
}

function clampWindow(start: number, span: number, limit: number): AxisWindow {
    const width = Math.min(span, Math.max(1, limit));
    const first = Math.min(Math.max(0, start), Math.max(0, limit - width));
    return { start: first, end: first + width };
}

/**
 * Zooms by `factor` (below 1 zooms in) keeping the axis position under `anchor` (0…1 across the
 * window) where it is.
 */
export function zoomWindow(window: AxisWindow, factor: number, anchor: number, limit: number, minSpan: number): AxisWindow {
    const span = window.end - window.start;
    const newSpan = Math.min(Math.max(span * factor, Math.min(minSpan, limit)), Math.max(1, limit));
    const pivot = window.start + anchor * span;
    return clampWindow(pivot - anchor * newSpan, newSpan, limit);
}

/** Moves the window by `fraction` of its width (positive: later ticks, lower rows). */
export function panWindow(window: AxisWindow, fraction: number, limit: number): AxisWindow {
    const span = window.end - window.start;
    return clampWindow(window.start + fraction * span, span, limit);
}
