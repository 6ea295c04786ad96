import { heatColour, themeColours, type ThemeColours } from './colours.js';
import { CHIP_SIZE, chipPosition, chipUnder, peUnder, peValue, type ChipModel, type MeshModel, type PeMetric } from './mesh-model.js';

/** What a click on the mesh hit. */
export type MeshHit = { readonly chip: ChipModel; readonly pe: number | undefined };

/** Below this many pixels per chip, chips are drawn as one colour; above, PE by PE. */
const PE_DETAIL_PX = 36;
/** Below this, the machine is drawn as an overview (chips as one area, used chips marked). */
const TINY_CHIP_PX = 4;
/** Below this, links and routers are left out. */
const LINK_DETAIL_PX = 10;

/**
 * The chip mesh on a canvas, drawn at a level of detail that follows the zoom: at a glance each
 * chip is one square coloured by its busiest PE (34,560 chips of 720 boards stay interactive); zoomed
 * in, each PE is its own cell, links show their traffic and routers their table fill. Drag pans,
 * the wheel zooms; only what is on screen is drawn, once per animation frame.
 */
export class MeshView {
    private model: MeshModel | undefined;
    private metric: PeMetric = 'sram';
    private highlighted: ReadonlySet<number> = new Set();
    private highlightedChips: ReadonlySet<number> = new Set();
    private selectedChip: ChipModel | undefined;
    private scale = 1;
    private originX = 0;
    private originY = 0;
    private frame = 0;
    private readonly context: CanvasRenderingContext2D;

    constructor(private readonly canvas: HTMLCanvasElement, private readonly onPick: (hit: MeshHit | undefined) => void) {
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2D canvas');
        this.context = context;
        this.listen();
        new ResizeObserver(() => this.redraw()).observe(canvas);
    }

    /** Shows a new model, fitted to the canvas unless `keepView` (a re-map of the same machine). */
    show(model: MeshModel, keepView: boolean): void {
        this.model = model;
        if (!keepView) this.fit();
        this.redraw();
    }

    setMetric(metric: PeMetric): void {
        this.metric = metric;
        this.redraw();
    }

    /** Outlines these PEs (`chipIndex * pesPerChip + pe`) and the selected chip. */
    highlight(pes: ReadonlySet<number>, chip?: ChipModel): void {
        this.highlighted = pes;
        const perChip = this.model?.pesPerChip ?? 1;
        this.highlightedChips = new Set([...pes].map((k) => Math.floor(k / perChip)));
        this.selectedChip = chip;
        this.redraw();
    }

    /** Fits the whole machine into the canvas. */
    fit(): void {
        const model = this.model;
        if (!model) return;
        const { width, height } = this.size();
        const b = model.bounds;
        this.scale = Math.max(0.5, Math.min((width - 16) / (b.maxX - b.minX), (height - 16) / (b.maxY - b.minY)));
        this.originX = (width - (b.maxX - b.minX) * this.scale) / 2 - b.minX * this.scale;
        this.originY = (height - (b.maxY - b.minY) * this.scale) / 2 - b.minY * this.scale;
    }

    /** Pixels per chip at the current zoom. */
    get chipPixels(): number {
        return this.scale;
    }

    redraw(): void {
        if (this.frame) return;
        this.frame = requestAnimationFrame(() => {
            this.frame = 0;
            this.draw();
        });
    }

    private size() {
        const rect = this.canvas.getBoundingClientRect();
        return { width: Math.max(1, rect.width), height: Math.max(1, rect.height) };
    }

    private draw(): void {
        const model = this.model;
        const { width, height } = this.size();
        const ratio = window.devicePixelRatio || 1;
        if (this.canvas.width !== Math.round(width * ratio) || this.canvas.height !== Math.round(height * ratio)) {
            this.canvas.width = Math.round(width * ratio);
            this.canvas.height = Math.round(height * ratio);
        }
        const c = this.context;
        c.setTransform(ratio, 0, 0, ratio, 0, 0);
        c.clearRect(0, 0, width, height);
        if (!model) return;
        const theme = themeColours(this.canvas);
        const s = this.scale;
        const side = CHIP_SIZE * s;
        const visible = (chip: ChipModel) => {
            const x = this.originX + chip.cx * s, y = this.originY + chip.cy * s;
            return x + side >= 0 && y + side >= 0 && x <= width && y <= height;
        };
        if (s >= LINK_DETAIL_PX) this.drawLinks(model, theme);
        if (s < TINY_CHIP_PX) {
            this.drawOverview(model, theme);
            return;
        }
        for (const chip of model.chips) {
            if (!visible(chip)) continue;
            const x = this.originX + chip.cx * s, y = this.originY + chip.cy * s;
            if (s >= PE_DETAIL_PX) this.drawPes(model, chip, x, y, side, theme);
            else this.drawChip(chip, x, y, side, theme);
            if (s >= LINK_DETAIL_PX * 2.4 && chip.routerEntries > 0) {
                // The router: a diamond on the chip's top-right corner, coloured by its table's fill.
                const r = Math.max(3, side * 0.08);
                c.fillStyle = heatColour(chip.routerFill, theme);
                c.strokeStyle = theme.foreground;
                c.lineWidth = 0.75;
                c.beginPath();
                c.moveTo(x + side, y - r);
                c.lineTo(x + side + r, y);
                c.lineTo(x + side, y + r);
                c.lineTo(x + side - r, y);
                c.closePath();
                c.fill();
                c.stroke();
            }
            if (chip === this.selectedChip) {
                c.strokeStyle = theme.focus;
                c.lineWidth = 2;
                c.strokeRect(x - 2, y - 2, side + 4, side + 4);
            }
        }
    }

    /**
     * A whole machine at a glance (a few pixels per chip or less): the chips as one area without
     * gaps, then the used chips on top, at least a few pixels wide so that they stay visible.
     */
    private drawOverview(model: MeshModel, theme: ThemeColours): void {
        const c = this.context;
        const s = this.scale;
        c.fillStyle = theme.chip;
        for (const run of model.rowRuns) {
            const [x, y] = chipPosition(run.x0, run.y);
            c.fillRect(Math.floor(this.originX + x * s), Math.floor(this.originY + y * s), Math.ceil((run.x1 - run.x0 + 1) * s), Math.ceil(s));
        }
        const mark = Math.max(4, s);
        for (const chip of model.chips) {
            const peak = chip.peak[this.metric];
            if (Number.isNaN(peak) && chip !== this.selectedChip) continue;
            const marked = this.highlightedChips.has(chip.index);
            const x = this.originX + chip.cx * s + s / 2 - mark / 2, y = this.originY + chip.cy * s + s / 2 - mark / 2;
            c.fillStyle = Number.isNaN(peak) ? theme.focus : heatColour(peak, theme);
            c.fillRect(x, y, mark, mark);
            if (marked || chip === this.selectedChip) {
                c.strokeStyle = theme.focus;
                c.lineWidth = 2;
                c.strokeRect(x - 2, y - 2, mark + 4, mark + 4);
            }
        }
    }

    private drawChip(chip: ChipModel, x: number, y: number, side: number, theme: ThemeColours): void {
        const c = this.context;
        const peak = chip.peak[this.metric];
        const marked = this.highlightedChips.has(chip.index);
        c.fillStyle = Number.isNaN(peak) ? theme.chip : heatColour(peak, theme);
        c.fillRect(x, y, Math.max(1, side), Math.max(1, side));
        if (marked) {
            c.strokeStyle = theme.focus;
            c.lineWidth = Math.max(1, Math.min(3, side / 6));
            c.strokeRect(x, y, side, side);
        }
    }

    private drawPes(model: MeshModel, chip: ChipModel, x: number, y: number, side: number, theme: ThemeColours): void {
        const c = this.context;
        c.fillStyle = theme.chip;
        c.fillRect(x, y, side, side);
        c.strokeStyle = theme.border;
        c.lineWidth = 1;
        c.strokeRect(x + 0.5, y + 0.5, side - 1, side - 1);
        const cw = side / model.peColumns, ch = side / model.peRows;
        const gap = Math.min(1.5, cw * 0.12);
        const base = chip.index * model.pesPerChip;
        const dimming = this.highlighted.size > 0;
        for (let pe = 0; pe < model.pesPerChip; pe++) {
            const v = peValue(chip, pe, this.metric);
            const px = x + (pe % model.peColumns) * cw, py = y + Math.floor(pe / model.peColumns) * ch;
            const lit = this.highlighted.has(base + pe);
            if (!Number.isNaN(v)) {
                // With a selection, the other PEs fade so that the selected node's PEs stand out in their own colours.
                c.globalAlpha = dimming && !lit ? 0.25 : 1;
                c.fillStyle = heatColour(v, theme);
                c.fillRect(px + gap, py + gap, cw - 2 * gap, ch - 2 * gap);
                c.globalAlpha = 1;
            } else if (cw >= 5) {
                c.fillStyle = theme.idle;
                c.fillRect(px + gap, py + gap, cw - 2 * gap, ch - 2 * gap);
            }
            if (lit && cw >= 8) {
                c.strokeStyle = theme.focus;
                c.lineWidth = 1.5;
                c.strokeRect(px + gap, py + gap, cw - 2 * gap, ch - 2 * gap);
            }
        }
        if (side > 90) {
            c.fillStyle = theme.foreground;
            c.font = `${Math.min(13, side / 9)}px var(--nm-font)`;
            c.fillText(`(${chip.x},${chip.y})`, x, y - 3);
        }
    }

    private drawLinks(model: MeshModel, theme: ThemeColours): void {
        const c = this.context;
        const s = this.scale;
        const half = (CHIP_SIZE * s) / 2;
        for (const link of model.links) {
            const x = this.originX + link.from.cx * s + half, y = this.originY + link.from.cy * s + half;
            c.strokeStyle = heatColour(link.utilisation, theme);
            c.lineWidth = Math.max(1, Math.min(6, s / 12)) * (0.5 + Math.min(1, link.utilisation));
            c.beginPath();
            c.moveTo(x, y);
            c.lineTo(x + link.dx * s * 0.5, y + link.dy * s * 0.5);
            c.stroke();
        }
    }

    private listen(): void {
        let drag: { x: number; y: number; moved: boolean } | undefined;
        this.canvas.addEventListener('pointerdown', (e) => {
            drag = { x: e.clientX, y: e.clientY, moved: false };
            this.canvas.setPointerCapture(e.pointerId);
        });
        this.canvas.addEventListener('pointermove', (e) => {
            if (!drag) return;
            const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
            if (!drag.moved && Math.hypot(dx, dy) < 3) return;
            drag.moved = true;
            this.originX += dx;
            this.originY += dy;
            drag.x = e.clientX;
            drag.y = e.clientY;
            this.redraw();
        });
        this.canvas.addEventListener('pointerup', (e) => {
            const was = drag;
            drag = undefined;
            if (was && !was.moved) this.onPick(this.hit(e.offsetX, e.offsetY));
        });
        this.canvas.addEventListener('wheel', (e) => {
            e.preventDefault();
            const factor = Math.exp(-e.deltaY * 0.0015);
            const scale = Math.max(0.5, Math.min(400, this.scale * factor));
            this.originX = e.offsetX - ((e.offsetX - this.originX) * scale) / this.scale;
            this.originY = e.offsetY - ((e.offsetY - this.originY) * scale) / this.scale;
            this.scale = scale;
            this.redraw();
        }, { passive: false });
    }

    /** What is under a canvas point (CSS pixels). */
    hit(offsetX: number, offsetY: number): MeshHit | undefined {
        const model = this.model;
        if (!model) return undefined;
        const px = (offsetX - this.originX) / this.scale, py = (offsetY - this.originY) / this.scale;
        const chip = chipUnder(model, px, py);
        return chip ? { chip, pe: this.scale >= PE_DETAIL_PX ? peUnder(model, chip, px, py) : undefined } : undefined;
    }

    /** The canvas point (CSS pixels) at the centre of a PE, for tests and keyboard focus. */
    pointOf(chip: ChipModel, pe: number | undefined): { x: number; y: number } {
        const model = this.model;
        const s = this.scale;
        if (!model || pe === undefined) return { x: this.originX + (chip.cx + CHIP_SIZE / 2) * s, y: this.originY + (chip.cy + CHIP_SIZE / 2) * s };
        const cw = (CHIP_SIZE * s) / model.peColumns, ch = (CHIP_SIZE * s) / model.peRows;
        return { x: this.originX + chip.cx * s + ((pe % model.peColumns) + 0.5) * cw, y: this.originY + chip.cy * s + (Math.floor(pe / model.peColumns) + 0.5) * ch };
    }

    /** Zooms so that one chip fills about `pixels`, centred on it. */
    zoomTo(chip: ChipModel, pixels: number): void {
        const { width, height } = this.size();
        this.scale = pixels;
        this.originX = width / 2 - (chip.cx + CHIP_SIZE / 2) * pixels;
        this.originY = height / 2 - (chip.cy + CHIP_SIZE / 2) * pixels;
        this.redraw();
    }
}
