import type { AnalysedNode, GraphAnalysis } from '../../graph/analysis.js';
import { graphCheck, graphsOf, graphLabel } from './graph-check.js';
import { cycleThrough, cyclicComponents } from './strong-components.js';
import { nodeNameOrigin } from '../../nir/kinds/origins.js';

/**
 * The nodes that hold state across ticks (docs/node-kinds.md): stateful kinds, nested graphs containing
 * one, and (so as not to pile errors on an unknown type) nodes of unknown kind.
 */
function statefulNodes(analysis: GraphAnalysis): Set<AnalysedNode> {
    const stateful = new Set<AnalysedNode>();
    // Children follow their parents in `nodes`, so walking backwards settles every child first.
    for (let i = analysis.nodes.length - 1; i >= 0; i--) {
        const node = analysis.nodes[i];
        const inner = [...(node.node.nodes?.values() ?? [])].some((c) => {
            const child = analysis.get(c);
            return child !== undefined && stateful.has(child);
        });
        if (!node.kind || node.kind.stateful || inner) stateful.add(node);
    }
    return stateful;
}

/** A loop made only of instantaneous nodes: its value would depend on itself within one tick. */
export const CYCLE_WITHOUT_DELAY = graphCheck({
    id: 'nir/cycle-without-delay',
    severity: 'error',
    title: 'A cycle has no stateful node (neuron or Delay) on it.',
    run(ctx) {
        let stateful: Set<AnalysedNode> | undefined;
        for (const graph of graphsOf(ctx.analysis)) {
            for (const component of cyclicComponents(ctx.analysis, graph.node)) {
                stateful ??= statefulNodes(ctx.analysis);
                if (component.some((n) => stateful!.has(n))) continue;
                const cycle = cycleThrough(component);
                const closing = component.find((n) => n.node.name === cycle[cycle.length - 2])?.outgoing.find((e) => e.target === cycle[0]);
                ctx.report({
                    code: 'nir/cycle-without-delay',
                    severity: 'error',
                    message: `The cycle ${cycle.join(' → ')} in ${graphLabel(graph.node)} has no delay: every node on it is instantaneous, so its value would depend on itself within one tick. Put a neuron or a Delay node on the loop.`,
                    origin: closing?.origin ?? nodeNameOrigin(component[0].node),
                    related: component.slice(0, 8).map((n) => ({ message: `'${n.node.name}' (${n.node.type}) is instantaneous`, origin: nodeNameOrigin(n.node) })),
                });
            }
        }
    },
});
