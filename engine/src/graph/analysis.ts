import type { NirDocument, NirNode, NirEdge } from '../nir/graph.js';
import type { NodeKind, Shape } from '../plugins/node-kind.js';
import type { Problem } from '../diagnostics/problem.js';
import type { Registry } from '../plugins/registry.js';

/** One node of the document, with everything graph analysis learned about it. */
export interface AnalysedNode {
    readonly node: NirNode;
    /** The node's NIR tree path (`/node/nodes/rnn/nodes/lif`). */
    readonly path: string;
    /** The graph that contains it (undefined for the root). */
    readonly parent?: NirNode;
    /** The registered kind, or undefined for an unknown type. */
    readonly kind?: NodeKind;
    readonly inputShape?: Shape;
    readonly outputShape?: Shape;
    /** Edges arriving at and leaving this node within its graph. */
    readonly incoming: readonly NirEdge[];
    readonly outgoing: readonly NirEdge[];
}

/** The semantic view of a document: every node (depth first, as written), its kind and shapes. */
export interface GraphAnalysis {
    readonly document: NirDocument;
    readonly nodes: readonly AnalysedNode[];
    /** Looks up a node's analysis by identity. */
    get(node: NirNode): AnalysedNode | undefined;
    /** Problems found while inferring shapes (shape rules, edge mismatches). */
    readonly problems: readonly Problem[];
}

/**
 * Resolves every node's kind and infers shapes across the graph, nested graphs, fan-in and fan-out.
 * Never throws. (Stub: implemented by the graph-analysis work.)
 */
export function analyzeGraph(document: NirDocument, registry: Registry): GraphAnalysis {
    void registry;
    return { document, nodes: [], get: () => undefined, problems: [] };
}
