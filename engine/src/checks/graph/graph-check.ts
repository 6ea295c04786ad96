import type { Check, CheckContext } from '../../plugins/check.js';
import type { Severity } from '../../diagnostics/problem.js';
import type { AnalysedNode, GraphAnalysis } from '../../graph/analysis.js';
import type { NirNode } from '../../nir/graph.js';

export { didYouMean } from '../../util/closest-name.js';

/** What a graph check declares; it runs on every edit (`fast`) and needs no target. */
export interface GraphCheckDef {
    readonly id: string;
    readonly severity: Severity;
    readonly title: string;
    run(ctx: CheckContext): void;
}

/** A fast check on the NIR graph alone. */
export function graphCheck(def: GraphCheckDef): Check {
    return { category: 'fast', needs: 'graph', ...def };
}

/** Every graph (a node with children, or a `NIRGraph` written without any), as analysed. */
export function graphsOf(analysis: GraphAnalysis): AnalysedNode[] {
    return analysis.nodes.filter((n) => n.node.nodes !== undefined || n.node.type === 'NIRGraph');
}

/** The analysed children of a graph, in the order written. */
export function childrenOf(analysis: GraphAnalysis, graph: NirNode): AnalysedNode[] {
    return [...(graph.nodes?.values() ?? [])].flatMap((child) => analysis.get(child) ?? []);
}

/** How a graph is named in messages: `the root graph` or `graph 'rnn'` (capitalised to start a sentence). */
export function graphLabel(graph: NirNode, capital = false): string {
    const label = graph.name === '' ? 'the root graph' : `graph '${graph.name}'`;
    return capital ? label.charAt(0).toUpperCase() + label.slice(1) : label;
}

/** A list of names for a message, the first `max` of them. */
export function listNames(names: readonly string[], max = 8): string {
    const shown = names.slice(0, max).map((n) => `'${n}'`).join(', ');
    return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
