import { spinnakerCheck } from './target-check.js';
import { roleOf } from '../../machine/node-roles.js';

/** What to use instead of each NIR type py-spinnaker2 does not accept. */
const INSTEAD: Readonly<Record<string, string>> = {
    LI: 'use LIF, and record its voltage with metadata spinnaker2: {record: v}',
    I: 'use IF',
    CubaLI: 'use CubaLIF',
    Threshold: 'use IF or LIF with the same threshold',
    Scale: 'multiply the scale into the weights of the Affine or Linear before it',
    Delay: 'drop the Delay node and put the delay on the weight node as metadata spinnaker2: {delay: STEPS}',
};

/** `spinnaker2/unsupported-primitive`: a NIR type the target's toolchain refuses (py-spinnaker2 s2_nir.py; NIR's docs, supported_primitives.md). */
export const unsupportedPrimitive = spinnakerCheck(
    'spinnaker2/unsupported-primitive',
    'error',
    'A NIR node type that the SpiNNaker toolchain does not accept',
    'target',
    ({ ctx, target }) => {
        const supported = target.supportedNodeTypes;
        if (!supported) return;
        for (const node of ctx.analysis.nodes) {
            const type = node.node.type;
            if (supported.includes(type) || (roleOf(type) === 'other' && !node.kind)) continue;
            const suggestion = INSTEAD[type] ?? 'rewrite it with the supported types';
            ctx.report({
                code: 'spinnaker2/unsupported-primitive',
                severity: 'error',
                message: `${target.id} does not run NIR type '${type}' (node '${node.node.name}'); its toolchain accepts ${supported.join(', ')}. Suggestion: ${suggestion}.`,
                origin: node.node.typeOrigin,
            });
        }
    },
);
