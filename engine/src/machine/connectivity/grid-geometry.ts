import type { IndexRange, Reach } from './types.js';

/** A channels × height × width block of neurons, flattened channel-major (NIR's `[C, H, W]`). A 1-D signal has height 1. */
export interface Grid {
    readonly channels: number;
    readonly height: number;
    readonly width: number;
}

/** A sliding window along the two spatial axes: kernel, stride, padding and dilation per axis. */
export interface Window {
    readonly kh: number;
    readonly kw: number;
    readonly sh: number;
    readonly sw: number;
    readonly ph: number;
    readonly pw: number;
    readonly dh: number;
    readonly dw: number;
}

/** Neurons in a grid. */
export function gridSize(grid: Grid): number {
    return grid.channels * grid.height * grid.width;
}

/** The output length of a window along one axis (PyTorch's formula, as its Conv2d and pooling docs give it). */
export function slidOutput(length: number, kernel: number, stride: number, pad: number, dilation: number): number {
    return Math.max(0, Math.floor((length + 2 * pad - dilation * (kernel - 1) - 1) / stride + 1));
}

/** The channels and rows a flat range of a grid covers: one channel's rows, or every row of several channels. */
function cover(grid: Grid, first: number, count: number): { c0: number; c1: number; y0: number; y1: number } | undefined {
    const size = gridSize(grid);
    const end = Math.min(size, first + count);
    if (end <= first || grid.width === 0 || grid.height === 0) return undefined;
    const plane = grid.height * grid.width;
    const c0 = Math.floor(first / plane);
    const c1 = Math.floor((end - 1) / plane);
    if (c0 !== c1) return { c0, c1, y0: 0, y1: grid.height - 1 };
    return { c0, c1, y0: Math.floor((first % plane) / grid.width), y1: Math.floor(((end - 1) % plane) / grid.width) };
}

/** Rows y0..y1 of channels c0..c1 of a grid, as merged flat ranges. */
function rowsOf(grid: Grid, c0: number, c1: number, y0: number, y1: number): IndexRange[] {
    const plane = grid.height * grid.width;
    const ranges: [number, number][] = [];
    for (let c = c0; c <= c1; c++) {
        const start = c * plane + y0 * grid.width;
        const end = c * plane + (y1 + 1) * grid.width;
        const last = ranges[ranges.length - 1];
        if (last && last[1] === start) last[1] = end;
        else ranges.push([start, end]);
    }
    return ranges;
}

/**
 * The output neurons a range of input neurons influences through a window (conservative: whole
 * output rows). `mixesChannels`: every output channel sees every input channel (a convolution);
 * otherwise channel c maps to channel c (pooling).
 */
export function forwardReach(input: Grid, output: Grid, w: Window, mixesChannels: boolean, first: number, count: number): Reach {
    const span = cover(input, first, count);
    if (!span) return [];
    const yo0 = Math.max(0, Math.ceil((span.y0 + w.ph - w.dh * (w.kh - 1)) / w.sh));
    const yo1 = Math.min(output.height - 1, Math.floor((span.y1 + w.ph) / w.sh));
    if (yo0 > yo1) return [];
    const [c0, c1] = mixesChannels ? [0, output.channels - 1] : [span.c0, Math.min(span.c1, output.channels - 1)];
    return rowsOf(output, c0, c1, yo0, yo1);
}

/** The input neurons a range of output neurons reads through a window (whole input rows). */
export function backwardReach(input: Grid, output: Grid, w: Window, mixesChannels: boolean, first: number, count: number): Reach {
    const span = cover(output, first, count);
    if (!span) return [];
    const y0 = Math.max(0, span.y0 * w.sh - w.ph);
    const y1 = Math.min(input.height - 1, span.y1 * w.sh - w.ph + w.dh * (w.kh - 1));
    if (y0 > y1) return [];
    const [c0, c1] = mixesChannels ? [0, input.channels - 1] : [span.c0, Math.min(span.c1, input.channels - 1)];
    return rowsOf(input, c0, c1, y0, y1);
}
