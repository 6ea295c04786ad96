import type { ChipCoord, MeshTopology } from '../routing/types.js';

/**
 * A SpiNNaker chip mesh: a width × height box of chip coordinates, wrapping as the machine does,
 * with a bitmap of the coordinates that hold a chip. One byte per coordinate, so the 34,560-chip
 * SpiNNcloud costs 35 KB.
 */
export class ChipMesh implements MeshTopology {
    /** How many coordinates hold a chip. */
    readonly chipCount: number;

    constructor(
        readonly width: number,
        readonly height: number,
        readonly wrapX: boolean,
        readonly wrapY: boolean,
        private readonly present: Uint8Array,
    ) {
        let count = 0;
        for (const p of present) count += p;
        this.chipCount = count;
    }

    /** A mesh with a chip at every coordinate. */
    static full(width: number, height: number, wrapX: boolean, wrapY: boolean): ChipMesh {
        return new ChipMesh(width, height, wrapX, wrapY, new Uint8Array(width * height).fill(1));
    }

    /** A non-wrapping mesh holding exactly the listed chips (each inside the box). */
    static of(width: number, height: number, chips: Iterable<ChipCoord>): ChipMesh {
        const present = new Uint8Array(width * height);
        for (const { x, y } of chips) present[y * width + x] = 1;
        return new ChipMesh(width, height, false, false, present);
    }

    hasChip(x: number, y: number): boolean {
        return this.present[y * this.width + x] === 1;
    }

    /** Every chip, row by row from (0, 0). */
    chips(): ChipCoord[] {
        const out: ChipCoord[] = [];
        for (let y = 0; y < this.height; y++) for (let x = 0; x < this.width; x++) if (this.hasChip(x, y)) out.push({ x, y });
        return out;
    }
}

/**
 * Hops between two chips on the hexagonal mesh, wrap-aware: for each candidate displacement (the
 * direct one and, on wrapping axes, the one around the back) the cost is max(|dx|, |dy|) when the
 * signs agree (the diagonal NE/SW link helps) and |dx| + |dy| otherwise; the smallest wins.
 * Source: SpiNNMachine full_wrap_machine.py get_vector_length, from rig geometry.
 */
export function hexDistance(mesh: MeshTopology, a: ChipCoord, b: ChipCoord): number {
    const dxs = candidates(b.x - a.x, mesh.width, mesh.wrapX);
    const dys = candidates(b.y - a.y, mesh.height, mesh.wrapY);
    let best = Infinity;
    for (const dx of dxs) {
        for (const dy of dys) {
            const cost = Math.sign(dx) === Math.sign(dy) ? Math.max(Math.abs(dx), Math.abs(dy)) : Math.abs(dx) + Math.abs(dy);
            best = Math.min(best, cost);
        }
    }
    return best;
}

function candidates(delta: number, size: number, wraps: boolean): number[] {
    if (!wraps) return [delta];
    const d = ((delta % size) + size) % size;
    return d === 0 ? [0] : [d, d - size];
}
