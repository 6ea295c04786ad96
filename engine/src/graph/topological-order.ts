import type { NirNode } from '../nir/graph.js';
import type { AnalysedNode } from './analysis.js';

/**
 * The children of a graph in a topological order of its edges: reverse post-order of a depth-first
 * search that starts at the Input nodes, then at the other nodes in written order. Edges that close
 * a cycle are thereby ignored. Iterative, so long chains cannot overflow the call stack.
 */
export function topologicalOrder(graph: NirNode, get: (node: NirNode) => AnalysedNode | undefined): AnalysedNode[] {
    const children = [...(graph.nodes?.values() ?? [])];
    const starts = [...children.filter((c) => c.type === 'Input'), ...children.filter((c) => c.type !== 'Input')];
    const visited = new Set<NirNode>();
    const postOrder: AnalysedNode[] = [];
    for (const start of starts) {
        if (visited.has(start)) continue;
        visited.add(start);
        const stack: { node: NirNode; next: number }[] = [{ node: start, next: 0 }];
        while (stack.length > 0) {
            const top = stack[stack.length - 1];
            const outgoing = get(top.node)?.outgoing ?? [];
            if (top.next < outgoing.length) {
                const target = graph.nodes?.get(outgoing[top.next++].target);
                if (target && !visited.has(target)) {
                    visited.add(target);
                    stack.push({ node: target, next: 0 });
                }
                continue;
            }
            stack.pop();
            const analysed = get(top.node);
            if (analysed) postOrder.push(analysed);
        }
    }
    return postOrder.reverse();
}
