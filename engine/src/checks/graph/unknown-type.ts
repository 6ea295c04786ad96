import { graphCheck, didYouMean } from './graph-check.js';

/** A `type` that no registered node kind has (NIR's reader rejects the file). */
export const UNKNOWN_TYPE = graphCheck({
    id: 'nir/unknown-type',
    severity: 'error',
    title: 'A node has a type that NIR does not define.',
    run(ctx) {
        const known = ctx.registry.nodeKinds.ids();
        for (const analysed of ctx.analysis.nodes) {
            const { node } = analysed;
            if (analysed.kind || node.type === '') continue;
            ctx.report({
                code: 'nir/unknown-type',
                severity: 'error',
                message: `'${node.type}' is not a NIR node type.${didYouMean(node.type, known)} NIR 1.0 has ${known.join(', ')}.`,
                origin: node.typeOrigin,
            });
        }
    },
});
