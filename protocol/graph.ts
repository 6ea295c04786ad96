import type { WireRange } from './document-request.js';

/** One node of a NIR graph, nested graphs included (the root graph itself is not a node). */
export interface GraphNodeWire {
    /** The NIR tree path (`/node/nodes/rnn/nodes/lif`): the node's identity on the wire. */
    readonly path: string;
    readonly name: string;
    /** The `type` string as written (`LIF`, `Affine`, `NIRGraph`). */
    readonly type: string;
    /** The path of the graph that holds it; null for the root graph's children. */
    readonly parent: string | null;
    /** The inferred output shape, when known. */
    readonly shape: readonly number[] | null;
    /** Where the node is written (its key in a spec); null for `.nir` files. */
    readonly range: WireRange | null;
}

/** An edge between two nodes of the same graph, by their paths. Dangling edges are left out. */
export interface GraphEdgeWire {
    readonly source: string;
    readonly target: string;
}

/** A NIR graph: every node depth first as written, and every resolved edge. */
export interface GraphWire {
    readonly nodes: readonly GraphNodeWire[];
    readonly edges: readonly GraphEdgeWire[];
}
