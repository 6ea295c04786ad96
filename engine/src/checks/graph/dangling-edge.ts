import { graphCheck, didYouMean, graphLabel } from './graph-check.js';
import { looksCrossLevel, missingEnds, otherEndInfo } from './edge-ends.js';

/** Suggestions are computed for this many dangling ends at most (each costs a pass over the graph's names). */
const MAX_SUGGESTIONS = 100;

/** An edge names a node its graph does not have (NIR's reader fails with a KeyError). */
export const DANGLING_EDGE = graphCheck({
    id: 'nir/dangling-edge',
    severity: 'error',
    title: 'An edge names a node that its graph does not have.',
    run(ctx) {
        let suggested = 0;
        for (const missing of missingEnds(ctx.analysis)) {
            if (looksCrossLevel(missing.name)) continue;
            const suggestion = suggested++ < MAX_SUGGESTIONS ? didYouMean(missing.name, missing.graph.nodes?.keys() ?? []) : '';
            ctx.report({
                code: 'nir/dangling-edge',
                severity: 'error',
                message: `Edge ${missing.end} '${missing.name}' is not a node of ${graphLabel(missing.graph)}.${suggestion}`,
                origin: missing.origin,
                related: otherEndInfo(missing),
            });
        }
    },
});
