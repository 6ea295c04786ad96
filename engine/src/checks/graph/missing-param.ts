import { graphCheck } from './graph-check.js';
import { hasParam } from '../../nir/graph.js';
import { closestName } from '../../util/closest-name.js';
import { nodeNameOrigin } from '../../nir/kinds/origins.js';

/**
 * A required parameter is absent. A misspelt one (`v_thresh` for `v_threshold`) is the one mistake
 * `nir/unknown-param` reports, with the name to use: it is not reported again as missing.
 */
export const MISSING_PARAM = graphCheck({
    id: 'nir/missing-param',
    severity: 'error',
    title: 'A node lacks a required parameter.',
    run(ctx) {
        for (const { node, kind } of ctx.analysis.nodes) {
            if (!kind) continue;
            const known = kind.params.map((p) => p.name);
            const misspelt = new Set([...node.params.keys()].flatMap((name) => (known.includes(name) ? [] : closestName(name, known) ?? [])));
            for (const param of kind.params) {
                if (!param.required || hasParam(node, param.name) || misspelt.has(param.name)) continue;
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
