import type { AnalysedNode } from '../graph/analysis.js';
import type { Origin } from '../nir/origin.js';
import type { Shape } from '../plugins/node-kind.js';
import type { Connectivity } from './connectivity/types.js';
import type { NodeHints, RecordSet } from './hints.js';
import type { NodeRole } from './node-roles.js';

/**
 * A group of neurons of one model that the machine runs on PEs: a NIR neuron node, or an Input
 * node as a spike source. Neurons are numbered 0..size−1 in the node's flattened (row-major) shape.
 */
export interface Population {
    /** Its position in `MachineGraph.populations`. */
    readonly index: number;
    readonly node: AnalysedNode;
    /** The node's name and NIR tree path. */
    readonly name: string;
    readonly path: string;
    /** The NIR type (`LIF`, `Input`). */
    readonly type: string;
    readonly shape: Shape;
    readonly size: number;
    /** True for spike sources (NIR `Input`). */
    readonly isSource: boolean;
    readonly hints: NodeHints;
    /** What it records: the `record` hint, else spikes when it feeds a graph output (py-spinnaker2 s2_nir.py's default). */
    readonly record: RecordSet;
    /** Projections arriving and leaving, by index into `MachineGraph.projections`. */
    readonly incoming: number[];
    readonly outgoing: number[];
}

/** One node on the way from one population to the next, with what it is to the machine. */
export interface ChainOp {
    readonly node: AnalysedNode;
    readonly role: NodeRole;
}

/**
 * The synapses from one population to another: the weight, pooling, index and delay nodes that
 * sit between them (`ops`, in signal order) and the cost model of the synapses they make.
 */
export interface Projection {
    readonly index: number;
    readonly pre: number;
    readonly post: number;
    readonly ops: readonly ChainOp[];
    /** The weight node that carries the synapses, when there is one (the first, if several). */
    readonly weightOp?: ChainOp;
    readonly connectivity: Connectivity;
    /** The delay hint (`metadata.spinnaker2.delay`) of a node on the way, in steps. */
    readonly delayHint?: { readonly steps: number; readonly origin: Origin };
    /** Where problems about the projection point: its weight node, else the first node on the way, else the post node. */
    readonly origin: Origin;
}

/** The network as the machine sees it: populations joined by projections. */
export interface MachineGraph {
    readonly populations: readonly Population[];
    readonly projections: readonly Projection[];
}
