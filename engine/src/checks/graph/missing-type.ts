import { graphCheck } from './graph-check.js';
import { nodeNameOrigin } from '../../nir/kinds/origins.js';

/**
 * A node without a `type`. A text reader reports this itself at the exact place
 * (`spec/missing-type`), so this check covers documents without source text: `.nir` files and
 * documents built by plugins.
 */
export const MISSING_TYPE = graphCheck({
    id: 'nir/missing-type',
    severity: 'error',
    title: 'A node has no type.',
    run(ctx) {
        for (const { node } of ctx.analysis.nodes) {
            if (node.type !== '' || node.typeOrigin.span || node.origin.span) continue;
            ctx.report({
                code: 'nir/missing-type',
                severity: 'error',
                message: `Node${node.name ? ` '${node.name}'` : ''} has no type; every NIR node needs one (LIF, Affine, NIRGraph, …).`,
                origin: nodeNameOrigin(node),
            });
        }
    },
});
