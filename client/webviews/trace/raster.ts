import type { PopulationSpikes } from './trace-store.js';
import type { AxisWindow } from './viewport.js';

/** Where to draw: a pixel buffer of `width × height` RGBA pixels (as little-endian 32-bit words). */
export interface RasterTarget {
    readonly pixels: Uint32Array;
    readonly width: number;
    readonly height: number;
}

/** The first index of the ascending `values` whose value is at least `x`. */
export function lowerBound(values: Int32Array, x: number): number {
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (values[mid]! < x) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/**
 * Draws every spike inside the time and row windows as a dot of its population's colour
 * (`colours[i]` for `populations[i]`, packed as the buffer's words), and returns how many it drew.
 * A dot covers one tick by one row, at least one pixel. Each population's ticks are ascending, so
 * only the visible ticks are visited: cost is linear in the visible spikes, with no allocation.
 */
export function drawRaster(target: RasterTarget, populations: readonly PopulationSpikes[], colours: readonly number[], time: AxisWindow, rows: AxisWindow): number {
    const { pixels, width, height } = target;
    const xScale = width / (time.end - time.start);
    const yScale = height / (rows.end - rows.start);
    const dotWidth = Math.max(1, Math.min(Math.floor(xScale), 6));
    const dotHeight = Math.max(1, Math.min(Math.floor(yScale), 6));
    let drawn = 0;
    populations.forEach((population, p) => {
        const colour = colours[p]!;
        const rowTop = population.firstRow;
        if (rowTop + population.size <= rows.start || rowTop >= rows.end) return;
        const { step, neuron } = population;
        const last = lowerBound(step, Math.ceil(time.end));
        for (let k = lowerBound(step, Math.floor(time.start)); k < last; k++) {
            const x0 = Math.floor((step[k]! - time.start) * xScale);
            const y0 = Math.floor((rowTop + neuron[k]! - rows.start) * yScale);
            if (x0 < 0 || y0 < 0 || x0 >= width || y0 >= height) continue;
            drawn++;
            if (dotWidth === 1 && dotHeight === 1) {
                pixels[y0 * width + x0] = colour;
                continue;
            }
            const x1 = Math.min(width, x0 + dotWidth);
            const y1 = Math.min(height, y0 + dotHeight);
            for (let y = y0; y < y1; y++) pixels.fill(colour, y * width + x0, y * width + x1);
        }
    });
    return drawn;
}
