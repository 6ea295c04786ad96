import { heatColour, type ThemeColours } from './colours.js';
import { CHIP_SIZE } from './mesh-model.js';

/** How a chip's PEs are laid out in it. */
export interface PeGrid {
    readonly columns: number;
    readonly rows: number;
    readonly count: number;
}

/** One PE as drawn: its use 0–1 (NaN when unused), whether it is highlighted, and whether it fades (another node is selected). */
export interface PeLook {
    readonly value: number;
    readonly lit: boolean;
    readonly faded: boolean;
}

const UNUSED: PeLook = { value: NaN, lit: false, faded: false };

/**
 * Paints one chip PE by PE at (x, y), `side` pixels wide: the chip, its outline, each used PE in
 * its heat colour, idle PEs when they are large enough to see, outlines on highlighted PEs.
 */
export function paintPes(c: CanvasRenderingContext2D, grid: PeGrid, x: number, y: number, side: number, theme: ThemeColours, look: (pe: number) => PeLook): void {
    c.fillStyle = theme.chip;
    c.fillRect(x, y, side, side);
    c.strokeStyle = theme.border;
    c.lineWidth = 1;
    c.strokeRect(x + 0.5, y + 0.5, side - 1, side - 1);
    const cw = side / grid.columns, ch = side / grid.rows;
    const gap = Math.min(1.5, cw * 0.12);
    // Neighbouring PEs mostly share a colour: the fill style (parsed by the canvas) is set only when it changes.
    let fill = '', alpha = 1;
    for (let pe = 0; pe < grid.count; pe++) {
        const { value, lit, faded } = look(pe);
        const px = x + (pe % grid.columns) * cw + gap, py = y + Math.floor(pe / grid.columns) * ch + gap;
        const used = !Number.isNaN(value);
        if (used || cw >= 5) {
            // With a selection, the other PEs fade so that the selected node's PEs stand out in their own colours.
            const colour = used ? heatColour(value, theme) : theme.idle, opacity = used && faded ? 0.25 : 1;
            if (colour !== fill) c.fillStyle = fill = colour;
            if (opacity !== alpha) c.globalAlpha = alpha = opacity;
            c.fillRect(px, py, cw - 2 * gap, ch - 2 * gap);
        }
        if (lit && cw >= 8) {
            c.strokeStyle = theme.focus;
            c.lineWidth = 1.5;
            c.strokeRect(px, py, cw - 2 * gap, ch - 2 * gap);
        }
    }
    c.globalAlpha = 1;
}

/** A pattern whose tile is one unused chip and the gap around it, `pixels` device pixels square. */
export interface ChipTile {
    readonly pattern: CanvasPattern;
    readonly pixels: number;
}

/**
 * The tile of an unused chip at the current zoom, kept until the zoom, the detail or the theme
 * changes: panning reuses it, so a frame never draws an unused chip by itself.
 */
export class ChipTiles {
    private key = '';
    private last: ChipTile | undefined;
    private readonly canvas = document.createElement('canvas');

    /** The tile for `chipPixels` CSS pixels per chip at `ratio` device pixels each, PE by PE when `pes` is given. */
    tile(into: CanvasRenderingContext2D, chipPixels: number, ratio: number, pes: PeGrid | undefined, theme: ThemeColours): ChipTile | undefined {
        const pixels = Math.max(1, Math.round(chipPixels * ratio));
        const key = `${pixels}|${ratio}|${pes ? `${pes.columns}x${pes.rows}:${pes.count}` : ''}|${theme.chip}|${theme.border}|${theme.idle}`;
        if (key === this.key && this.last) return this.last;
        this.canvas.width = pixels;
        this.canvas.height = pixels;
        const c = this.canvas.getContext('2d');
        if (!c) return undefined;
        const k = pixels / chipPixels;
        c.setTransform(k, 0, 0, k, 0, 0);
        c.clearRect(0, 0, chipPixels, chipPixels);
        const side = CHIP_SIZE * chipPixels;
        if (pes) paintPes(c, pes, 0, 0, side, theme, () => UNUSED);
        else {
            c.fillStyle = theme.chip;
            c.fillRect(0, 0, Math.max(1, side), Math.max(1, side));
        }
        const pattern = into.createPattern(this.canvas, 'repeat');
        if (!pattern) return undefined;
        this.key = key;
        this.last = { pattern, pixels };
        return this.last;
    }
}
