import type { ChipCoord, LinkId, MeshTopology } from './types.js';

/** The coordinate step of each link id: E, NE, N, W, SW, S. */
export const LINK_DELTAS: readonly (readonly [number, number])[] = [
    [1, 0],
    [1, 1],
    [0, 1],
    [-1, 0],
    [-1, -1],
    [0, -1],
];

/** All link ids in order. */
export const LINKS: readonly LinkId[] = [0, 1, 2, 3, 4, 5];

/** The link on the far side of `link`: a packet sent out on `link` arrives on `opposite(link)`. */
export function opposite(link: LinkId): LinkId {
    return ((link + 3) % 6) as LinkId;
}

/** The `"x,y"` key of a chip, as used by the per-chip maps. */
export function chipKey(chip: ChipCoord): string {
    return `${chip.x},${chip.y}`;
}

/** True when the coordinates lie in the mesh and hold a chip. */
export function chipExists(topology: MeshTopology, chip: ChipCoord): boolean {
    const { x, y } = chip;
    return Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < topology.width && y < topology.height && topology.hasChip(x, y);
}

/**
 * The chip at the far end of `link`, wrapping around where the mesh wraps; undefined off the edge
 * of a non-wrapping mesh or where no chip sits.
 */
export function neighbour(topology: MeshTopology, chip: ChipCoord, link: LinkId): ChipCoord | undefined {
    const [dx, dy] = LINK_DELTAS[link];
    let x = chip.x + dx;
    let y = chip.y + dy;
    if (x < 0 || x >= topology.width) {
        if (!topology.wrapX) return undefined;
        x = (x + topology.width) % topology.width;
    }
    if (y < 0 || y >= topology.height) {
        if (!topology.wrapY) return undefined;
        y = (y + topology.height) % topology.height;
    }
    return topology.hasChip(x, y) ? { x, y } : undefined;
}

/** A full width × height rectangle of chips, wrapping as asked (tests and simple targets). */
export function rectangularMesh(width: number, height: number, wrapX = false, wrapY = wrapX): MeshTopology {
    return { width, height, wrapX, wrapY, hasChip: () => true };
}
