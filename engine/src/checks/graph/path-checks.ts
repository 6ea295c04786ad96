import type { Check } from '../../plugins/check.js';
import type { AnalysedNode } from '../../graph/analysis.js';
import { graphCheck, graphsOf, graphLabel } from './graph-check.js';
import { reachableFrom, unreached } from './reach.js';
import { nodeNameOrigin } from '../../nir/kinds/origins.js';

/** A warning for every node that no path joins to a port of type `port` of its graph. */
function pathCheck(id: string, port: 'Input' | 'Output', title: string, message: (node: AnalysedNode, graph: string) => string): Check {
    return graphCheck({
        id,
        severity: 'warning',
        title,
        run(ctx) {
            for (const graph of graphsOf(ctx.analysis)) {
                const reached = reachableFrom(ctx.analysis, graph.node, port, port === 'Input' ? 'downstream' : 'upstream');
                for (const node of unreached(ctx.analysis, graph.node, port, reached)) {
                    ctx.report({ code: id, severity: 'warning', message: message(node, graphLabel(graph.node)), origin: nodeNameOrigin(node.node) });
                }
            }
        },
    });
}

/** A node no path from an Input of its graph reaches: it never receives a signal. */
export const NO_INPUT_PATH = pathCheck('nir/no-input-path', 'Input', 'A node is not reached from any Input of its graph.',
    ({ node }, graph) => `${node.type} '${node.name}' receives nothing: no path leads to it from an Input of ${graph}.`);

/** A node from which no path leads to an Output of its graph: nothing it computes is seen. */
export const NO_OUTPUT_PATH = pathCheck('nir/no-output-path', 'Output', 'A node has no path to any Output of its graph.',
    ({ node }, graph) => `Nothing ${node.type} '${node.name}' computes is used: no path leads from it to an Output of ${graph}.`);
