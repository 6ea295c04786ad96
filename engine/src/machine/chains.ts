import type { AnalysedNode, GraphAnalysis } from '../graph/analysis.js';
import type { ChainOp } from './machine-graph.js';
import { roleOf } from './node-roles.js';

/** What a walk from one population found: the populations it reaches and through what, and whether it reaches a graph output. */
export interface ChainWalk {
    readonly chains: { readonly target: AnalysedNode; readonly ops: readonly ChainOp[] }[];
    readonly reachesOutput: boolean;
}

/** Longest chain of non-neuron nodes followed; NIR graphs in the corpus use at most a handful. */
const MAX_CHAIN = 64;

/**
 * Follows the edges out of a population node through weight, pooling, index and delay nodes, into
 * nested graphs (through their Input nodes) and out of them (from their Output nodes to the edges
 * of the graph node), up to the next neuron nodes. A chain that loops back on itself without a
 * neuron is cut (graph checks report such cycles).
 */
export function walkFrom(analysis: GraphAnalysis, start: AnalysedNode): ChainWalk {
    const walk: { chains: ChainWalk['chains']; reachesOutput: boolean } = { chains: [], reachesOutput: false };
    const root = analysis.document.root;
    const onPath = new Set<AnalysedNode>();

    const targetsOf = (from: AnalysedNode): AnalysedNode[] => {
        const graph = from.parent;
        if (!graph?.nodes) return [];
        const out: AnalysedNode[] = [];
        for (const edge of from.outgoing) {
            const child = graph.nodes.get(edge.target);
            const found = child && analysis.get(child);
            if (found) out.push(found);
        }
        return out;
    };

    const follow = (from: AnalysedNode, ops: readonly ChainOp[]): void => {
        for (const target of targetsOf(from)) step(target, ops);
    };

    const step = (node: AnalysedNode, ops: readonly ChainOp[]): void => {
        const role = roleOf(node.node.type);
        if (role === 'neuron') {
            walk.chains.push({ target: node, ops });
            return;
        }
        if (onPath.has(node) || ops.length > MAX_CHAIN) return;
        onPath.add(node);
        switch (role) {
            case 'graph':
                for (const child of node.node.nodes?.values() ?? []) {
                    const inner = analysis.get(child);
                    if (inner && child.type === 'Input') step(inner, ops);
                }
                break;
            case 'source':
                follow(node, ops);
                break;
            case 'sink': {
                const graphNode = node.parent && node.parent !== root ? analysis.get(node.parent) : undefined;
                if (graphNode) follow(graphNode, ops);
                else walk.reachesOutput = true;
                break;
            }
            case 'weight': case 'pool': case 'index': case 'delay':
                follow(node, [...ops, { node, role }]);
                break;
            default:
                break;
        }
        onPath.delete(node);
    };

    onPath.add(start);
    follow(start, []);
    return walk;
}
