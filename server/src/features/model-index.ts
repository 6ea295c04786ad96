import type { NirDocument, NirEdge, NirNode, NirValue, Span } from '../../../engine/src/index.js';

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

/**
 * The "what is at this offset" view of one NIR document, built once per document (see `indexOf`)
 * and then queried by binary search. It knows only spans; positions are the caller's business.
 */
export class ModelIndex {
    /** Every site, sorted by start offset. */
    readonly sites: readonly Site[];
    /** Every node below the root, in document order, with its graph. */
    readonly nodes: readonly { readonly node: NirNode; readonly graph: NirNode }[];
    private readonly parents = new Map<NirNode, NirNode>();
    private readonly endsByGraph = new Map<NirNode, Map<string, EdgeEndSite[]>>();
    private readonly byPath = new Map<string, NirNode>();
    private readonly edgesByPath = new Map<string, { readonly edge: NirEdge; readonly graph: NirNode }>();
    /** Nodes with a span, sorted by span start (parents before their children). */
    private readonly spanned: NirNode[] = [];

    constructor(readonly document: NirDocument) {
        const sites: Site[] = [];
        const nodes: { node: NirNode; graph: NirNode }[] = [];
        const visit = (node: NirNode): void => {
            this.byPath.set(node.origin.path, node);
            if (node.origin.span) this.spanned.push(node);
            // A missing type has no value of its own to point at (its origin falls back to the name).
            if (node.type && node.typeOrigin.span) sites.push({ kind: 'node-type', span: node.typeOrigin.span, node });
            for (const [name, value] of node.params) addParamSites(sites, node, name, value);
            for (const child of node.nodes?.values() ?? []) {
                this.parents.set(child, node);
                nodes.push({ node: child, graph: node });
                if (child.origin.keySpan) sites.push({ kind: 'node-name', span: child.origin.keySpan, node: child, graph: node });
                visit(child);
            }
            for (const edge of node.edges ?? []) this.addEdge(sites, node, edge);
        };
        visit(document.root);
        sites.sort((a, b) => a.span.start - b.span.start);
        this.spanned.sort((a, b) => (a.origin.span?.start ?? 0) - (b.origin.span?.start ?? 0));
        this.sites = sites;
        this.nodes = nodes;
    }

    /** The site under a cursor at `offset` (its end counts as inside), if any. */
    siteAt(offset: number): Site | undefined {
        const i = lastStartingAtOrBefore(this.sites, offset, (s) => s.span.start);
        const site = i >= 0 ? this.sites[i] : undefined;
        return site && offset <= site.span.end ? site : undefined;
    }

    /** The sites that start within `[start, end)`, in order. */
    sitesIn(start: number, end: number): readonly Site[] {
        const from = lastStartingAtOrBefore(this.sites, start - 1, (s) => s.span.start) + 1;
        const to = lastStartingAtOrBefore(this.sites, end - 1, (s) => s.span.start) + 1;
        return this.sites.slice(from, to);
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
        return this.edgesByPath.get(path);
    }

    /** Every edge end in `graph` that names `name`, in document order. */
    referencesTo(graph: NirNode, name: string): readonly EdgeEndSite[] {
        return this.endsByGraph.get(graph)?.get(name) ?? [];
    }

    private addEdge(sites: Site[], graph: NirNode, edge: NirEdge): void {
        this.edgesByPath.set(edge.origin.path, { edge, graph });
        let byName = this.endsByGraph.get(graph);
        if (!byName) this.endsByGraph.set(graph, (byName = new Map()));
        for (const end of ['source', 'target'] as const) {
            const origin = end === 'source' ? edge.sourceOrigin : edge.targetOrigin;
            const name = edge[end];
            const list = byName.get(name) ?? [];
            const site: EdgeEndSite = { kind: 'edge-end', span: origin.span ?? { start: -1, end: -1 }, graph, edge, end, name };
            list.push(site);
            byName.set(name, list);
            if (origin.span) sites.push(site);
        }
    }
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
