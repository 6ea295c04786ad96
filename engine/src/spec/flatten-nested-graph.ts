import type { NirDocument, NirEdge, NirNode } from '../nir/graph.js';
import type { Span } from '../text/span.js';
import { linePrefix, removeListEntry, skipWhile, type TextEdit } from './text-edits.js';

/** The edits that flatten a nested graph, or why the text does not allow it. */
export type FlattenResult = { readonly edits: readonly TextEdit[]; readonly names: ReadonlyMap<string, string> } | { readonly reason: string };

/**
 * Inlines the nested `NIRGraph` at NIR path `graphPath` into its parent graph, as text edits on
 * the spec it was read from (py-spinnaker2's from_nir refuses nested graphs):
 *
 * - every child but the graph's Input and Output nodes moves into the parent as `<graph>_<child>`
 *   (with `_2`, `_3`… on a clash), its text (and comments inside it) kept, re-indented;
 * - an edge `[p, graph]` becomes `[p, <graph>_b]` for each inner edge `[input, b]`; an edge
 *   `[graph, q]` becomes `[<graph>_a, q]` for each inner edge `[a, output]`; an inner
 *   `[input, output]` joins every `p` to every `q`; inner edges between other children follow the
 *   parent's last edge, in the style (`[a, b]` or `a -> b`) of its first edge; a rewired edge keeps its own style.
 *
 * The network is the same: NIRmesh feeds an edge into a nested graph to its Input nodes and takes
 * an edge out of it from its Output nodes. Refused (with a reason) when the text has no span for a
 * part it must edit (a `.nir` file), when an edge enters a graph with several Inputs (it cannot
 * say which), or when an edge goes from the graph to itself.
 */
export function flattenNestedGraph(text: string, document: NirDocument, graphPath: string): FlattenResult {
    const found = findWithParent(document.root, graphPath);
    if (!found) return { reason: `no nested graph at ${graphPath}` };
    const { graph, parent } = found;
    const parentNames = new Set(parent.nodes?.keys());
    const inner = graph.nodes ?? new Map<string, NirNode>();
    const isInput = (name: string) => inner.get(name)?.type === 'Input';
    const isOutput = (name: string) => inner.get(name)?.type === 'Output';
    const parentEdges = parent.edges ?? [];
    const entering = parentEdges.filter((e) => e.target === graph.name);
    const leaving = parentEdges.filter((e) => e.source === graph.name);
    if (parentEdges.some((e) => e.source === graph.name && e.target === graph.name)) return { reason: `an edge goes from '${graph.name}' to itself` };
    const inputs = [...inner.values()].filter((n) => n.type === 'Input');
    if (inputs.length > 1 && entering.length > 0) return { reason: `an edge into '${graph.name}' cannot say which of its ${inputs.length} Input nodes it feeds` };

    const names = new Map<string, string>();
    for (const [name, node] of inner) {
        if (node.type === 'Input' || node.type === 'Output') continue;
        let flat = `${graph.name}_${name}`;
        for (let k = 2; parentNames.has(flat); k++) flat = `${graph.name}_${name}_${k}`;
        parentNames.add(flat);
        names.set(name, flat);
    }
    const flatName = (name: string) => names.get(name) ?? `${graph.name}_${name}`;

    const entryTargets: string[] = [];
    const exitSources: string[] = [];
    const internal: [string, string][] = [];
    let passThrough = false;
    for (const e of graph.edges ?? []) {
        if (isOutput(e.source) || isInput(e.target)) return { reason: `the inner edge ${e.source} → ${e.target} leaves an Output or enters an Input` };
        if (isInput(e.source) && isOutput(e.target)) passThrough = true;
        else if (isInput(e.source)) entryTargets.push(flatName(e.target));
        else if (isOutput(e.target)) exitSources.push(flatName(e.source));
        else internal.push([flatName(e.source), flatName(e.target)]);
    }

    const kept = new Set(parentEdges.filter((e) => !entering.includes(e) && !leaving.includes(e)).map((e) => `${e.source}\0${e.target}`));
    const fresh = (pairs: [string, string][]) => pairs.filter(([s, t]) => !kept.has(`${s}\0${t}`) && (kept.add(`${s}\0${t}`), true));
    const replacements = new Map<NirEdge, [string, string][]>();
    for (const e of entering) {
        const through = passThrough ? leaving.map((q): [string, string] => [e.source, q.target]) : [];
        replacements.set(e, fresh([...entryTargets.map((b): [string, string] => [e.source, b]), ...through]));
    }
    for (const e of leaving) replacements.set(e, fresh(exitSources.map((a): [string, string] => [a, e.target])));
    const added = fresh(internal);

    const nodeEdit = inlineNodes(text, graph, names);
    if (typeof nodeEdit === 'string') return { reason: nodeEdit };
    const edgeEdits = rewriteEdges(text, parentEdges, replacements, added);
    if (typeof edgeEdits === 'string') return { reason: edgeEdits };
    return { edits: [nodeEdit, ...edgeEdits], names };
}

function findWithParent(node: NirNode, path: string): { graph: NirNode; parent: NirNode } | undefined {
    for (const child of node.nodes?.values() ?? []) {
        if (child.origin.path === path) return child.type === 'NIRGraph' ? { graph: child, parent: node } : undefined;
        const deeper = findWithParent(child, path);
        if (deeper) return deeper;
    }
    return undefined;
}

/** A span with the whitespace at its end left out (block values end after their last newline). */
function trimmed(text: string, span: Span): Span {
    return { start: span.start, end: Math.max(span.start, skipWhile(text, span.end, -1, /\s/)) };
}

/** The column of an offset. */
function columnOf(text: string, offset: number): number {
    return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The edit that replaces the graph's entry by its children's entries (Input and Output nodes left out). */
function inlineNodes(text: string, graph: NirNode, names: ReadonlyMap<string, string>): TextEdit | string {
    const key = graph.origin.keySpan;
    const value = graph.origin.span;
    if (!key || !value) return `'${graph.name}' has no place in the text (a .nir file: convert it to YAML first)`;
    const whole = { start: key.start, end: trimmed(text, value).end };
    const { block } = linePrefix(text, key.start);
    const column = columnOf(text, key.start);
    const entries: string[] = [];
    for (const [name, flat] of names) {
        const child = graph.nodes?.get(name);
        const childKey = child?.origin.keySpan;
        const childValue = child?.origin.span;
        if (!childKey || !childValue) return `'${name}' has no place in the text`;
        const shift = columnOf(text, childKey.start) - column;
        const rest = text.slice(childKey.end, trimmed(text, childValue).end);
        const indent = new RegExp(`\\n[ \\t]{0,${Math.max(0, shift)}}`, 'g');
        entries.push(keyText(text.slice(childKey.start, childKey.end), flat) + (shift > 0 ? rest.replace(indent, '\n') : rest));
    }
    if (entries.length === 0) return removeListEntry(text, whole);
    return { ...whole, newText: entries.join(block ? `\n${' '.repeat(column)}` : ', ') };
}

/** A mapping key for `name`, quoted as the original key was when it was quoted. */
function keyText(original: string, name: string): string {
    return /^["']/.test(original) || !/^[A-Za-z_][\w.-]*$/.test(name) ? JSON.stringify(name) : name;
}

/** An edge item in the style of `template` (its source and target names replaced). */
function edgeText(text: string, template: NirEdge, source: string, target: string): string | undefined {
    const item = template.origin.span;
    const s = template.sourceOrigin.span;
    const t = template.targetOrigin.span;
    if (!item || !s || !t || s === item || s.start >= t.start) return undefined;
    return text.slice(item.start, s.start) + source + text.slice(s.end, t.start) + target + text.slice(t.end, item.end);
}

/** The edits of the parent's edge list: the replaced edges, and the inner edges after the last one. */
function rewriteEdges(
    text: string, edges: readonly NirEdge[], replacements: ReadonlyMap<NirEdge, [string, string][]>, added: [string, string][],
): TextEdit[] | string {
    if (replacements.size === 0 && added.length === 0) return [];
    const spans = edges.map((e) => e.origin.span);
    const missing = 'the parent graph\'s edges have no place in the text';
    if (edges.length === 0) return 'the parent graph has no edge in the text to add to';
    if (spans.some((span) => !span)) return missing;
    const items = spans as Span[];
    const written = (like: NirEdge, pairs: readonly [string, string][]) => pairs.map(([s, t]) => edgeText(text, like, s, t) ?? '');
    const lists = edges.map((e, i): string[] | undefined => {
        const own = replacements.get(e);
        if (i < edges.length - 1) return own && written(e, own);
        return [...(own ? written(e, own) : [text.slice(items[i].start, items[i].end)]), ...written(edges[0], added)];
    });
    if (lists.some((list) => list?.includes(''))) return missing;
    const { prefix, block } = linePrefix(text, items[0].start);
    if (!block) {
        const all = lists.flatMap((list, i) => list ?? [text.slice(items[i].start, items[i].end)]);
        return [{ start: items[0].start, end: items[items.length - 1].end, newText: all.join(', ') }];
    }
    return lists.flatMap((list, i): TextEdit[] => {
        if (!list) return [];
        return [list.length === 0 ? removeListEntry(text, items[i]) : { ...items[i], newText: list.join(`\n${prefix}`) }];
    });
}
