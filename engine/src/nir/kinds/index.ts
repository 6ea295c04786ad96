/**
 * The 19 node types of NIR 1.0.x as node-kind plugins: parameters with units and defaults,
 * documentation, and shape rules.
 *
 * Architecture invariants:
 * - A kind never mutates a node and never inserts defaults: documents stay as written (lossless);
 *   defaults are described by `ParamSpec.defaultValue` and reported by the graph checks.
 * - Shape rules never throw and never read more than a few elements of a parameter
 *   (`param-values.ts`), so declared shapes of 10^12 elements cost nothing.
 * - Shape rules are lenient (a malformed parameter gives an unknown shape); the graph checks are
 *   strict and report the malformed parameter, so one mistake gives one problem.
 * - Where NIR's reference implementation infers a wrong shape (non-square Conv2d kernels,
 *   `groups > 1`), the rules here are PyTorch's; `conv-geometry.ts` can reproduce the reference's
 *   rule to explain files that depended on it.
 */
import type { NirNodeKind } from './nir-node-kind.js';
import { INPUT, OUTPUT } from './io.js';
import { NIR_GRAPH } from './graph.js';
import { AFFINE, LINEAR, SCALE } from './linear.js';
import { CONV1D, CONV2D } from './conv.js';
import { AVG_POOL_2D, SUM_POOL_2D } from './pooling.js';
import { FLATTEN } from './flatten.js';
import { DELAY, THRESHOLD } from './elementwise.js';
import { CUBA_LI_NEURON, CUBA_LIF_NEURON, I_NEURON, IF_NEURON, LI_NEURON, LIF_NEURON } from './neurons.js';

export type { NirNodeKind } from './nir-node-kind.js';
export { formatShape, sameShape } from './nir-node-kind.js';
export { graphPortNodes, type GraphPortNodes } from './graph.js';

/** The 19 node types of NIR 1.0.x, in the order of NIR's primitive reference. */
export const NIR_NODE_KINDS: readonly NirNodeKind[] = [
    INPUT, OUTPUT, NIR_GRAPH,
    AFFINE, LINEAR, SCALE,
    CONV1D, CONV2D, SUM_POOL_2D, AVG_POOL_2D, FLATTEN,
    DELAY, THRESHOLD,
    I_NEURON, LI_NEURON, LIF_NEURON, IF_NEURON, CUBA_LI_NEURON, CUBA_LIF_NEURON,
];
