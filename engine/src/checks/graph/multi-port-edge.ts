import { graphCheck } from './graph-check.js';
import { edgeShapeVerdict, joinedEdges } from './edge-shapes.js';
import { listNames } from './graph-check.js';

/** An edge into (or out of) a nested graph with several Inputs (Outputs) cannot say which port it uses. */
export const MULTI_PORT_EDGE = graphCheck({
    id: 'nir/multi-port-edge',
    severity: 'warning',
    title: 'An edge joins a nested graph that has several input or output ports.',
    run(ctx) {
        for (const joined of joinedEdges(ctx.analysis)) {
            const verdict = edgeShapeVerdict(joined);
            if (verdict.kind !== 'multi-port') continue;
            const into = verdict.graphNode === joined.target;
            ctx.report({
                code: 'nir/multi-port-edge',
                severity: 'warning',
                message: `Graph '${verdict.graphNode.node.name}' has ${verdict.ports.length} ${into ? 'Inputs' : 'Outputs'} (${listNames(verdict.ports)}), and an edge cannot say which one it ${into ? 'feeds' : 'reads'}; NIR's reference reader refuses such edges and its shape is not checked here.`,
                origin: into ? joined.edge.targetOrigin : joined.edge.sourceOrigin,
            });
        }
    },
});
