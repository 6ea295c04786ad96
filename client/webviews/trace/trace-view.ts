import { drawLineChart, plotArea, type ChartSeries, type ChartTheme } from './chart.js';
import { populationColour } from './colours.js';
import { element } from './dom.js';
import { energyTable, legend, linkTable, summaryFigures } from './panels.js';
import { paintRaster } from './raster-panel.js';
import { populationRate } from './rates.js';
import type { TraceViewChunk, TraceViewRun } from '../../../protocol/index.js';
import { TraceStore } from './trace-store.js';
import { fullWindow, panWindow, zoomWindow, type AxisWindow } from './viewport.js';

/** What the view remembers across a reload of its page: the zoom. */
export interface TraceViewState {
    readonly time: AxisWindow;
    readonly rows: AxisWindow;
}

/** What the page around the view offers: saving files, keeping state. Absent members hide their buttons. */
export interface TraceViewHost {
    savePng?(dataUrl: string): void;
    saveNirData?(): void;
    saveState?(state: TraceViewState): void;
}

/** The voltage traces drawn per probe, at most; the rest are in the exported NIRData. */
const PROBE_LINES = 8;

function readTheme(root: HTMLElement): ChartTheme {
    const style = getComputedStyle(root);
    return {
        foreground: style.getPropertyValue('--trace-foreground').trim() || '#888',
        grid: style.getPropertyValue('--trace-grid').trim() || 'rgba(128,128,128,0.2)',
        font: `11px ${style.fontFamily || 'sans-serif'}`,
    };
}

/** A panel: a heading and a canvas whose drawing follows the shared time window. */
interface CanvasPanel {
    readonly section: HTMLElement;
    readonly canvas: HTMLCanvasElement;
    readonly paint: (canvas: HTMLCanvasElement, width: number, height: number, scale: number) => void;
}

/**
 * The trace view of one run: a spike raster, population rates, probed values and machine traffic
 * over one shared, zoomable time axis, beside the run's figures, populations, energy and busiest
 * links. Chunks may arrive while it is shown; it repaints at most once per animation frame.
 */
export class TraceView {
    readonly store: TraceStore;
    private time: AxisWindow;
    private rows: AxisWindow;
    private readonly panels: CanvasPanel[] = [];
    private readonly side: HTMLElement;
    private readonly figures: HTMLElement;
    private readonly status: HTMLElement;
    private pending = 0;
    private sideStale = true;

    constructor(private readonly root: HTMLElement, run: TraceViewRun, private readonly host: TraceViewHost, state?: TraceViewState) {
        this.store = new TraceStore(run);
        this.time = state?.time ?? fullWindow(run.steps);
        this.rows = state?.rows ?? fullWindow(this.store.rowCount());
        root.replaceChildren();
        const header = element('header');
        const title = element('div', 'title');
        title.append(element('h1', undefined, run.source), element('span', 'subtitle', this.subtitle()));
        this.status = element('span', 'status');
        this.figures = element('div');
        header.append(title, this.figures, this.toolbar(), this.status);
        const main = element('main');
        this.side = element('aside');
        const plots = element('div', 'plots');
        main.append(plots, this.side);
        root.append(header, main);
        this.addPanel(plots, 'Spikes', 'raster', (canvas, w, h, s) => {
            canvas.dataset.spikesDrawn = String(paintRaster(canvas, readTheme(root), this.store, this.time, this.rows, w, h, s));
        });
        this.addPanel(plots, 'Population rate (Hz)', 'rates', (canvas, w, h, s) => this.paintChart(canvas, w, h, s, this.rateSeries()));
        if (this.store.probes().length > 0) this.addPanel(plots, 'Probed state', 'probes', (canvas, w, h, s) => this.paintChart(canvas, w, h, s, this.probeSeries()));
        if (run.targetId !== 'none') this.addPanel(plots, 'Packets and drops per tick', 'traffic', (canvas, w, h, s) => this.paintChart(canvas, w, h, s, this.trafficSeries()));
        new ResizeObserver(() => this.requestPaint()).observe(plots);
        this.requestPaint();
    }

    /** Adds a chunk of the trace and repaints soon. */
    addChunk(chunk: TraceViewChunk): void {
        const hadRows = this.store.rowCount();
        this.store.add(chunk);
        if (hadRows === 0) this.rows = fullWindow(this.store.rowCount());
        this.sideStale = true;
        this.requestPaint();
    }

    /** Shows a failure (the run's or the transport's) in the header. */
    showError(message: string): void {
        this.status.textContent = message;
        this.status.classList.add('error');
    }

    private subtitle(): string {
        const run = this.store.run;
        const parts = [
            run.targetId === 'none' ? 'graph alone (no machine)' : `on ${run.targetId}`,
            `${run.steps} ticks of ${run.dtMs} ms`,
            `${run.numerics} numerics`,
        ];
        if (run.stopped) parts.push(`stopped: ${run.stopped}`);
        return parts.join(' · ');
    }

    private toolbar(): HTMLElement {
        const bar = element('div', 'toolbar');
        const button = (label: string, title: string, action: () => void): void => {
            const b = element('button', undefined, label);
            b.title = title;
            b.addEventListener('click', action);
            bar.appendChild(b);
        };
        button('Reset zoom', 'Show the whole run (double-click a plot does the same)', () => this.resetZoom());
        if (this.host.savePng) button('Save PNG', 'Save a picture of the plots', () => this.host.savePng!(this.composePng()));
        if (this.host.saveNirData) button('Save NIRData', 'Save the recorded spikes and probes as a NIRData HDF5 file', () => this.host.saveNirData!());
        return bar;
    }

    private addPanel(parent: HTMLElement, heading: string, id: string, paint: CanvasPanel['paint']): void {
        const section = element('section', `panel panel-${id}`);
        const canvas = element('canvas');
        canvas.id = id;
        canvas.tabIndex = 0;
        canvas.setAttribute('aria-label', `${heading}: drag to pan, wheel to zoom, double-click to reset`);
        section.append(element('h2', undefined, heading), canvas);
        parent.appendChild(section);
        this.panels.push({ section, canvas, paint });
        this.attachNavigation(canvas, id === 'raster');
    }

    /** Wheel zooms time (with Shift, the raster's rows); dragging pans; double-click resets; keys do the same. */
    private attachNavigation(canvas: HTMLCanvasElement, hasRows: boolean): void {
        const steps = this.store.run.steps;
        canvas.addEventListener('wheel', (event) => {
            event.preventDefault();
            const area = plotArea(canvas.clientWidth, canvas.clientHeight);
            const factor = Math.exp(Math.sign(event.deltaY) * Math.min(Math.abs(event.deltaY), 200) * 0.003);
            if (hasRows && event.shiftKey) {
                const anchor = Math.min(1, Math.max(0, (event.offsetY - area.y) / area.height));
                this.rows = zoomWindow(this.rows, factor, anchor, this.store.rowCount(), 4);
            } else {
                const anchor = Math.min(1, Math.max(0, (event.offsetX - area.x) / area.width));
                this.time = zoomWindow(this.time, factor, anchor, steps, 4);
            }
            this.navigated();
        }, { passive: false });
        let drag: { x: number; y: number } | undefined;
        canvas.addEventListener('pointerdown', (event) => {
            drag = { x: event.clientX, y: event.clientY };
            canvas.setPointerCapture(event.pointerId);
        });
        canvas.addEventListener('pointermove', (event) => {
            if (!drag) return;
            const area = plotArea(canvas.clientWidth, canvas.clientHeight);
            this.time = panWindow(this.time, -(event.clientX - drag.x) / area.width, steps);
            if (hasRows) this.rows = panWindow(this.rows, -(event.clientY - drag.y) / area.height, this.store.rowCount());
            drag = { x: event.clientX, y: event.clientY };
            this.navigated();
        });
        const endDrag = (): void => {
            drag = undefined;
        };
        canvas.addEventListener('pointerup', endDrag);
        canvas.addEventListener('pointercancel', endDrag);
        canvas.addEventListener('dblclick', () => this.resetZoom());
        canvas.addEventListener('keydown', (event) => {
            const moves: Record<string, () => AxisWindow> = {
                ArrowLeft: () => panWindow(this.time, -0.1, steps),
                ArrowRight: () => panWindow(this.time, 0.1, steps),
                '+': () => zoomWindow(this.time, 0.8, 0.5, steps, 4),
                '-': () => zoomWindow(this.time, 1.25, 0.5, steps, 4),
            };
            const move = moves[event.key];
            if (!move) return;
            event.preventDefault();
            this.time = move();
            this.navigated();
        });
    }

    private resetZoom(): void {
        this.time = fullWindow(this.store.run.steps);
        this.rows = fullWindow(this.store.rowCount());
        this.navigated();
    }

    private navigated(): void {
        this.host.saveState?.({ time: this.time, rows: this.rows });
        this.requestPaint();
    }

    private requestPaint(): void {
        if (this.pending !== 0) return;
        this.pending = requestAnimationFrame(() => {
            this.pending = 0;
            this.paint();
        });
    }

    /** Repaints every panel now; records the time it took in `data-frame-ms` of the root. */
    paint(): void {
        const started = performance.now();
        const scale = window.devicePixelRatio || 1;
        for (const panel of this.panels) {
            const width = panel.canvas.clientWidth;
            const height = panel.canvas.clientHeight;
            if (width === 0 || height === 0) continue;
            const w = Math.round(width * scale);
            const h = Math.round(height * scale);
            if (panel.canvas.width !== w || panel.canvas.height !== h) {
                panel.canvas.width = w;
                panel.canvas.height = h;
            }
            panel.paint(panel.canvas, width, height, scale);
        }
        if (this.sideStale) this.refreshSide();
        this.root.dataset.frameMs = (performance.now() - started).toFixed(2);
    }

    private refreshSide(): void {
        this.sideStale = false;
        const run = this.store.run;
        this.figures.replaceChildren(summaryFigures(run, this.store));
        const done = this.store.chunksReceived >= run.chunks;
        this.status.textContent = done ? '' : `loading trace: ${this.store.chunksReceived} of ${run.chunks} chunks`;
        this.root.dataset.loaded = String(done);
        const sections: HTMLElement[] = [];
        const section = (heading: string, body: HTMLElement): void => {
            const s = element('section', 'side');
            s.append(element('h2', undefined, heading), body);
            sections.push(s);
        };
        section('Populations', legend(this.store));
        if (run.energy) section('Energy estimate', energyTable(run.energy));
        if (run.links.length > 0) section('Busiest links', linkTable(run, 12));
        this.side.replaceChildren(...sections);
    }

    private paintChart(canvas: HTMLCanvasElement, width: number, height: number, scale: number, series: readonly ChartSeries[]): void {
        const ctx = canvas.getContext('2d')!;
        ctx.setTransform(scale, 0, 0, scale, 0, 0);
        drawLineChart(ctx, readTheme(this.root), width, height, series, this.time, this.store.run.dtMs);
    }

    private rateSeries(): ChartSeries[] {
        const bins = Math.max(10, Math.floor(plotArea(this.root.clientWidth, 1).width / 8));
        return this.store.populations().map((p, i) => {
            const rate = populationRate(p, this.time, bins, this.store.run.dtMs);
            return { label: p.name, colour: populationColour(i), values: rate.hz, firstTick: Math.floor(this.time.start) + rate.binTicks / 2, ticksPerValue: rate.binTicks };
        });
    }

    private probeSeries(): ChartSeries[] {
        return this.store.probes().flatMap((probe, p) => {
            const lines = Math.min(PROBE_LINES, probe.indices.length);
            const stride = probe.indices.length;
            return Array.from({ length: lines }, (_, j) => {
                const values = new Float32Array(probe.steps);
                for (let t = 0; t < probe.steps; t++) values[t] = probe.values[t * stride + j]!;
                return { label: `${probe.name}[${probe.indices[j]}]`, colour: populationColour(p * PROBE_LINES + j), values, firstTick: 0, ticksPerValue: 1 };
            });
        });
    }

    private trafficSeries(): ChartSeries[] {
        const s = this.store;
        return [
            { label: 'packets', colour: populationColour(0), values: s.packets, firstTick: 0, ticksPerValue: 1 },
            { label: 'dropped', colour: '#e05252', values: s.dropped, firstTick: 0, ticksPerValue: 1 },
        ];
    }

    /** One PNG of every plot, stacked, on the page's background, with the run's title. */
    private composePng(): string {
        const scale = window.devicePixelRatio || 1;
        const width = Math.max(...this.panels.map((p) => p.canvas.width));
        const heading = Math.round(28 * scale);
        const height = this.panels.reduce((sum, p) => sum + p.canvas.height + heading, heading);
        const out = element('canvas');
        out.width = width;
        out.height = height;
        const ctx = out.getContext('2d')!;
        const style = getComputedStyle(this.root);
        ctx.fillStyle = style.backgroundColor && style.backgroundColor !== 'rgba(0, 0, 0, 0)' ? style.backgroundColor : '#ffffff';
        ctx.fillRect(0, 0, width, height);
        ctx.fillStyle = readTheme(this.root).foreground;
        ctx.font = `${Math.round(14 * scale)}px ${style.fontFamily || 'sans-serif'}`;
        ctx.textBaseline = 'middle';
        ctx.fillText(`${this.store.run.source} · ${this.subtitle()}`, 8 * scale, heading / 2);
        let y = heading;
        for (const panel of this.panels) {
            ctx.font = `${Math.round(12 * scale)}px ${style.fontFamily || 'sans-serif'}`;
            ctx.fillText(panel.section.querySelector('h2')?.textContent ?? '', 8 * scale, y + heading / 2);
            ctx.drawImage(panel.canvas, 0, y + heading);
            y += heading + panel.canvas.height;
        }
        return out.toDataURL('image/png');
    }
}
