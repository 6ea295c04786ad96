import { drawTimeAxis, fitText, plotArea, type ChartTheme } from './chart.js';
import { pixelWord, populationColour } from './colours.js';
import { drawRaster } from './raster.js';
import type { TraceStore } from './trace-store.js';
import type { AxisWindow } from './viewport.js';

const images = new WeakMap<HTMLCanvasElement, ImageData>();

/** The canvas's pixel buffer of the last frame when its size still fits, so panning allocates nothing. */
function reusableImage(ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement, width: number, height: number): ImageData {
    const cached = images.get(canvas);
    if (cached && cached.width === width && cached.height === height) return cached;
    const image = ctx.createImageData(width, height);
    images.set(canvas, image);
    return image;
}

/**
 * Paints the spike raster into a canvas of `width × height` CSS pixels at `scale` device pixels
 * each: the dots through one `ImageData` at device resolution, then population bands and axes.
 * Returns the spikes drawn.
 */
export function paintRaster(canvas: HTMLCanvasElement, theme: ChartTheme, store: TraceStore, time: AxisWindow, rows: AxisWindow, width: number, height: number, scale: number): number {
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const area = plotArea(width, height);
    const target = {
        width: Math.max(1, Math.round(area.width * scale)),
        height: Math.max(1, Math.round(area.height * scale)),
    };
    const image = reusableImage(ctx, canvas, target.width, target.height);
    const pixels = new Uint32Array(image.data.buffer);
    pixels.fill(0);
    const populations = store.populations();
    const drawn = drawRaster({ pixels, ...target }, populations, populations.map((_, i) => pixelWord(populationColour(i))), time, rows);
    ctx.putImageData(image, Math.round(area.x * scale), Math.round(area.y * scale));
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    drawTimeAxis(ctx, theme, area, time, store.run.dtMs);
    // Population bands left of the plot: a colour bar and the name where it fits.
    ctx.font = theme.font;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    const yOf = (row: number): number => area.y + ((row - rows.start) / (rows.end - rows.start)) * area.height;
    populations.forEach((p, i) => {
        const top = Math.max(area.y, yOf(p.firstRow));
        const bottom = Math.min(area.y + area.height, yOf(p.firstRow + p.size));
        if (bottom <= top) return;
        ctx.fillStyle = populationColour(i);
        ctx.fillRect(area.x - 4, top, 3, Math.max(1, bottom - top - 1));
        ctx.fillStyle = theme.grid;
        if (i > 0 && yOf(p.firstRow) >= area.y) ctx.fillRect(area.x, Math.round(top), area.width, 1);
        if (bottom - top >= 12) {
            ctx.fillStyle = theme.foreground;
            ctx.fillText(fitText(ctx, p.name, area.x - 10), area.x - 8, (top + bottom) / 2);
        }
    });
    return drawn;
}
