import { graphCheck } from './graph-check.js';
import { nodeNameOrigin } from '../../nir/kinds/origins.js';

/** A required parameter is absent. */
export const MISSING_PARAM = graphCheck({
    id: 'nir/missing-param',
    severity: 'error',
    title: 'A node lacks a required parameter.',
    run(ctx) {
        for (const { node, kind } of ctx.analysis.nodes) {
            if (!kind) continue;
            for (const param of kind.params) {
                if (!param.required || node.params.has(param.name)) continue;
                ctx.report({
                    code: 'nir/missing-param',
                    severity: 'error',
                    message: `${kind.id} '${node.name}' lacks the required parameter ${param.name}: ${lowerFirst(param.doc)}`,
                    origin: nodeNameOrigin(node),
                    data: { param: param.name },
                });
            }
        }
    },
});

function lowerFirst(text: string): string {
    return text.charAt(0).toLowerCase() + text.slice(1);
}
