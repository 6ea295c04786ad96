/**
 * The machine's view of a NIR graph: populations of neurons that run on PEs and the projections
 * (synapses) between them, with cost models that answer "how many synapses, rows and bytes does
 * this PE hold" without materialising a single synapse.
 *
 * Architecture invariants:
 * - Lowering is pure, target-independent and never throws; hardware numbers enter only through
 *   `peCostModel(target)`, which reads the target's named settings.
 * - No per-synapse storage, ever: explicit weights are scanned in place (one count per neuron at
 *   most), generators are costed from their parameters (expectations for random ones).
 * - Neurons are numbered in the node's flattened, row-major shape, as NIR's tensors are.
 */
export type { Population, Projection, ChainOp, MachineGraph } from './machine-graph.js';
export type { Connectivity, SliceLoad, SynapseFormat, FanIn, Reach, IndexRange } from './connectivity/types.js';
export type { RecordSet, NodeHints, HintValue } from './hints.js';
export { readHints, HINTS_KEY, RECORD_NOTHING } from './hints.js';
export { lowerToMachine, machineGraphOf } from './lower.js';
export { roleOf, isConv, type NodeRole } from './node-roles.js';
export { peCostModel, recordingBytes, maxFanInPerNeuron, type PeCostModel } from './pe-cost-model.js';
export { synapsePlan, weightGrid, type SynapsePlan, type PopulationSynapses, type ProjectionSynapses, type NeuronModelLookup } from './synapse-plan.js';
export { quantiseToLevel, quantisationError, weightMaxAbs, type QuantisationError } from './quantisation.js';
export { chainSynapses, chainBias, type ChainSynapses } from './chain-synapses.js';
export { conv2dLayout, type Conv2dLayout } from './conv2d-layout.js';
