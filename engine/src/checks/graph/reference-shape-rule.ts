import { graphCheck } from './graph-check.js';
import { edgeShapeVerdict, joinedEdges } from './edge-shapes.js';

/**
 * A shape stored in the file only matches what NIR's reference reader infers, which is wrong for
 * non-square Conv2d kernels and for `groups > 1`. An error where a computing node depends on it; a
 * warning where only an Output's declared shape does.
 */
export const REFERENCE_SHAPE_RULE = graphCheck({
    id: 'nir/reference-shape-rule',
    severity: 'error',
    title: "A stored shape depends on a mistake in NIR's reference shape inference (non-square Conv2d kernels, groups > 1).",
    run(ctx) {
        for (const joined of joinedEdges(ctx.analysis)) {
            const verdict = edgeShapeVerdict(joined);
            if (verdict.kind !== 'mismatch' || !verdict.reference) continue;
            ctx.report({ code: 'nir/reference-shape-rule', ...verdict.reference });
        }
    },
});
