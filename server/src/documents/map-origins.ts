import type { NirDict, NirEdge, NirNode, NirValue, Origin, Problem, Span } from '../../../engine/src/index.js';

/** Rewrites one origin (spans moved); returns the same object when nothing changes. */
export type OriginMap = (origin: Origin) => Origin;

function mapValue(value: NirValue, f: OriginMap): NirValue {
    if (value.kind === 'dict') return mapDict(value, f);
    return { ...value, origin: f(value.origin) };
}

function mapDict(dict: NirDict, f: OriginMap): NirDict {
    if (dict.entries.size === 0) return { ...dict, origin: f(dict.origin) };
    const entries = new Map<string, NirValue>();
    for (const [key, value] of dict.entries) entries.set(key, mapValue(value, f));
    return { ...dict, entries, origin: f(dict.origin) };
}

function mapEdge(edge: NirEdge, f: OriginMap): NirEdge {
    return { ...edge, origin: f(edge.origin), sourceOrigin: f(edge.sourceOrigin), targetOrigin: f(edge.targetOrigin) };
}

/**
 * A copy of a node with every origin in it (its own, its type's, its parameters', its metadata's,
 * its children's and its edges') rewritten by `f`. Tensor data is shared, not copied. With
 * `children`, those become the node's child nodes as they are (the caller has mapped them).
 */
export function mapNodeOrigins(node: NirNode, f: OriginMap, children?: ReadonlyMap<string, NirNode>): NirNode {
    const params = new Map<string, NirValue>();
    for (const [name, value] of node.params) params.set(name, mapValue(value, f));
    const mapped: NirNode = {
        ...node,
        params,
        metadata: mapDict(node.metadata, f),
        origin: f(node.origin),
        typeOrigin: f(node.typeOrigin),
    };
    if (children) {
        Object.assign(mapped, { nodes: children });
    } else if (node.nodes) {
        const nodes = new Map<string, NirNode>();
        for (const [name, child] of node.nodes) nodes.set(name, mapNodeOrigins(child, f));
        Object.assign(mapped, { nodes });
    }
    if (node.edges) Object.assign(mapped, { edges: node.edges.map((edge) => mapEdge(edge, f)) });
    return mapped;
}

/** A problem with its origin and its related origins rewritten by `f`. */
export function mapProblemOrigins(problem: Problem, f: OriginMap): Problem {
    const moved: Problem = { ...problem, origin: f(problem.origin) };
    return problem.related ? { ...moved, related: problem.related.map((r) => ({ ...r, origin: f(r.origin) })) } : moved;
}

/** An origin map that moves every span by `offset`. */
export function shiftBy(offset: number): OriginMap {
    return (origin) => {
        const moved: { path: string; span?: Span; keySpan?: Span } = { ...origin };
        if (origin.span) moved.span = { start: origin.span.start + offset, end: origin.span.end + offset };
        if (origin.keySpan) moved.keySpan = { start: origin.keySpan.start + offset, end: origin.keySpan.end + offset };
        return moved;
    };
}

/**
 * The origin map for an edit that replaced the old text `[from, to)` by text `delta` characters
 * longer: offsets before `from` stay, offsets from `to` on move by `delta` (a span around the
 * edit grows or shrinks with it).
 */
export function shiftAfterEdit(from: number, to: number, delta: number): OriginMap {
    const moveOffset = (offset: number) => (offset >= to ? offset + delta : offset);
    const move = (span: Span | undefined) => (span && span.end >= from ? { start: moveOffset(span.start), end: moveOffset(span.end) } : span);
    return (origin) => {
        const span = move(origin.span);
        const keySpan = move(origin.keySpan);
        return span === origin.span && keySpan === origin.keySpan ? origin : { ...origin, span, keySpan };
    };
}
