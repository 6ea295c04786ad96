import { formatNumber, niceTicks } from './axis.js';
import type { AxisWindow } from './viewport.js';

/** One line of a chart: `values[i]` at tick `firstTick + i * ticksPerValue`; NaN leaves a gap. */
export interface ChartSeries {
    readonly label: string;
    readonly colour: string;
    readonly values: ArrayLike<number>;
    readonly firstTick: number;
    readonly ticksPerValue: number;
}

/** Colours and fonts of the panels, read from the page's CSS (VS Code's theme variables). */
export interface ChartTheme {
    readonly foreground: string;
    readonly grid: string;
    readonly font: string;
}

/** Space left of and below a panel's plot for its labels, in CSS pixels. */
export const PLOT_MARGIN = { left: 56, right: 12, top: 8, bottom: 20 } as const;

/** The plot rectangle of a canvas of `width × height` CSS pixels. */
export function plotArea(width: number, height: number): { x: number; y: number; width: number; height: number } {
    return {
        x: PLOT_MARGIN.left,
        y: PLOT_MARGIN.top,
        width: Math.max(1, width - PLOT_MARGIN.left - PLOT_MARGIN.right),
        height: Math.max(1, height - PLOT_MARGIN.top - PLOT_MARGIN.bottom),
    };
}

/** Draws the time axis (in ms) below a plot and the vertical grid lines across it. */
export function drawTimeAxis(ctx: CanvasRenderingContext2D, theme: ChartTheme, area: ReturnType<typeof plotArea>, time: AxisWindow, dtMs: number): void {
    ctx.font = theme.font;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const ms of niceTicks(time.start * dtMs, time.end * dtMs, Math.max(2, Math.floor(area.width / 90)))) {
        const x = area.x + ((ms / dtMs - time.start) / (time.end - time.start)) * area.width;
        ctx.fillStyle = theme.grid;
        ctx.fillRect(Math.round(x), area.y, 1, area.height);
        ctx.fillStyle = theme.foreground;
        const label = `${formatNumber(ms)} ms`;
        const half = ctx.measureText(label).width / 2;
        ctx.fillText(label, Math.min(x, area.x + area.width + PLOT_MARGIN.right - half - 1), area.y + area.height + 4);
    }
}

/** `text` cut to `maxWidth` pixels of the context's font, with an ellipsis where it was cut. */
export function fitText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
    if (ctx.measureText(text).width <= maxWidth) return text;
    let keep = text.length;
    while (keep > 0 && ctx.measureText(`${text.slice(0, keep)}…`).width > maxWidth) keep--;
    return keep > 0 ? `${text.slice(0, keep)}…` : '';
}

/** Draws the value axis left of a plot with horizontal grid lines, for values in `[min, max]`. */
function drawValueAxis(ctx: CanvasRenderingContext2D, theme: ChartTheme, area: ReturnType<typeof plotArea>, min: number, max: number): void {
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const v of niceTicks(min, max, Math.max(2, Math.floor(area.height / 28)))) {
        const y = area.y + area.height - ((v - min) / (max - min)) * area.height;
        ctx.fillStyle = theme.grid;
        ctx.fillRect(area.x, Math.round(y), area.width, 1);
        ctx.fillStyle = theme.foreground;
        ctx.fillText(formatNumber(v), area.x - 6, y);
    }
}

/** The range of the series' finite values inside the window, widened to include 0 and to be non-empty. */
function valueRange(series: readonly ChartSeries[], time: AxisWindow): [number, number] {
    let min = 0;
    let max = 0;
    for (const s of series) {
        const from = Math.max(0, Math.floor((time.start - s.firstTick) / s.ticksPerValue));
        const to = Math.min(s.values.length, Math.ceil((time.end - s.firstTick) / s.ticksPerValue) + 1);
        for (let i = from; i < to; i++) {
            const v = s.values[i]!;
            if (v < min) min = v;
            if (v > max) max = v;
        }
    }
    if (max <= min) max = min + 1;
    return [min, max + (max - min) * 0.05];
}

/**
 * Draws line series over a shared time window into a canvas of `width × height` CSS pixels: grid,
 * axes and one polyline per series. Every value inside the window is a vertex of its line, so a
 * one-tick peak stays visible however far the view is zoomed out.
 */
export function drawLineChart(ctx: CanvasRenderingContext2D, theme: ChartTheme, width: number, height: number, series: readonly ChartSeries[], time: AxisWindow, dtMs: number): void {
    const area = plotArea(width, height);
    ctx.clearRect(0, 0, width, height);
    const [min, max] = valueRange(series, time);
    drawValueAxis(ctx, theme, area, min, max);
    drawTimeAxis(ctx, theme, area, time, dtMs);
    const xOf = (tick: number): number => area.x + ((tick - time.start) / (time.end - time.start)) * area.width;
    const yOf = (v: number): number => area.y + area.height - ((v - min) / (max - min)) * area.height;
    ctx.save();
    ctx.beginPath();
    ctx.rect(area.x, area.y, area.width, area.height);
    ctx.clip();
    ctx.lineWidth = 1.25;
    for (const s of series) {
        ctx.strokeStyle = s.colour;
        ctx.beginPath();
        const from = Math.max(0, Math.floor((time.start - s.firstTick) / s.ticksPerValue) - 1);
        const to = Math.min(s.values.length, Math.ceil((time.end - s.firstTick) / s.ticksPerValue) + 1);
        let pen = false;
        for (let i = from; i < to; i++) {
            const v = s.values[i]!;
            if (Number.isNaN(v)) {
                pen = false;
                continue;
            }
            const x = xOf(s.firstTick + i * s.ticksPerValue);
            if (pen) ctx.lineTo(x, yOf(v));
            else ctx.moveTo(x, yOf(v));
            pen = true;
        }
        ctx.stroke();
    }
    ctx.restore();
    drawKey(ctx, theme, area, series);
}

/** The series' labels in a row at the plot's top right, each after a stroke of its colour. */
function drawKey(ctx: CanvasRenderingContext2D, theme: ChartTheme, area: ReturnType<typeof plotArea>, series: readonly ChartSeries[]): void {
    if (series.length < 2) return;
    ctx.font = theme.font;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    let x = area.x + area.width - 4;
    for (let i = series.length - 1; i >= 0; i--) {
        const s = series[i]!;
        const label = fitText(ctx, s.label, 120);
        x -= ctx.measureText(label).width + 18;
        if (x < area.x) break;
        ctx.fillStyle = s.colour;
        ctx.fillRect(x, area.y + 7, 10, 2);
        ctx.fillStyle = theme.foreground;
        ctx.fillText(label, x + 14, area.y + 8);
        x -= 6;
    }
}
