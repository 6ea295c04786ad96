import type { AnalysedNode, GraphAnalysis } from '../../graph/analysis.js';
import type { NirNode } from '../../nir/graph.js';
import { childrenOf } from './graph-check.js';

/**
 * The cycles of one graph level: its strongly connected components with more than one node, or
 * one node with an edge to itself. Tarjan's algorithm with an explicit stack (no recursion).
 */
export function cyclicComponents(analysis: GraphAnalysis, graph: NirNode): AnalysedNode[][] {
    const children = childrenOf(analysis, graph);
    const successors = (node: AnalysedNode): AnalysedNode[] => {
        const next: AnalysedNode[] = [];
        for (const e of node.outgoing) {
            const child = graph.nodes?.get(e.target);
            const analysed = child && analysis.get(child);
            if (analysed) next.push(analysed);
        }
        return next;
    };
    const index = new Map<AnalysedNode, number>();
    const low = new Map<AnalysedNode, number>();
    const onStack = new Set<AnalysedNode>();
    const stack: AnalysedNode[] = [];
    const components: AnalysedNode[][] = [];
    let counter = 0;
    for (const start of children) {
        if (index.has(start)) continue;
        const work: { node: AnalysedNode; next: AnalysedNode[]; i: number }[] = [];
        const visit = (node: AnalysedNode): void => {
            index.set(node, counter);
            low.set(node, counter++);
            stack.push(node);
            onStack.add(node);
            work.push({ node, next: successors(node), i: 0 });
        };
        visit(start);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            if (frame.i < frame.next.length) {
                const next = frame.next[frame.i++];
                if (!index.has(next)) visit(next);
                else if (onStack.has(next)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
                continue;
            }
            work.pop();
            const parent = work[work.length - 1];
            if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
            if (low.get(frame.node) !== index.get(frame.node)) continue;
            const component: AnalysedNode[] = [];
            let member: AnalysedNode;
            do {
                member = stack.pop()!;
                onStack.delete(member);
                component.push(member);
            } while (member !== frame.node);
            if (component.length > 1 || frame.next.includes(frame.node)) components.push(component.reverse());
        }
    }
    return components;
}

/** A shortest cycle through `component`'s first node, as node names (first name repeated at the end). */
export function cycleThrough(component: readonly AnalysedNode[]): string[] {
    const byName = new Map(component.map((c) => [c.node.name, c]));
    const start = component[0].node.name;
    const previous = new Map<string, string>();
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
        const name = queue[i];
        for (const edge of byName.get(name)?.outgoing ?? []) {
            if (!byName.has(edge.target)) continue;
            if (edge.target === start) {
                const path = [name];
                while (path[0] !== start) path.unshift(previous.get(path[0])!);
                return [...path, start];
            }
            if (previous.has(edge.target)) continue;
            previous.set(edge.target, name);
            queue.push(edge.target);
        }
    }
    return [start];
}
