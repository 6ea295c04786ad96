import type { NirDocument, NirEdge, NirNode } from '../nir/graph.js';
import type { Registry } from '../plugins/registry.js';
import type { AnalysedNode } from './analysis.js';

/** An `AnalysedNode` while analysis fills it in. */
export type NodeRecord = { -readonly [K in keyof AnalysedNode]: AnalysedNode[K] } & {
    readonly incoming: NirEdge[];
    readonly outgoing: NirEdge[];
};

/** Every node of a document as a record, and the graphs among them. */
export interface CollectedNodes {
    /** Root first, then depth first in the order written. */
    readonly order: NodeRecord[];
    readonly records: Map<NirNode, NodeRecord>;
    /** Every node with children (`nodes`), in the same order: parents before their children. */
    readonly graphs: NirNode[];
}

/**
 * Walks the document once (with an explicit stack, so nesting depth cannot overflow the call
 * stack), resolving kinds and attaching each graph's edges to the nodes they join.
 */
export function collectNodes(document: NirDocument, registry: Registry): CollectedNodes {
    const order: NodeRecord[] = [];
    const records = new Map<NirNode, NodeRecord>();
    const graphs: NirNode[] = [];
    const stack: { node: NirNode; parent?: NirNode; depth: number }[] = [{ node: document.root, depth: 0 }];
    while (stack.length > 0) {
        const { node, parent, depth } = stack.pop()!;
        const record: NodeRecord = {
            node, path: node.origin.path, parent, depth, kind: registry.nodeKinds.get(node.type), incoming: [], outgoing: [],
        };
        order.push(record);
        records.set(node, record);
        if (!node.nodes) continue;
        graphs.push(node);
        const children = [...node.nodes.values()];
        for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], parent: node, depth: depth + 1 });
    }
    for (const graph of graphs) attachEdges(graph, records);
    return { order, records, graphs };
}

function attachEdges(graph: NirNode, records: Map<NirNode, NodeRecord>): void {
    for (const edge of graph.edges ?? []) {
        const source = graph.nodes?.get(edge.source);
        const target = graph.nodes?.get(edge.target);
        if (source) records.get(source)?.outgoing.push(edge);
        if (target) records.get(target)?.incoming.push(edge);
    }
}
