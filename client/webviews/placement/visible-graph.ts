import type { GraphNodeWire, GraphWire } from '../../../protocol/index.js';

/**
 * Above this many boxes a graph is collapsed before layout, so that the first paint stays fast
 * (ELK's layered layout grows faster than linearly: bench/placement-view.mjs).
 */
export const COLLAPSE_LIMIT = 150;

/** One box of the drawn graph: a NIR node, or a group of them collapsed into one. */
export interface VisibleNode {
    /** A NIR node path, or for a group the path of its first member with a `#group` suffix. */
    readonly id: string;
    /** The box that contains it (an expanded nested graph), else null. */
    readonly parent: string | null;
    /** `node`: one NIR node; `graph`: an expanded nested graph; `nested`: a nested graph collapsed;
     * `chain`: a run of layers each feeding only the next; `block`: consecutive nodes as written. */
    readonly kind: 'node' | 'graph' | 'nested' | 'chain' | 'block';
    /** The NIR paths it stands for (itself for a node). */
    readonly members: readonly string[];
}

/** One arrow between two boxes of the same parent. */
export interface VisibleEdge {
    readonly id: string;
    readonly source: string;
    readonly target: string;
}

/** What is drawn of a NIR graph, and which box stands for each NIR node. */
export interface VisibleGraph {
    readonly nodes: readonly VisibleNode[];
    readonly edges: readonly VisibleEdge[];
    /** The box of every NIR node path. */
    readonly boxOf: ReadonlyMap<string, string>;
    /** True when anything was collapsed. */
    readonly collapsed: boolean;
}

/**
 * The boxes to draw for a graph: every node, nested graphs as containers; when there are more than
 * `limit`, nested graphs collapse into one box each, then runs of layers that only feed each other
 * into one box, then (for graphs still too large, such as wide random ones) consecutive nodes in
 * written order into blocks. Pure and deterministic: depends on the graph's structure only.
 */
export function visibleGraph(graph: GraphWire, limit = COLLAPSE_LIMIT): VisibleGraph {
    const full = expanded(graph);
    if (full.nodes.length <= limit) return full;
    const flat = collapseNested(graph);
    if (flat.nodes.length <= limit) return flat;
    const chained = collapseChains(flat);
    if (chained.nodes.length <= limit) return chained;
    return collapseBlocks(chained, Math.ceil(chained.nodes.length / Math.max(1, Math.floor(limit / 2))));
}

function expanded(graph: GraphWire): VisibleGraph {
    const graphs = new Set(graph.nodes.filter((n) => n.type === 'NIRGraph' && graph.nodes.some((c) => c.parent === n.path)).map((n) => n.path));
    const nodes = graph.nodes.map((n): VisibleNode => ({ id: n.path, parent: n.parent, kind: graphs.has(n.path) ? 'graph' : 'node', members: [n.path] }));
    const boxOf = new Map(graph.nodes.map((n) => [n.path, n.path]));
    return { nodes, edges: edgesBetween(graph, boxOf), boxOf, collapsed: false };
}

/** Every top-level node a box; a nested graph's descendants join its box. */
function collapseNested(graph: GraphWire): VisibleGraph {
    const byPath = new Map(graph.nodes.map((n) => [n.path, n]));
    const top = (n: GraphNodeWire): string => {
        let current = n;
        while (current.parent !== null) current = byPath.get(current.parent) ?? { ...current, parent: null };
        return current.path;
    };
    const boxOf = new Map(graph.nodes.map((n) => [n.path, top(n)]));
    const members = new Map<string, string[]>();
    for (const n of graph.nodes) {
        const box = boxOf.get(n.path) ?? n.path;
        members.set(box, [...(members.get(box) ?? []), n.path]);
    }
    const nodes = graph.nodes.filter((n) => n.parent === null).map((n): VisibleNode => {
        const inside = members.get(n.path) ?? [n.path];
        return { id: n.path, parent: null, kind: inside.length > 1 ? 'nested' : 'node', members: inside };
    });
    return { nodes, edges: edgesBetween(graph, boxOf), boxOf, collapsed: true };
}

/** Merges each maximal run u → v → … where every step is u's only way out and v's only way in. */
function collapseChains(flat: VisibleGraph): VisibleGraph {
    const outs = new Map<string, string[]>();
    const ins = new Map<string, string[]>();
    for (const e of flat.edges) {
        outs.set(e.source, [...(outs.get(e.source) ?? []), e.target]);
        ins.set(e.target, [...(ins.get(e.target) ?? []), e.source]);
    }
    const next = (id: string): string | undefined => {
        const out = outs.get(id) ?? [];
        return out.length === 1 && (ins.get(out[0]) ?? []).length === 1 && out[0] !== id ? out[0] : undefined;
    };
    const previous = (id: string): string | undefined => {
        const into = ins.get(id) ?? [];
        return into.length === 1 && next(into[0]) === id ? into[0] : undefined;
    };
    const runOf = new Map<string, string>();
    const groups: VisibleNode[] = [];
    const byId = new Map(flat.nodes.map((n) => [n.id, n]));
    for (const node of flat.nodes) {
        if (runOf.has(node.id) || previous(node.id) !== undefined) continue;
        const run = [node.id];
        for (let v = next(node.id); v !== undefined && !run.includes(v); v = next(v)) run.push(v);
        const id = run.length > 1 ? `${node.id}#chain` : node.id;
        for (const member of run) runOf.set(member, id);
        groups.push(run.length > 1 ? { id, parent: null, kind: 'chain', members: run.flatMap((m) => byId.get(m)?.members ?? [m]) } : node);
    }
    // Nodes on a cycle of single links have no start; each stays its own box.
    for (const node of flat.nodes) if (!runOf.has(node.id)) { runOf.set(node.id, node.id); groups.push(node); }
    return regroup(flat, groups, runOf);
}

/** Groups consecutive boxes, `size` at a time, in written order. */
function collapseBlocks(graph: VisibleGraph, size: number): VisibleGraph {
    const groupOf = new Map<string, string>();
    const groups: VisibleNode[] = [];
    for (let i = 0; i < graph.nodes.length; i += size) {
        const slice = graph.nodes.slice(i, i + size);
        const id = `${slice[0].id}#block`;
        for (const n of slice) groupOf.set(n.id, id);
        groups.push({ id, parent: null, kind: 'block', members: slice.flatMap((n) => n.members) });
    }
    return regroup(graph, groups, groupOf);
}

function regroup(graph: VisibleGraph, nodes: VisibleNode[], groupOf: ReadonlyMap<string, string>): VisibleGraph {
    const boxOf = new Map([...graph.boxOf].map(([path, box]) => [path, groupOf.get(box) ?? box]));
    const seen = new Set<string>();
    const edges: VisibleEdge[] = [];
    for (const e of graph.edges) addEdge(edges, seen, groupOf.get(e.source) ?? e.source, groupOf.get(e.target) ?? e.target);
    return { nodes, edges, boxOf, collapsed: true };
}

function edgesBetween(graph: GraphWire, boxOf: ReadonlyMap<string, string>): VisibleEdge[] {
    const seen = new Set<string>();
    const edges: VisibleEdge[] = [];
    for (const e of graph.edges) {
        const source = boxOf.get(e.source);
        const target = boxOf.get(e.target);
        if (source && target) addEdge(edges, seen, source, target);
    }
    return edges;
}

/** Adds `source → target` once; arrows inside one box are dropped. */
function addEdge(edges: VisibleEdge[], seen: Set<string>, source: string, target: string): void {
    const id = `${source}->${target}`;
    if (source === target || seen.has(id)) return;
    seen.add(id);
    edges.push({ id, source, target });
}

/**
 * A key of the graph's structure (node paths, nesting, edges), not of its parameters or shapes:
 * equal keys have equal layouts, so an edit of a parameter reuses the layout.
 */
export function structureKey(graph: GraphWire): string {
    let hash = 0x811c9dc5;
    const mix = (text: string) => {
        for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
        hash = Math.imul(hash ^ 0x0a, 0x01000193);
    };
    for (const n of graph.nodes) { mix(n.path); mix(n.parent ?? ''); }
    for (const e of graph.edges) { mix(e.source); mix(e.target); }
    return `${graph.nodes.length}.${graph.edges.length}.${(hash >>> 0).toString(36)}`;
}
