import type { NirEdge } from '../../nir/graph.js';
import { graphCheck, graphsOf } from './graph-check.js';

/** The same `source → target` pair written twice; backends differ on whether that doubles the input. */
export const DUPLICATE_EDGE = graphCheck({
    id: 'nir/duplicate-edge',
    severity: 'warning',
    title: 'The same edge is written twice.',
    run(ctx) {
        for (const graph of graphsOf(ctx.analysis)) {
            const first = new Map<string, NirEdge>();
            for (const edge of graph.node.edges ?? []) {
                const key = JSON.stringify([edge.source, edge.target]);
                const earlier = first.get(key);
                if (!earlier) {
                    first.set(key, edge);
                    continue;
                }
                ctx.report({
                    code: 'nir/duplicate-edge',
                    severity: 'warning',
                    message: `The edge ${edge.source} → ${edge.target} is written twice; NIR backends differ on whether a repeated edge doubles the input. Remove one.`,
                    origin: edge.origin,
                    related: [{ message: 'The first occurrence', origin: earlier.origin }],
                });
            }
        }
    },
});
