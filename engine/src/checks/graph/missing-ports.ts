import type { Check } from '../../plugins/check.js';
import { graphCheck, graphsOf, graphLabel } from './graph-check.js';
import { nodeNameOrigin } from '../../nir/kinds/origins.js';

/** A check that every graph has at least one node of type `port` (Input or Output). */
function portCheck(port: 'Input' | 'Output', id: string, why: string): Check {
    return graphCheck({
        id,
        severity: 'warning',
        title: `A graph has no ${port} node.`,
        run(ctx) {
            for (const graph of graphsOf(ctx.analysis)) {
                if ([...(graph.node.nodes?.values() ?? [])].some((c) => c.type === port)) continue;
                ctx.report({
                    code: id,
                    severity: 'warning',
                    message: `${graphLabel(graph.node, true)} has no ${port} node: ${why} NIR's reference reader adds one automatically; write it explicitly.`,
                    origin: nodeNameOrigin(graph.node),
                });
            }
        },
    });
}

/** A graph with no Input: nothing can enter it. */
export const NO_INPUT = portCheck('Input', 'nir/no-input', 'nothing can enter it.');

/** A graph with no Output: nothing it computes can be read. */
export const NO_OUTPUT = portCheck('Output', 'nir/no-output', 'nothing it computes can be read.');
