import type { PeSliceWire, PlacementWire } from '../../../protocol/index.js';

/** What a PE's colour shows: its SRAM use against the window, or its neurons against the node's neurons per PE. */
export type PeMetric = 'sram' | 'load';

/** One slice on a PE, with the node it belongs to. */
export interface HeldSlice {
    readonly node: string;
    readonly path: string;
    readonly slice: PeSliceWire;
}

/** One chip of the machine, with its load. */
export interface ChipModel {
    /** Its place in `MeshModel.chips`. */
    readonly index: number;
    readonly x: number;
    readonly y: number;
    /** Drawing position: the hexagonal mesh sheared so that the six links point at neighbours. */
    readonly cx: number;
    readonly cy: number;
    readonly pesUsed: number;
    readonly dramBytes: number;
    readonly routerEntries: number;
    /** Routing-table entries against the chip's table size, 0–1 (more when over). */
    readonly routerFill: number;
    /** Per PE: SRAM use 0–1 and load 0–1; NaN for an unused PE. */
    readonly sram: Float32Array;
    readonly load: Float32Array;
    /** The largest SRAM use and load of its PEs; NaN when none is used. */
    readonly peak: Readonly<Record<PeMetric, number>>;
    /** The slices each used PE holds. */
    readonly held: ReadonlyMap<number, readonly HeldSlice[]>;
}

/** One link's drawn segment and its use. */
export interface LinkModel {
    readonly from: ChipModel;
    readonly dx: number;
    readonly dy: number;
    readonly utilisation: number;
    readonly packetsPerSecond: number;
}

/** The chip mesh ready to draw: every chip (used or not), links with traffic, and the drawing bounds. */
export interface MeshModel {
    readonly chips: readonly ChipModel[];
    /** The chips with something to show (a used PE or routing entries); the rest are drawn as a pattern. */
    readonly usedChips: readonly ChipModel[];
    readonly links: readonly LinkModel[];
    /** Runs of chips side by side in one row (`y`, first and last `x`), to fill a whole machine in few strokes. */
    readonly rowRuns: readonly { readonly y: number; readonly x0: number; readonly x1: number }[];
    readonly pesPerChip: number;
    /** PE grid columns and rows inside a chip. */
    readonly peColumns: number;
    readonly peRows: number;
    readonly bounds: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
    chipAt(x: number, y: number): ChipModel | undefined;
    /** The PEs of a node, as `chipIndex * pesPerChip + pe` keys. */
    pesOf(path: string): ReadonlySet<number>;
}

/** Link ids 0–5 (E, NE, N, W, SW, S) as mesh steps. */
const LINK_STEPS: readonly (readonly [number, number])[] = [[1, 0], [1, 1], [0, 1], [-1, 0], [-1, -1], [0, -1]];

/** The drawing position of chip (x, y): y up, sheared half a chip left per row (a hexagonal board). */
export function chipPosition(x: number, y: number): [number, number] {
    return [x - y / 2, -y];
}

/**
 * The mesh model of a placement: each chip of the target's machine (or, without a mesh, each chip
 * used) with its PEs' SRAM use and load, its routing-table fill, and the traffic of its links.
 */
export function meshModel(placement: PlacementWire): MeshModel {
    const limits = placement.limits;
    const pesPerChip = Math.max(1, limits?.pesPerChip ?? Math.max(1, ...placement.chips.map((c) => c.pesUsed)));
    const coords: number[] = placement.mesh ? [...placement.mesh.chips] : placement.chips.flatMap((c) => [c.x, c.y]);
    const usage = new Map(placement.chips.map((c) => [`${c.x},${c.y}`, c]));
    const held = new Map<string, Map<number, HeldSlice[]>>();
    for (const node of placement.nodes) {
        for (const slice of node.pes) {
            const key = `${slice.chip[0]},${slice.chip[1]}`;
            const pes = held.get(key) ?? new Map<number, HeldSlice[]>();
            held.set(key, pes);
            pes.set(slice.pe, [...(pes.get(slice.pe) ?? []), { node: node.name, path: node.path, slice }]);
        }
    }
    const perCore = new Map(placement.nodes.map((n) => [n.path, n.neuronsPerCore ?? Math.max(1, ...n.pes.map((p) => p.count))]));
    const sramWindow = limits?.sramBytesPerPe ?? 0;
    const routerLimit = limits?.routerEntriesPerChip ?? 0;
    const unused = new Float32Array(pesPerChip).fill(NaN);
    const chips: ChipModel[] = [];
    const byCoord = new Map<string, ChipModel>();
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i + 1 < coords.length; i += 2) {
        const x = coords[i], y = coords[i + 1];
        const key = `${x},${y}`;
        const use = usage.get(key);
        const pes = held.get(key) ?? new Map<number, HeldSlice[]>();
        // Unused chips (most of a large machine) share one all-unused array.
        const sram = pes.size > 0 ? new Float32Array(pesPerChip).fill(NaN) : unused;
        const load = pes.size > 0 ? new Float32Array(pesPerChip).fill(NaN) : unused;
        for (const [pe, slices] of pes) {
            if (pe < 0 || pe >= pesPerChip) continue;
            const bytes = slices.reduce((sum, s) => sum + s.slice.sramBytes, 0);
            sram[pe] = sramWindow > 0 ? bytes / sramWindow : 0;
            load[pe] = Math.max(...slices.map((s) => s.slice.count / (perCore.get(s.path) ?? s.slice.count)));
        }
        const [cx, cy] = chipPosition(x, y);
        const chip: ChipModel = {
            index: chips.length, x, y, cx, cy, pesUsed: use?.pesUsed ?? pes.size, dramBytes: use?.dramBytes ?? 0, routerEntries: use?.routerEntries ?? 0,
            routerFill: routerLimit > 0 ? (use?.routerEntries ?? 0) / routerLimit : 0, sram, load, held: pes,
            peak: { sram: peakOf(sram), load: peakOf(load) },
        };
        chips.push(chip);
        byCoord.set(key, chip);
        minX = Math.min(minX, cx); maxX = Math.max(maxX, cx); minY = Math.min(minY, cy); maxY = Math.max(maxY, cy);
    }
    const links: LinkModel[] = [];
    for (const link of placement.links) {
        const from = byCoord.get(`${link.x},${link.y}`);
        const step = LINK_STEPS[link.link];
        if (!from || !step) continue;
        const [tx, ty] = chipPosition(link.x + step[0], link.y + step[1]);
        links.push({ from, dx: tx - from.cx, dy: ty - from.cy, utilisation: link.utilisation, packetsPerSecond: link.packetsPerSecond });
    }
    const pesByNode = new Map<string, Set<number>>();
    for (const node of placement.nodes) {
        const set = new Set<number>();
        for (const slice of node.pes) {
            const chip = byCoord.get(`${slice.chip[0]},${slice.chip[1]}`);
            if (chip) set.add(chip.index * pesPerChip + slice.pe);
        }
        pesByNode.set(node.path, set);
    }
    const rowRuns: { y: number; x0: number; x1: number }[] = [];
    for (const chip of [...chips].sort((a, b) => a.y - b.y || a.x - b.x)) {
        const last = rowRuns[rowRuns.length - 1];
        if (last && last.y === chip.y && last.x1 === chip.x - 1) last.x1 = chip.x;
        else rowRuns.push({ y: chip.y, x0: chip.x, x1: chip.x });
    }
    const peColumns = Math.ceil(Math.sqrt(pesPerChip));
    const empty = new Set<number>();
    return {
        chips, usedChips: chips.filter((c) => c.pesUsed > 0 || c.routerEntries > 0 || !Number.isNaN(c.peak.sram)), links, rowRuns, pesPerChip, peColumns, peRows: Math.ceil(pesPerChip / peColumns),
        bounds: chips.length > 0 ? { minX, minY, maxX: maxX + 1, maxY: maxY + 1 } : { minX: 0, minY: 0, maxX: 1, maxY: 1 },
        chipAt: (x, y) => byCoord.get(`${x},${y}`),
        pesOf: (path) => pesByNode.get(path) ?? empty,
    };
}

/** The chip under a drawing position (inverse of `chipPosition`, chips one unit square). */
export function chipUnder(model: MeshModel, px: number, py: number): ChipModel | undefined {
    const y = Math.ceil(-py);
    const x = Math.floor(px + y / 2);
    const chip = model.chipAt(x, y);
    return chip && px >= chip.cx && px < chip.cx + CHIP_SIZE && py >= chip.cy && py < chip.cy + CHIP_SIZE ? chip : undefined;
}

/** The drawn side of a chip, in mesh units (the rest is the gap between chips). */
export const CHIP_SIZE = 0.86;

/** The PE under a position inside a chip, or undefined between PEs. */
export function peUnder(model: MeshModel, chip: ChipModel, px: number, py: number): number | undefined {
    const { column, row } = { column: Math.floor(((px - chip.cx) / CHIP_SIZE) * model.peColumns), row: Math.floor(((py - chip.cy) / CHIP_SIZE) * model.peRows) };
    const pe = row * model.peColumns + column;
    return column >= 0 && column < model.peColumns && row >= 0 && pe < model.pesPerChip ? pe : undefined;
}

/** The value a PE's colour shows, NaN when it is unused. */
export function peValue(chip: ChipModel, pe: number, metric: PeMetric): number {
    return metric === 'sram' ? chip.sram[pe] : chip.load[pe];
}

function peakOf(values: Float32Array): number {
    let peak = NaN;
    for (const v of values) if (!Number.isNaN(v) && !(v <= peak)) peak = v;
    return peak;
}
