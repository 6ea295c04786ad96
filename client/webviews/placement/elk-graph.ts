import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api.js';
import type { VisibleGraph, VisibleNode } from './visible-graph.js';

/** The size of a node's box; fixed, so that a layout depends on the structure alone. */
export const NODE_WIDTH = 148;
export const NODE_HEIGHT = 40;
/** Room above a nested graph's children for its title. */
export const GRAPH_HEADER = 26;

/**
 * ELK's layered algorithm, top to bottom (networks read as a column, like Netron's), deterministic (fixed seed, input order kept where it is
 * a free choice), with edges routed orthogonally across nesting levels.
 */
export const LAYOUT_OPTIONS: Readonly<Record<string, string>> = {
    'elk.algorithm': 'layered',
    'elk.direction': 'DOWN',
    'elk.randomSeed': '1',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.layered.spacing.nodeNodeBetweenLayers': '30',
    'elk.spacing.nodeNode': '24',
    // Edges that point back in written order are the ones reversed to break cycles (recurrence).
    'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
};

/**
 * The ELK graph of the boxes to draw: one ELK node per box (nested graphs as ELK nodes with
 * children), and for every arrow a port of its own on the source's bottom side and on the target's
 * top side, so that fan-out and fan-in spread along the box instead of meeting at one point.
 * Pure: no DOM, no ELK call; `layout()` of the result is what the worker runs.
 */
export function elkGraphOf(visible: VisibleGraph): ElkNode {
    const elkNodes = new Map<string, ElkNode>();
    const children = new Map<string | null, ElkNode[]>();
    for (const box of visible.nodes) {
        const node = elkNodeOf(box);
        elkNodes.set(box.id, node);
        children.set(box.parent, [...(children.get(box.parent) ?? []), node]);
    }
    for (const [id, node] of elkNodes) {
        const inside = children.get(id);
        if (inside) node.children = inside;
    }
    // Routing across nesting levels costs ELK a lot; only graphs with containers (expanded nested graphs or groups) need it.
    const nested = visible.nodes.some((n) => isContainer(n));
    const options = nested ? { ...LAYOUT_OPTIONS, 'elk.hierarchyHandling': 'INCLUDE_CHILDREN' } : { ...LAYOUT_OPTIONS };
    const root: ElkNode = { id: '(root)', layoutOptions: options, children: children.get(null) ?? [], edges: [] };
    const parentOf = new Map(visible.nodes.map((n) => [n.id, n.parent]));
    for (const edge of visible.edges) {
        const source = elkNodes.get(edge.source);
        const target = elkNodes.get(edge.target);
        if (!source || !target) continue;
        const out = addPort(source, `${edge.id}:out`, 'SOUTH');
        const into = addPort(target, `${edge.id}:in`, 'NORTH');
        const container = edgeContainer(edge.source, edge.target, parentOf);
        const owner = container === null ? root : elkNodes.get(container) ?? root;
        const elkEdge: ElkExtendedEdge = { id: edge.id, sources: [out.id], targets: [into.id] };
        owner.edges = [...(owner.edges ?? []), elkEdge];
    }
    return root;
}

/** True for a box drawn around others: an expanded nested graph or group. */
export function isContainer(box: VisibleNode): boolean {
    return box.kind === 'graph' || box.kind === 'group';
}

/**
 * The box an arrow belongs to: the source's container, or the first container above it that also
 * holds the target (null: the root), as ELK wants an arrow between nesting levels in a box that holds both ends.
 */
function edgeContainer(source: string, target: string, parentOf: ReadonlyMap<string, string | null>): string | null {
    const above = new Set<string>();
    for (let at = parentOf.get(target) ?? null; at !== null; at = parentOf.get(at) ?? null) above.add(at);
    let container = parentOf.get(source) ?? null;
    while (container !== null && container !== target && !above.has(container)) container = parentOf.get(container) ?? null;
    return container;
}

function elkNodeOf(box: VisibleNode): ElkNode {
    const options: Record<string, string> = { 'elk.portConstraints': 'FIXED_SIDE' };
    if (isContainer(box)) options['elk.padding'] = `[top=${GRAPH_HEADER},left=12,bottom=12,right=12]`;
    return isContainer(box)
        ? { id: box.id, layoutOptions: options, ports: [] }
        : { id: box.id, width: NODE_WIDTH, height: NODE_HEIGHT, layoutOptions: options, ports: [] };
}

function addPort(node: ElkNode, id: string, side: 'SOUTH' | 'NORTH'): ElkPort {
    const port: ElkPort = { id, width: 0, height: 0, layoutOptions: { 'elk.port.side': side } };
    node.ports = [...(node.ports ?? []), port];
    return port;
}

/** Where every box and arrow went, in the root's coordinates. */
export interface GraphLayout {
    /** The structure key it was computed for. */
    readonly key: string;
    readonly width: number;
    readonly height: number;
    readonly boxes: Readonly<Record<string, { x: number; y: number; width: number; height: number }>>;
    /** Each arrow's polyline. */
    readonly edges: Readonly<Record<string, readonly (readonly [number, number])[]>>;
}

/** Reads ELK's result into absolute box positions and arrow polylines. */
export function readLayout(key: string, laidOut: ElkNode): GraphLayout {
    const boxes: Record<string, { x: number; y: number; width: number; height: number }> = {};
    const edges: Record<string, (readonly [number, number])[]> = {};
    const visit = (node: ElkNode, ox: number, oy: number) => {
        for (const edge of node.edges ?? []) {
            // With INCLUDE_CHILDREN, ELK gives edge points relative to the edge's container.
            const points: (readonly [number, number])[] = [];
            for (const section of edge.sections ?? []) {
                points.push([ox + section.startPoint.x, oy + section.startPoint.y]);
                for (const bend of section.bendPoints ?? []) points.push([ox + bend.x, oy + bend.y]);
                points.push([ox + section.endPoint.x, oy + section.endPoint.y]);
            }
            edges[edge.id] = points;
        }
        for (const child of node.children ?? []) {
            const x = ox + (child.x ?? 0);
            const y = oy + (child.y ?? 0);
            boxes[child.id] = { x, y, width: child.width ?? NODE_WIDTH, height: child.height ?? NODE_HEIGHT };
            visit(child, x, y);
        }
    };
    visit(laidOut, 0, 0);
    return { key, width: laidOut.width ?? 0, height: laidOut.height ?? 0, boxes, edges };
}
