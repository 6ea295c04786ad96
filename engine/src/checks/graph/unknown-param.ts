import { graphCheck, didYouMean } from './graph-check.js';
import { keyOrigin } from '../../nir/kinds/origins.js';

/** A parameter the node's kind does not have (NIR's reader rejects unknown keys). */
export const UNKNOWN_PARAM = graphCheck({
    id: 'nir/unknown-param',
    severity: 'error',
    title: 'A node has a parameter that its type does not define.',
    run(ctx) {
        for (const { node, kind } of ctx.analysis.nodes) {
            if (!kind) continue;
            const names = kind.params.map((p) => p.name);
            for (const [name, value] of node.params) {
                if (names.includes(name)) continue;
                const known = names.length > 0 ? `its parameters are ${names.join(', ')}` : 'it has no parameters';
                ctx.report({
                    code: 'nir/unknown-param',
                    severity: 'error',
                    message: `${kind.id} has no parameter '${name}'; ${known}.${didYouMean(name, names)} NIR's reader rejects unknown parameters.`,
                    origin: keyOrigin(value.origin),
                });
            }
        }
    },
});
