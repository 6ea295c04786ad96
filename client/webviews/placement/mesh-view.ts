import { ChipTiles, paintPes } from './chip-paint.js';
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
 * The chip mesh on a canvas, drawn at a level of detail that follows the zoom: at a glance the
 * machine is one area with the used chips marked; closer, each chip is a square coloured by its
 * busiest PE; closer still, each PE is its own cell, links show their traffic and routers their
 * table fill. A frame costs what is on screen, not the machine: the unused chips (nearly all of a
 * 720-board machine) are one pattern tile repeated along each row of chips in view, so that only
 * the used chips are drawn one by one. Drag pans, the wheel zooms; events only move the view, and
 * the canvas is drawn once per animation frame however many came in between. Each frame's drawing
 * time is a `nirmesh-mesh-frame` performance measure (bench/placement-view.mjs reads them).
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
    private readonly tiles = new ChipTiles();

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

    /** The level of detail at the current zoom: `machine` (an area, used chips marked), `chips`, or `pes`. */
    get detail(): 'machine' | 'chips' | 'pes' {
        return this.scale < TINY_CHIP_PX ? 'machine' : this.scale < PE_DETAIL_PX ? 'chips' : 'pes';
    }

    redraw(): void {
        if (this.frame) return;
        this.frame = requestAnimationFrame(() => {
            this.frame = 0;
            const started = performance.now();
            this.draw();
            performance.measure('nirmesh-mesh-frame', { start: started });
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
        if (s < TINY_CHIP_PX) {
            this.drawOverview(model, theme);
            return;
        }
        const side = CHIP_SIZE * s;
        const inView = (chip: ChipModel) => {
            const x = this.originX + chip.cx * s, y = this.originY + chip.cy * s;
            return x + side >= 0 && y + side >= 0 && x <= width && y <= height;
        };
        this.drawUnusedChips(model, theme, width, height, ratio);
        if (s >= LINK_DETAIL_PX) this.drawLinks(model, theme, inView);
        const used = model.usedChips.filter(inView);
        if (s >= PE_DETAIL_PX) for (const chip of used) this.drawPes(model, chip, this.originX + chip.cx * s, this.originY + chip.cy * s, side, theme);
        else this.drawChips(used, side, theme);
        if (side > 90) this.drawChipNames(model, theme, width, height);
        for (const chip of used) {
            if (s < LINK_DETAIL_PX * 2.4 || chip.routerEntries === 0) continue;
            // The router: a diamond on the chip's top-right corner, coloured by its table's fill.
            const x = this.originX + chip.cx * s + side, y = this.originY + chip.cy * s;
            const r = Math.max(3, side * 0.08);
            c.fillStyle = heatColour(chip.routerFill, theme);
            c.strokeStyle = theme.foreground;
            c.lineWidth = 0.75;
            c.beginPath();
            c.moveTo(x, y - r);
            c.lineTo(x + r, y);
            c.lineTo(x, y + r);
            c.lineTo(x - r, y);
            c.closePath();
            c.fill();
            c.stroke();
        }
        const selected = this.selectedChip;
        if (selected && inView(selected)) {
            c.strokeStyle = theme.focus;
            c.lineWidth = 2;
            c.strokeRect(this.originX + selected.cx * s - 2, this.originY + selected.cy * s - 2, side + 4, side + 4);
        }
    }

    /**
     * Every chip as if unused: per row of chips in view, one rectangle filled with a pattern whose
     * tile is one chip (with its idle PEs when they show), shifted half a chip per row as the mesh is.
     */
    private drawUnusedChips(model: MeshModel, theme: ThemeColours, width: number, height: number, ratio: number): void {
        const c = this.context;
        const s = this.scale;
        const pes = s >= PE_DETAIL_PX ? { columns: model.peColumns, rows: model.peRows, count: model.pesPerChip } : undefined;
        const tile = this.tiles.tile(c, s, ratio, pes, theme);
        if (!tile) return;
        const matrix = new DOMMatrix();
        // Nearest-pixel sampling: a smoothed tile would bleed its edge into the gap below each row.
        c.imageSmoothingEnabled = false;
        for (const run of model.rowRuns) {
            const [x0, y] = chipPosition(run.x0, run.y);
            const rowY = this.originY + y * s;
            if (rowY + s < 0 || rowY > height) continue;
            const rowX = this.originX + (x0 - run.x0) * s;
            // Whole device pixels inward, so that no edge pixel samples the next tile's chip.
            const left = Math.ceil(Math.max(this.originX + x0 * s, 0) * ratio) / ratio, top = Math.ceil(rowY * ratio) / ratio;
            const right = Math.floor(Math.min(this.originX + (x0 + run.x1 - run.x0 + 1) * s, width) * ratio) / ratio, bottom = Math.floor((rowY + s) * ratio) / ratio;
            if (right <= left) continue;
            tile.pattern.setTransform(matrix.translate(rowX, rowY).scale(s / tile.pixels));
            c.fillStyle = tile.pattern;
            c.fillRect(left, top, right - left, bottom - top);
        }
        c.imageSmoothingEnabled = true;
    }

    /** The used chips, each one colour: grouped by colour, one fill per colour. */
    private drawChips(chips: readonly ChipModel[], side: number, theme: ThemeColours): void {
        const c = this.context;
        const s = this.scale;
        const byColour = new Map<string, ChipModel[]>();
        for (const chip of chips) {
            const peak = chip.peak[this.metric];
            const colour = Number.isNaN(peak) ? theme.chip : heatColour(peak, theme);
            byColour.set(colour, [...(byColour.get(colour) ?? []), chip]);
        }
        const cell = Math.max(1, side);
        for (const [colour, group] of byColour) {
            c.fillStyle = colour;
            c.beginPath();
            for (const chip of group) c.rect(this.originX + chip.cx * s, this.originY + chip.cy * s, cell, cell);
            c.fill();
        }
        c.strokeStyle = theme.focus;
        c.lineWidth = Math.max(1, Math.min(3, side / 6));
        for (const chip of chips) if (this.highlightedChips.has(chip.index)) c.strokeRect(this.originX + chip.cx * s, this.originY + chip.cy * s, side, side);
    }

    /** Each chip's coordinates above it, when chips are large (few are in view then). */
    private drawChipNames(model: MeshModel, theme: ThemeColours, width: number, height: number): void {
        const c = this.context;
        const s = this.scale;
        c.fillStyle = theme.foreground;
        c.font = `${Math.min(13, (CHIP_SIZE * s) / 9)}px var(--nm-font)`;
        const yTop = Math.floor(-(height - this.originY) / s), yBottom = Math.ceil((this.originY + s) / s);
        for (let y = yTop; y <= yBottom; y++) {
            const first = Math.floor(-this.originX / s + y / 2) - 1, last = Math.ceil((width - this.originX) / s + y / 2);
            for (let x = first; x <= last; x++) {
                const chip = model.chipAt(x, y);
                if (chip) c.fillText(`(${chip.x},${chip.y})`, this.originX + chip.cx * s, this.originY + chip.cy * s - 3);
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
        const selected = this.selectedChip;
        for (const chip of selected && !model.usedChips.includes(selected) ? [...model.usedChips, selected] : model.usedChips) {
            const peak = chip.peak[this.metric];
            if (Number.isNaN(peak) && chip !== selected) continue;
            const marked = this.highlightedChips.has(chip.index);
            const x = this.originX + chip.cx * s + s / 2 - mark / 2, y = this.originY + chip.cy * s + s / 2 - mark / 2;
            c.fillStyle = Number.isNaN(peak) ? theme.focus : heatColour(peak, theme);
            c.fillRect(x, y, mark, mark);
            if (marked || chip === selected) {
                c.strokeStyle = theme.focus;
                c.lineWidth = 2;
                c.strokeRect(x - 2, y - 2, mark + 4, mark + 4);
            }
        }
    }

    private drawPes(model: MeshModel, chip: ChipModel, x: number, y: number, side: number, theme: ThemeColours): void {
        const base = chip.index * model.pesPerChip;
        const dimming = this.highlighted.size > 0;
        paintPes(this.context, { columns: model.peColumns, rows: model.peRows, count: model.pesPerChip }, x, y, side, theme, (pe) => {
            const lit = this.highlighted.has(base + pe);
            return { value: peValue(chip, pe, this.metric), lit, faded: dimming && !lit };
        });
    }

    private drawLinks(model: MeshModel, theme: ThemeColours, inView: (chip: ChipModel) => boolean): void {
        const c = this.context;
        const s = this.scale;
        const half = (CHIP_SIZE * s) / 2;
        for (const link of model.links) {
            if (!inView(link.from)) continue;
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
            drag.x = e.clientX;
            drag.y = e.clientY;
            this.panBy(dx, dy);
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

    /** Moves the view by (dx, dy) CSS pixels. */
    panBy(dx: number, dy: number): void {
        this.originX += dx;
        this.originY += dy;
        this.redraw();
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
