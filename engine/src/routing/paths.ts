import { LINKS, neighbour, opposite } from './mesh.js';
import type { ChipCoord, LinkId, MeshTopology } from './types.js';

/**
 * The shortest displacement from one chip to another on the hexagonal mesh, trying the wrapped
 * alternatives where the mesh wraps. A step along a diagonal link (NE, SW) moves both x and y,
 * so a displacement costs max(|dx|, |dy|) when the signs agree and |dx| + |dy| when they differ.
 */
export function shortestDisplacement(topology: MeshTopology, from: ChipCoord, to: ChipCoord): [number, number] {
    const xs = candidates(to.x - from.x, topology.width, topology.wrapX);
    const ys = candidates(to.y - from.y, topology.height, topology.wrapY);
    let best: [number, number] = [xs[0], ys[0]];
    for (const dx of xs) {
        for (const dy of ys) {
            if (hexLength(dx, dy) < hexLength(best[0], best[1])) best = [dx, dy];
        }
    }
    return best;
}

/** The number of hops of a displacement. */
export function hexLength(dx: number, dy: number): number {
    return Math.sign(dx) * Math.sign(dy) >= 0 ? Math.max(Math.abs(dx), Math.abs(dy)) : Math.abs(dx) + Math.abs(dy);
}

function candidates(d: number, size: number, wraps: boolean): number[] {
    if (!wraps || d === 0) return [d];
    return [d, d > 0 ? d - size : d + size];
}

/**
 * The links of a "longest dimension first" path for a displacement: the displacement is split
 * into at most two of the three hexagonal directions (x, y and the x = y diagonal), and the
 * longer leg is walked first (ties: x, then y, then the diagonal).
 */
export function longestDimensionFirst(dx: number, dy: number): LinkId[] {
    let diagonal = 0;
    if (Math.sign(dx) * Math.sign(dy) > 0) diagonal = Math.sign(dx) * Math.min(Math.abs(dx), Math.abs(dy));
    const legs: [LinkId, number][] = [
        [dx - diagonal >= 0 ? 0 : 3, Math.abs(dx - diagonal)],
        [dy - diagonal >= 0 ? 2 : 5, Math.abs(dy - diagonal)],
        [diagonal >= 0 ? 1 : 4, Math.abs(diagonal)],
    ];
    const ordered = legs.filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
    return ordered.flatMap(([link, n]) => new Array<LinkId>(n).fill(link));
}

/**
 * Breadth-first search over the chips that exist, from one chip: for every reachable chip (by
 * `y * width + x`) the link its shortest path arrives on; −1 for the start, undefined when
 * unreachable. Used where a geometric path runs into a missing chip.
 */
export function arrivalLinks(topology: MeshTopology, start: ChipCoord): Int8Array {
    const { width, height } = topology;
    const arrival = new Int8Array(width * height).fill(-2);
    arrival[start.y * width + start.x] = -1;
    const queue: ChipCoord[] = [start];
    for (let head = 0; head < queue.length; head++) {
        for (const link of LINKS) {
            const next = neighbour(topology, queue[head], link);
            if (next === undefined) continue;
            const id = next.y * width + next.x;
            if (arrival[id] !== -2) continue;
            arrival[id] = opposite(link);
            queue.push(next);
        }
    }
    return arrival;
}

/** The links of the breadth-first path to `to`, from the arrivals of `arrivalLinks`; undefined when unreachable. */
export function pathFromArrivals(topology: MeshTopology, arrival: Int8Array, to: ChipCoord): LinkId[] | undefined {
    const links: LinkId[] = [];
    let at = to;
    for (;;) {
        const a = arrival[at.y * topology.width + at.x];
        if (a === -2) return undefined;
        if (a === -1) return links.reverse();
        links.push(opposite(a as LinkId));
        at = neighbour(topology, at, a as LinkId)!;
    }
}
