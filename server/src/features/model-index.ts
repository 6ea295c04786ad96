import type { NirDocument, NirEdge, NirNode, NirValue, Span } from '../../../engine/src/index.js';
import { appendAll } from '../../../engine/src/index.js';

/** A node's name key (`fc1:`); `graph` is the graph that holds it. */
export interface NodeNameSite {
    readonly kind: 'node-name';
    readonly span: Span;
    readonly node: NirNode;
    readonly graph: NirNode;
}

/** A node's `type` value (`LIF`). */
export interface NodeTypeSite {
    readonly kind: 'node-type';
    readonly span: Span;
    readonly node: NirNode;
}

/** One end of an edge: the name it refers to, in `graph`. */
export interface EdgeEndSite {
    readonly kind: 'edge-end';
    readonly span: Span;
    readonly graph: NirNode;
    readonly edge: NirEdge;
    readonly end: 'source' | 'target';
    readonly name: string;
}

/** A parameter's key (`tau:`) or its value. */
interface ParamSiteOf<K extends 'param-key' | 'param-value'> {
    readonly kind: K;
    readonly span: Span;
    readonly node: NirNode;
    readonly name: string;
    readonly value: NirValue;
}

/** A parameter's key or value. */
export type ParamSite = ParamSiteOf<'param-key'> | ParamSiteOf<'param-value'>;

/** Something with a name or a value at a place in the text. Sites never overlap. */
export type Site = NodeNameSite | NodeTypeSite | EdgeEndSite | ParamSite;

/** The sites of one graph level: its children's keys and its edges' ends, sorted; its edges by name and by path. */
class GraphSites {
    readonly sites: Site[] = [];
    readonly endsByName = new Map<string, EdgeEndSite[]>();
    readonly edgesByPath = new Map<string, NirEdge>();

    constructor(graph: NirNode) {
        for (const child of graph.nodes?.values() ?? []) {
            if (child.origin.keySpan) this.sites.push({ kind: 'node-name', span: child.origin.keySpan, node: child, graph });
        }
        for (const edge of graph.edges ?? []) {
            this.edgesByPath.set(edge.origin.path, edge);
            for (const end of ['source', 'target'] as const) {
                const span = (end === 'source' ? edge.sourceOrigin : edge.targetOrigin).span;
                const site: EdgeEndSite = { kind: 'edge-end', span: span ?? { start: -1, end: -1 }, graph, edge, end, name: edge[end] };
                const list = this.endsByName.get(site.name);
                if (list) list.push(site);
                else this.endsByName.set(site.name, [site]);
                if (span) this.sites.push(site);
            }
        }
        this.sites.sort((a, b) => a.span.start - b.span.start);
    }
}

/**
 * The "what is at this offset" view of one NIR document (see `indexOf`). Built in two steps so
 * that the first request after a parse stays cheap: the nodes with their spans at once (one walk,
 * no per-parameter work), then the names and edge ends of a graph level when a request first
 * reaches it. Lookups are binary searches. It knows only spans; positions are the caller's business.
 */
export class ModelIndex {
    /** Every node below the root, in document order, with its graph. */
    readonly nodes: readonly { readonly node: NirNode; readonly graph: NirNode }[];
    private readonly parents = new Map<NirNode, NirNode>();
    private readonly byPath = new Map<string, NirNode>();
    /** Nodes with a span, sorted by span start (parents before their children). */
    private readonly spanned: NirNode[] = [];
    private readonly graphs = new Map<NirNode, GraphSites>();
    private all?: Site[];

    constructor(readonly document: NirDocument) {
        const nodes: { node: NirNode; graph: NirNode }[] = [];
        const visit = (node: NirNode): void => {
            this.byPath.set(node.origin.path, node);
            if (node.origin.span) this.spanned.push(node);
            for (const child of node.nodes?.values() ?? []) {
                this.parents.set(child, node);
                nodes.push({ node: child, graph: node });
                visit(child);
            }
        };
        visit(document.root);
        this.spanned.sort((a, b) => (a.origin.span?.start ?? 0) - (b.origin.span?.start ?? 0));
        this.nodes = nodes;
    }

    /** The site under a cursor at `offset` (its end counts as inside), if any. */
    siteAt(offset: number): Site | undefined {
        const touches = (site: Site | undefined) => site !== undefined && offset >= site.span.start && offset <= site.span.end;
        for (let node = this.nodeAt(offset); node; node = this.parents.get(node)) {
            const own = ownSites(node).find(touches);
            if (own) return own;
            const sites = this.graphSites(node).sites;
            const nearest = sites[lastStartingAtOrBefore(sites, offset, (site) => site.span.start)];
            if (touches(nearest)) return nearest;
        }
        return undefined;
    }

    /** The sites that start within `[start, end)`, in order (the whole list is built on first use). */
    sitesIn(start: number, end: number): readonly Site[] {
        const all = (this.all ??= this.allSites());
        const from = lastStartingAtOrBefore(all, start - 1, (s) => s.span.start) + 1;
        const to = lastStartingAtOrBefore(all, end - 1, (s) => s.span.start) + 1;
        return all.slice(from, to);
    }

    /** The innermost node whose value span contains `offset` (the root when none below it does). */
    nodeAt(offset: number): NirNode | undefined {
        const i = lastStartingAtOrBefore(this.spanned, offset, (n) => n.origin.span?.start ?? 0);
        for (let node: NirNode | undefined = this.spanned[i]; node; node = this.parents.get(node)) {
            const s = node.origin.span;
            if (s && offset >= s.start && offset <= s.end) return node;
        }
        return undefined;
    }

    /** The graph that holds a node (undefined for the root). */
    parentOf(node: NirNode): NirNode | undefined {
        return this.parents.get(node);
    }

    /** The node at a NIR tree path (`/node/nodes/fc1`). */
    nodeByPath(path: string): NirNode | undefined {
        return this.byPath.get(path);
    }

    /** The edge at a NIR tree path (`/node/edges/3`), with its graph. */
    edgeByPath(path: string): { readonly edge: NirEdge; readonly graph: NirNode } | undefined {
        const graph = this.byPath.get(path.replace(/\/edges\/[^/]*$/, ''));
        const edge = graph && this.graphSites(graph).edgesByPath.get(path);
        return graph && edge ? { edge, graph } : undefined;
    }

    /** Every edge end in `graph` that names `name`, in document order. */
    referencesTo(graph: NirNode, name: string): readonly EdgeEndSite[] {
        return this.graphSites(graph).endsByName.get(name) ?? [];
    }

    private graphSites(graph: NirNode): GraphSites {
        let sites = this.graphs.get(graph);
        if (!sites) this.graphs.set(graph, (sites = new GraphSites(graph)));
        return sites;
    }

    private allSites(): Site[] {
        const all: Site[] = [];
        for (const node of this.byPath.values()) {
            appendAll(all, ownSites(node));
            if (node.nodes || node.edges) appendAll(all, this.graphSites(node).sites);
        }
        return all.sort((a, b) => a.span.start - b.span.start);
    }
}

/** A node's own sites: its type value and its parameters' keys and values. */
function ownSites(node: NirNode): Site[] {
    const sites: Site[] = [];
    // A missing type has no value of its own to point at (its origin falls back to the name).
    if (node.type && node.typeOrigin.span) sites.push({ kind: 'node-type', span: node.typeOrigin.span, node });
    for (const [name, value] of node.params) addParamSites(sites, node, name, value);
    return sites;
}

function addParamSites(sites: Site[], node: NirNode, name: string, value: NirValue): void {
    const { span, keySpan } = value.origin;
    if (keySpan) sites.push({ kind: 'param-key', span: keySpan, node, name, value });
    if (span) sites.push({ kind: 'param-value', span, node, name, value });
}

/** Index of the last item whose key is ≤ `offset`, or -1 (items sorted by key). */
function lastStartingAtOrBefore<T>(items: readonly T[], offset: number, key: (item: T) => number): number {
    let low = 0;
    let high = items.length - 1;
    let found = -1;
    while (low <= high) {
        const mid = (low + high) >> 1;
        if (key(items[mid]) <= offset) {
            found = mid;
            low = mid + 1;
        } else {
            high = mid - 1;
        }
    }
    return found;
}

const cache = new WeakMap<NirDocument, ModelIndex>();

/** The index of a document, built on first use and kept as long as the document lives. */
export function indexOf(document: NirDocument): ModelIndex {
    let index = cache.get(document);
    if (!index) cache.set(document, (index = new ModelIndex(document)));
    return index;
}
