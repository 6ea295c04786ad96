import type { Problem } from '../diagnostics/problem.js';
import { chipExists, LINKS, neighbour, opposite } from './mesh.js';
import { arrivalLinks, longestDimensionFirst, pathFromArrivals, shortestDisplacement } from './paths.js';
import { RouteSet } from './route-set.js';
import { describeSource, sourceOrigin } from './source-checks.js';
import type { ChipCoord, LinkId, MeshTopology, MulticastSource, MulticastTree, TreeNode } from './types.js';

interface Growing {
    readonly chip: ChipCoord;
    readonly arrival: LinkId | undefined;
    links: number;
    pes: bigint;
}

/**
 * The multicast tree of one source: a shortest path to each destination chip ("longest dimension
 * first", wrap-aware; breadth-first over the existing chips where that path meets a missing chip),
 * merged into a tree. A path that reaches a chip already in the tree continues from there, so
 * every chip is entered once and shared branches carry each packet once. The path to a chip is
 * found once however many of its PEs the source reaches.
 */
export function buildTree(topology: MeshTopology, source: MulticastSource, sourceIndex: number, pesPerChip: number, problems: Problem[]): MulticastTree {
    const id = (c: ChipCoord): number => c.y * topology.width + c.x;
    const nodes = new Map<number, Growing>();
    const root: Growing = { chip: { x: source.chip.x, y: source.chip.y }, arrival: undefined, links: 0, pes: 0n };
    nodes.set(id(root.chip), root);
    let arrivals: Int8Array | undefined;

    for (const [chipId, pes] of destinationChips(topology, source, sourceIndex, pesPerChip, problems)) {
        const chip = { x: chipId % topology.width, y: Math.floor(chipId / topology.width) };
        let path = geometricPath(topology, root.chip, chip);
        if (path === undefined) {
            arrivals ??= arrivalLinks(topology, root.chip);
            path = pathFromArrivals(topology, arrivals, chip);
        }
        if (path === undefined) {
            problems.push({
                code: 'routing/unreachable', severity: 'error', origin: sourceOrigin(source),
                message: `No chain of links leads from chip (${root.chip.x}, ${root.chip.y}) to chip (${chip.x}, ${chip.y}), a destination of ${describeSource(source, sourceIndex)}.`,
            });
            continue;
        }
        let at = root;
        for (const link of path) {
            const next = neighbour(topology, at.chip, link)!;
            let node = nodes.get(id(next));
            if (node === undefined) {
                at.links |= 1 << link;
                node = { chip: next, arrival: opposite(link), links: 0, pes: 0n };
                nodes.set(id(next), node);
            }
            at = node;
        }
        at.pes |= pes;
    }
    return { sourceIndex, nodes: breadthFirst(topology, root, nodes, id) };
}

/** The source's destination PEs grouped by chip (`y * width + x` → PE bits), in first-seen order; bad ones are reported. */
function destinationChips(topology: MeshTopology, source: MulticastSource, sourceIndex: number, pesPerChip: number, problems: Problem[]): Map<number, bigint> {
    const chips = new Map<number, bigint>();
    for (const { chip, pe } of source.destinations) {
        if (!chipExists(topology, chip) || !Number.isInteger(pe) || pe < 0 || pe >= pesPerChip) {
            problems.push({
                code: 'routing/bad-destination', severity: 'error', origin: sourceOrigin(source),
                message: `A destination of ${describeSource(source, sourceIndex)}, PE ${pe} of chip (${chip.x}, ${chip.y}), does not exist in the mesh (${pesPerChip} PEs per chip).`,
            });
            continue;
        }
        const key = chip.y * topology.width + chip.x;
        chips.set(key, (chips.get(key) ?? 0n) | (1n << BigInt(pe)));
    }
    return chips;
}

/** The longest-dimension-first path, or undefined when it steps onto a missing chip. */
function geometricPath(topology: MeshTopology, from: ChipCoord, to: ChipCoord): LinkId[] | undefined {
    const [dx, dy] = shortestDisplacement(topology, from, to);
    const path = longestDimensionFirst(dx, dy);
    let at: ChipCoord | undefined = from;
    for (const link of path) {
        at = neighbour(topology, at, link);
        if (at === undefined) return undefined;
    }
    return path;
}

/** The tree's nodes in breadth-first order from the root, children in link order. */
function breadthFirst(topology: MeshTopology, root: Growing, nodes: Map<number, Growing>, id: (c: ChipCoord) => number): TreeNode[] {
    const order: Growing[] = [root];
    for (let head = 0; head < order.length; head++) {
        const node = order[head];
        for (const link of LINKS) {
            if ((node.links & (1 << link)) === 0) continue;
            order.push(nodes.get(id(neighbour(topology, node.chip, link)!))!);
        }
    }
    return order.map((n) => ({ chip: n.chip, arrival: n.arrival, route: new RouteSet(n.links, n.pes) }));
}
