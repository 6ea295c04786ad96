/**
 * Graph analysis: every node of a document with its kind, its edges and its inferred shapes.
 *
 * Architecture invariants:
 * - Never mutates the document and never throws: a malformed graph gives unknown shapes, and a
 *   failing (third-party) shape rule becomes an `engine/internal-error` problem.
 * - Never allocates per element: shapes come from `Tensor.shape` and a few small shape vectors.
 * - Linear in nodes + edges: every node's shape rule runs at most twice.
 * - Reports only what shape rules report; everything else about the graph (edge shapes, dangling
 *   edges, cycles…) is a registered check reading this analysis (engine/src/checks/graph/).
 */
import type { NirDocument, NirNode, NirEdge } from '../nir/graph.js';
import type { NodeKind, Shape } from '../plugins/node-kind.js';
import type { Problem } from '../diagnostics/problem.js';
import type { Registry } from '../plugins/registry.js';
import { collectNodes } from './collect-nodes.js';
import { inferGraphShapes, inferLoneNode } from './infer-shapes.js';
import { topologicalOrder } from './topological-order.js';

/** One port of a graph: the name of its Input or Output node and that node's shape. */
export interface GraphPort {
    readonly name: string;
    readonly shape?: Shape;
}

/** The ports of a `NIRGraph` node: one per Input and per Output child, in the order written. */
export interface GraphPorts {
    readonly inputs: readonly GraphPort[];
    readonly outputs: readonly GraphPort[];
}

/** One node of the document, with everything graph analysis learned about it. */
export interface AnalysedNode {
    readonly node: NirNode;
    /** The node's NIR tree path (`/node/nodes/rnn/nodes/lif`). */
    readonly path: string;
    /** The graph that contains it (undefined for the root). */
    readonly parent?: NirNode;
    /** How deep it is nested: 0 for the root, 1 for the root graph's children. */
    readonly depth: number;
    /** The registered kind, or undefined for an unknown type. */
    readonly kind?: NodeKind;
    readonly inputShape?: Shape;
    readonly outputShape?: Shape;
    /**
     * The edge whose source shape became this node's input shape, for kinds whose input shape
     * is not fixed by their parameters (pooling, Flatten without `input_type`, Conv without `input_shape`).
     */
    readonly inputFrom?: NirEdge;
    /** Edges arriving at and leaving this node within its graph (including edges whose other end is missing). */
    readonly incoming: readonly NirEdge[];
    readonly outgoing: readonly NirEdge[];
    /** For `NIRGraph` nodes: the ports (its Input and Output nodes) and their shapes. */
    readonly ports?: GraphPorts;
}

/** The semantic view of a document: every node (depth first, as written), its kind and shapes. */
export interface GraphAnalysis {
    readonly document: NirDocument;
    /** Every node, the root first, then depth first in the order written. */
    readonly nodes: readonly AnalysedNode[];
    /** Looks up a node's analysis by identity. */
    get(node: NirNode): AnalysedNode | undefined;
    /**
     * The children of a graph in a topological order of its edges (edges that close a cycle are
     * ignored; nodes on no edge keep their written order). Empty for a node that is not a graph.
     */
    topologicalOrder(graph: NirNode): readonly AnalysedNode[];
    /** Problems found while inferring shapes (shape rules, edge mismatches). */
    readonly problems: readonly Problem[];
}

/**
 * Resolves every node's kind and infers shapes across the graph, nested graphs, fan-in and fan-out.
 * Never throws.
 */
export function analyzeGraph(document: NirDocument, registry: Registry): GraphAnalysis {
    const collected = collectNodes(document, registry);
    const problems: Problem[] = [];
    // Inner graphs first: a nested graph's ports must be known before its parent uses it as a node.
    for (const graph of [...collected.graphs].reverse()) inferGraphShapes(graph, collected.records, problems);
    if (!document.root.nodes) inferLoneNode(collected.order[0], problems);
    const orders = new Map<NirNode, readonly AnalysedNode[]>();
    const get = (node: NirNode): AnalysedNode | undefined => collected.records.get(node);
    return {
        document,
        nodes: collected.order,
        get,
        topologicalOrder(graph) {
            let order = orders.get(graph);
            if (!order) {
                order = topologicalOrder(graph, get);
                orders.set(graph, order);
            }
            return order;
        },
        problems,
    };
}
