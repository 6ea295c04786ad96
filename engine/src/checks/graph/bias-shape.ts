import { graphCheck } from './graph-check.js';
import { biasVerdict } from './bias-rules.js';
import { formatShape } from '../../nir/kinds/index.js';

/** A bias that cannot be added to the node's output (its shape does not broadcast to it). */
export const BIAS_SHAPE = graphCheck({
    id: 'nir/bias-shape',
    severity: 'error',
    title: 'A bias does not fit the outputs its weight produces.',
    run(ctx) {
        for (const analysed of ctx.analysis.nodes) {
            const found = biasVerdict(analysed);
            if (found?.verdict !== 'incompatible') continue;
            ctx.report({
                code: 'nir/bias-shape',
                severity: 'error',
                message: `bias of ${analysed.node.type} '${analysed.node.name}' has shape ${formatShape(found.bias.shape)}, but its weight ${formatShape(found.weight.shape)} gives outputs of shape ${formatShape(found.expected)}; the bias needs that shape.`,
                origin: found.bias.origin,
                related: [{ message: `weight has shape ${formatShape(found.weight.shape)}`, origin: found.weight.origin }],
            });
        }
    },
});
