import type { Projection, ChainOp } from '../../machine/machine-graph.js';
import type { RuleContext } from './target-check.js';
import { spinnakerCheck } from './target-check.js';

/** Reports once per node, however many projections run through it. */
export function eachOnce<T>(items: Iterable<T>, key: (item: T) => unknown, visit: (item: T) => void): void {
    const seen = new Set<unknown>();
    for (const item of items) {
        const k = key(item);
        if (seen.has(k)) continue;
        seen.add(k);
        visit(item);
    }
}

function names({ graph }: RuleContext, p: Projection): { pre: string; post: string } {
    return { pre: graph.populations[p.pre].name, post: graph.populations[p.post].name };
}

/** `spinnaker2/consecutive-weight-layers`: two weight nodes with no neuron between them (s2_nir HardwareConstraintError). */
export const consecutiveWeightLayers = spinnakerCheck(
    'spinnaker2/consecutive-weight-layers',
    'error',
    'Two weight layers in a row without neurons between them',
    'target',
    (rc) => {
        const seconds: { p: Projection; first: ChainOp; second: ChainOp }[] = [];
        for (const p of rc.graph.projections) {
            const weights = p.ops.filter((op) => op.role === 'weight');
            if (weights.length >= 2) seconds.push({ p, first: weights[0], second: weights[1] });
        }
        eachOnce(seconds, (s) => s.second.node, ({ first, second }) => {
            rc.ctx.report({
                code: 'spinnaker2/consecutive-weight-layers',
                severity: 'error',
                message: `'${second.node.node.name}' (${second.node.node.type}) follows the weight layer '${first.node.node.name}' (${first.node.node.type}) with no neuron between them; ${rc.target.id} needs a neuron layer after every weight layer (py-spinnaker2: "Two successive layers with weights are not supported"). Suggestion: put a LIF or IF node between them, or multiply the two weight matrices into one.`,
                origin: second.node.node.origin,
                related: [{ message: `the weight layer before it`, origin: first.node.node.origin }],
            });
        });
    },
);

/** `spinnaker2/neuron-to-neuron`: two neuron nodes joined without any weight node (py-spinnaker2 s2_nir.py connects populations only through projections). */
export const neuronToNeuron = spinnakerCheck(
    'spinnaker2/neuron-to-neuron',
    'error',
    'Two neuron layers joined without a weight layer',
    'target',
    (rc) => {
        for (const p of rc.graph.projections) {
            if (p.ops.some((op) => op.role === 'weight' || op.role === 'pool')) continue;
            const { pre, post } = names(rc, p);
            const preNode = rc.graph.populations[p.pre].node;
            const edge = preNode.outgoing.find((e) => e.target === post);
            rc.ctx.report({
                code: 'spinnaker2/neuron-to-neuron',
                severity: 'error',
                message: `'${pre}' feeds '${post}' with no weights between them; ${rc.target.id} connects populations only through Affine, Linear or Conv layers (py-spinnaker2 raises NotImplementedError). Suggestion: insert an Affine with weight {one_to_one: 1} and bias 0.`,
                origin: p.ops[0]?.node.node.origin ?? edge?.origin ?? rc.graph.populations[p.post].node.node.origin,
            });
        }
    },
);

/** `spinnaker2/cubalif-after-conv`: CubaLIF fed by a convolution (s2_nir maps Conv2d targets to lif_conv2d only). */
export const cubaLifAfterConv = spinnakerCheck(
    'spinnaker2/cubalif-after-conv',
    'error',
    'A CubaLIF layer fed by a convolution',
    'target',
    (rc) => {
        const hits = rc.graph.projections.filter((p) => rc.graph.populations[p.post].type === 'CubaLIF' && p.weightOp?.node.node.type === 'Conv2d');
        eachOnce(hits, (p) => p.post, (p) => {
            const post = rc.graph.populations[p.post];
            rc.ctx.report({
                code: 'spinnaker2/cubalif-after-conv',
                severity: 'error',
                message: `CubaLIF '${post.name}' is fed by the convolution '${p.weightOp?.node.node.name}'; on ${rc.target.id} a Conv2d can only feed LIF or IF neurons (lif_conv2d). Suggestion: make '${post.name}' a LIF or IF node.`,
                origin: post.node.node.typeOrigin,
                related: p.weightOp ? [{ message: 'the convolution feeding it', origin: p.weightOp.node.node.origin }] : undefined,
            });
        });
    },
);
