import { graphCheck } from './graph-check.js';
import { edgeShapeVerdict, joinedEdges } from './edge-shapes.js';
import { formatShape } from '../../nir/kinds/index.js';
import { nodeNameOrigin } from '../../nir/kinds/origins.js';

/**
 * An edge carries a shape its target does not take. Under fan-in every incoming edge must carry
 * the target's one input shape. Mismatches explained by NIR's reference rule are `nir/reference-shape-rule`.
 */
export const EDGE_SHAPE = graphCheck({
    id: 'nir/edge-shape',
    severity: 'error',
    title: 'An edge carries a shape that its target does not take.',
    run(ctx) {
        for (const joined of joinedEdges(ctx.analysis)) {
            const verdict = edgeShapeVerdict(joined);
            if (verdict.kind !== 'mismatch' || verdict.reference) continue;
            const { source, target, edge } = joined;
            const from = target.inputFrom && target.inputFrom !== edge ? ` (the shape arriving from '${target.inputFrom.source}')` : '';
            ctx.report({
                code: 'nir/edge-shape',
                severity: 'error',
                message: `Edge ${edge.source} → ${edge.target} carries ${formatShape(verdict.carried)}, but ${target.node.type} '${target.node.name}' takes ${formatShape(verdict.expected)}${from}.`,
                origin: edge.origin,
                related: [
                    { message: `'${source.node.name}' outputs ${formatShape(verdict.carried)}`, origin: nodeNameOrigin(source.node) },
                    { message: `'${target.node.name}' takes ${formatShape(verdict.expected)}`, origin: nodeNameOrigin(target.node) },
                ],
            });
        }
    },
});
