import { graphCheck } from './graph-check.js';
import { hasParam } from '../../nir/graph.js';
import { nodeNameOrigin } from '../../nir/kinds/origins.js';

/**
 * A parameter that files of older NIR versions lack (`v_reset`, `w_in`) is absent: NIR's reader
 * fills in its default. The document keeps what was written; this says what is assumed.
 */
export const LEGACY_DEFAULT = graphCheck({
    id: 'nir/legacy-default',
    severity: 'info',
    title: 'An optional parameter that older NIR files lack is absent, and its default applies.',
    run(ctx) {
        for (const { node, kind } of ctx.analysis.nodes) {
            if (!kind) continue;
            for (const param of kind.params) {
                if (!param.legacy || param.defaultValue === undefined || hasParam(node, param.name)) continue;
                ctx.report({
                    code: 'nir/legacy-default',
                    severity: 'info',
                    message: `${kind.id} '${node.name}' has no ${param.name}, as in files from older NIR versions; NIR reads it as ${param.defaultValue} for every element.`,
                    origin: nodeNameOrigin(node),
                    data: { param: param.name, value: param.defaultValue },
                });
            }
        }
    },
});
