import type { AnalysedNode, GraphAnalysis } from '../../graph/analysis.js';
import type { NirNode } from '../../nir/graph.js';
import { childrenOf } from './graph-check.js';

/**
 * The children of `graph` reachable from those of type `from` along its edges, forwards
 * (`downstream`) or backwards (`upstream`). Nested graphs are passed through as nodes.
 */
export function reachableFrom(analysis: GraphAnalysis, graph: NirNode, from: string, direction: 'downstream' | 'upstream'): Set<AnalysedNode> {
    const seen = new Set<AnalysedNode>(childrenOf(analysis, graph).filter((c) => c.node.type === from));
    const queue = [...seen];
    for (let i = 0; i < queue.length; i++) {
        const current = queue[i];
        const edges = direction === 'downstream' ? current.outgoing : current.incoming;
        for (const edge of edges) {
            const child = graph.nodes?.get(direction === 'downstream' ? edge.target : edge.source);
            const next = child && analysis.get(child);
            if (next && !seen.has(next)) {
                seen.add(next);
                queue.push(next);
            }
        }
    }
    return seen;
}

/** Children of `graph` that are not in `reached`; none when the graph has no node of type `start` (that is `nir/no-input`/`nir/no-output`). */
export function unreached(analysis: GraphAnalysis, graph: NirNode, start: string, reached: Set<AnalysedNode>): AnalysedNode[] {
    const children = childrenOf(analysis, graph);
    if (!children.some((c) => c.node.type === start)) return [];
    return children.filter((c) => !reached.has(c));
}
