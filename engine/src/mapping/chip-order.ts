import type { ChipCoord, MeshTopology } from '../routing/types.js';

/**
 * The chips of a mesh in the order the mapper fills them: along a Hilbert curve over the mesh's
 * bounding box from (0, 0), skipping coordinates without a chip. Consecutive chips on the curve are
 * neighbours, and any run of the curve covers a compact patch, so a population spread over several
 * chips, and the populations placed after it, stay close together.
 */
export function hilbertChipOrder(mesh: MeshTopology): ChipCoord[] {
    let side = 1;
    while (side < Math.max(mesh.width, mesh.height)) side *= 2;
    const chips: ChipCoord[] = [];
    const total = side * side;
    for (let d = 0; d < total; d++) {
        const [x, y] = hilbertPoint(side, d);
        if (x < mesh.width && y < mesh.height && mesh.hasChip(x, y)) chips.push({ x, y });
    }
    return chips;
}

/** The point at distance `d` along the Hilbert curve filling a `side` × `side` square (side a power of two). */
export function hilbertPoint(side: number, d: number): [number, number] {
    let x = 0;
    let y = 0;
    let t = d;
    for (let s = 1; s < side; s *= 2) {
        const rx = 1 & (t >> 1);
        const ry = 1 & (t ^ rx);
        if (ry === 0) {
            if (rx === 1) {
                x = s - 1 - x;
                y = s - 1 - y;
            }
            [x, y] = [y, x];
        }
        x += s * rx;
        y += s * ry;
        t = Math.floor(t / 4);
    }
    return [x, y];
}
