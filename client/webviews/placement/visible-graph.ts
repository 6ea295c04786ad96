import type { GraphNodeWire, GraphWire } from '../../../protocol/index.js';

/**
 * Above this many boxes a graph is collapsed before layout, so that the first paint stays fast
 * (ELK's layered layout grows faster than linearly: bench/placement-view.mjs).
 */
export const COLLAPSE_LIMIT = 150;

/** One box of the drawn graph: a NIR node, or a group of them collapsed into one. */
export interface VisibleNode {
    /** A NIR node path (also of a nested graph), or for a chain its first box's id with `#chain`,
     * for a block its first and last box's ids with `#block`. */
    readonly id: string;
    /** The box that contains it (an expanded nested graph), else null. */
    readonly parent: string | null;
    /** `node`: one NIR node; `graph`: an expanded nested graph; `nested`: a nested graph collapsed;
     * `chain`: a run of layers each feeding only the next; `block`: consecutive nodes as written;
     * `group`: a chain or block the user expanded, drawn around its parts. */
    readonly kind: 'node' | 'graph' | 'nested' | 'chain' | 'block' | 'group';
    /** The NIR paths it stands for (itself for a node, for an expanded nested graph); those of its parts for a group. */
    readonly members: readonly string[];
    /** Of a group that can be expanded or collapsed (`nested`, `chain`, `block`, and once expanded
     * `graph` and `group`): the boxes it stands for, one level down. */
    readonly parts?: readonly VisibleNode[];
}

/** True for a box that is a group the user expanded (it can collapse again). */
export function isExpanded(box: VisibleNode): boolean {
    return box.parts !== undefined && (box.kind === 'graph' || box.kind === 'group');
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
    /** The groups expanded in it, sorted (part of its layout's key). */
    readonly opened: readonly string[];
}

/**
 * The boxes to draw for a graph: every node, nested graphs as containers; when there are more than
 * `limit`, nested graphs collapse into one box each, then runs of layers that only feed each other
 * into one box, then (for graphs still too large, such as wide random ones) consecutive nodes in
 * written order into blocks. The groups named in `open` are then expanded in place, one level
 * each: the group becomes a container around its parts (which may be groups themselves). Pure and
 * deterministic: depends on the graph's structure and `open` only.
 */
export function visibleGraph(graph: GraphWire, limit = COLLAPSE_LIMIT, open: ReadonlySet<string> = new Set()): VisibleGraph {
    const full = expanded(graph);
    if (full.nodes.length <= limit) return full;
    const flat = collapseNested(graph);
    const groups = chunked(flat.length <= limit ? flat : collapseChains(flat, graph, limit), limit);
    const opened: string[] = [];
    const nodes = expandGroups(groups, open, null, opened);
    const boxOf = new Map<string, string>();
    // Containers come before their parts, so a part's box wins over its container's.
    for (const box of nodes) for (const member of box.members) boxOf.set(member, box.id);
    return { nodes, edges: edgesBetween(graph, boxOf), boxOf, collapsed: true, opened: opened.sort() };
}

/** The boxes with each group named in `open` replaced by a container and its parts (recursively). */
function expandGroups(boxes: readonly VisibleNode[], open: ReadonlySet<string>, parent: string | null, opened: string[]): VisibleNode[] {
    const out: VisibleNode[] = [];
    for (const box of boxes) {
        if (!box.parts || !open.has(box.id)) {
            out.push({ ...box, parent });
            continue;
        }
        opened.push(box.id);
        const nested = box.kind === 'nested';
        out.push({ ...box, parent, kind: nested ? 'graph' : 'group', members: nested ? [box.id] : box.members });
        out.push(...expandGroups(box.parts, open, box.id, opened));
    }
    return out;
}

function expanded(graph: GraphWire): VisibleGraph {
    const graphs = new Set(graph.nodes.filter((n) => n.type === 'NIRGraph' && graph.nodes.some((c) => c.parent === n.path)).map((n) => n.path));
    const nodes = graph.nodes.map((n): VisibleNode => ({ id: n.path, parent: n.parent, kind: graphs.has(n.path) ? 'graph' : 'node', members: [n.path] }));
    const boxOf = new Map(graph.nodes.map((n) => [n.path, n.path]));
    return { nodes, edges: edgesBetween(graph, boxOf), boxOf, collapsed: false, opened: [] };
}

/** Every top-level node a box; a nested graph is one box, whose parts are its children's boxes. */
function collapseNested(graph: GraphWire): VisibleNode[] {
    const children = new Map<string | null, GraphNodeWire[]>();
    for (const n of graph.nodes) children.set(n.parent, [...(children.get(n.parent) ?? []), n]);
    const boxFor = (n: GraphNodeWire, parent: string | null): VisibleNode => {
        const inside = children.get(n.path);
        if (!inside) return { id: n.path, parent, kind: 'node', members: [n.path] };
        const parts = inside.map((c) => boxFor(c, n.path));
        return { id: n.path, parent, kind: 'nested', members: [n.path, ...parts.flatMap((p) => p.members)], parts };
    };
    return (children.get(null) ?? []).map((n) => boxFor(n, null));
}

/** Merges each maximal run u → v → … where every step is u's only way out and v's only way in. */
function collapseChains(flat: readonly VisibleNode[], graph: GraphWire, limit: number): VisibleNode[] {
    const boxOf = new Map(flat.flatMap((box) => box.members.map((m) => [m, box.id] as const)));
    const outs = new Map<string, string[]>();
    const ins = new Map<string, string[]>();
    for (const e of edgesBetween(graph, boxOf)) {
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
    const inRun = new Set<string>();
    const groups: VisibleNode[] = [];
    const byId = new Map(flat.map((n) => [n.id, n]));
    for (const node of flat) {
        if (inRun.has(node.id) || previous(node.id) !== undefined) continue;
        const run = [node.id];
        for (let v = next(node.id); v !== undefined && !run.includes(v); v = next(v)) run.push(v);
        for (const member of run) inRun.add(member);
        const parts = run.map((m) => byId.get(m) ?? node);
        groups.push(run.length > 1 ? { id: `${node.id}#chain`, parent: null, kind: 'chain', members: parts.flatMap((p) => p.members), parts: chunked(parts, limit) } : node);
    }
    // Nodes on a cycle of single links have no start; each stays its own box.
    for (const node of flat) if (!inRun.has(node.id)) groups.push(node);
    return groups;
}

/**
 * The boxes as they are when at most `limit`, else grouped into blocks of consecutive boxes in
 * written order, about `limit / 2` blocks (whose parts are chunked the same way, so that expanding
 * any group draws at most `limit` new boxes).
 */
function chunked(boxes: readonly VisibleNode[], limit: number): VisibleNode[] {
    if (boxes.length <= limit) return [...boxes];
    const size = Math.max(2, Math.ceil(boxes.length / Math.max(1, Math.floor(limit / 2))));
    const groups: VisibleNode[] = [];
    for (let i = 0; i < boxes.length; i += size) {
        const slice = boxes.slice(i, i + size);
        // Named by first and last box: a block inside a block never has both ends of its container.
        groups.push(slice.length === 1 ? slice[0] : { id: `${slice[0].id}..${slice[slice.length - 1].id}#block`, parent: null, kind: 'block', members: slice.flatMap((n) => n.members), parts: chunked(slice, limit) });
    }
    return groups;
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
