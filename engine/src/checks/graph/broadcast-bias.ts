import { graphCheck } from './graph-check.js';
import { biasVerdict } from './bias-rules.js';
import { formatShape } from '../../nir/kinds/index.js';

/**
 * A bias that is not the output's shape but broadcasts to it (a 0-d bias, as in nirviz's
 * `srnn.nir`): accepted, with a hint that NIR's writers store a full array.
 */
export const BROADCAST_BIAS = graphCheck({
    id: 'nir/broadcast-bias',
    severity: 'hint',
    title: 'A bias broadcasts to the outputs instead of having their shape.',
    run(ctx) {
        for (const analysed of ctx.analysis.nodes) {
            const found = biasVerdict(analysed);
            if (found?.verdict !== 'broadcast') continue;
            const grows = found.result && found.result.length > found.expected.length ? `, which makes the output ${formatShape(found.result)}` : '';
            ctx.report({
                code: 'nir/broadcast-bias',
                severity: 'hint',
                message: `bias of ${analysed.node.type} '${analysed.node.name}' has shape ${formatShape(found.bias.shape)} and is broadcast to the outputs ${formatShape(found.expected)}${grows}; NIR's writers store a bias of shape ${formatShape(found.expected)}.`,
                origin: found.bias.origin,
            });
        }
    },
});
