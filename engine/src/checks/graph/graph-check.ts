import type { Check, CheckContext } from '../../plugins/check.js';
import type { Severity } from '../../diagnostics/problem.js';
import type { AnalysedNode, GraphAnalysis } from '../../graph/analysis.js';
import type { NirNode } from '../../nir/graph.js';

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

/** Names longer than this get no suggestion (edit distance is quadratic). */
const MAX_SUGGEST_LENGTH = 64;

/** A candidate that `name` abbreviates, else the one closest by edit distance if close enough to be a likely typo. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
    if (name.length > MAX_SUGGEST_LENGTH) return undefined;
    const list = [...candidates];
    const lower = name.toLowerCase();
    const extended = lower.length >= 3 ? list.find((c) => c.toLowerCase().startsWith(lower) && c.length > name.length) : undefined;
    if (extended) return extended;
    let best: string | undefined;
    let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
    for (const candidate of list) {
        if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
        const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

/** Levenshtein distance, O(|a|·|b|) with two rows; names are short. */
function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}

/** ` Did you mean 'x'?` when a close candidate exists, else an empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
    const suggestion = closestName(name, candidates);
    return suggestion ? ` Did you mean '${suggestion}'?` : '';
}
