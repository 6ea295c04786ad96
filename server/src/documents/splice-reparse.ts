import type { LoadResult, NirNode, Problem, Span } from '../../../engine/src/index.js';
import { mapNodeOrigins, mapProblemOrigins, shiftAfterEdit, shiftBy } from './map-origins.js';
import { blockEnd, commonEnds, indentOf, lineStart, lineText, nextLineStart } from './text-lines.js';

/**
 * Incremental re-reading of a spec after an edit inside one node of the root graph: only that
 * node's block of lines is parsed again (wrapped in the same `nodes:` context and followed by
 * the next line, so that the YAML parser sees what it sees in the whole text); the rest of the
 * previous model is kept, its spans moved by the edit's length. This is what keeps a 5,000-node
 * spec responsive: parsing it whole takes about a second, one node a millisecond.
 *
 * It applies only where the result is provably the same as a full parse: block-style root
 * `nodes:`, an edit strictly after a plain node key and inside that node's lines, the edited
 * lines still forming one block, no anchors or aliases (they tie nodes together), and no YAML
 * error before or after. Anything else returns undefined: parse the whole text.
 */

/** Anchors (`&a`) and aliases (`*a`); conservative (also found inside strings and comments). */
const ALIAS = /(?:^|[\s[{,])[&*][^\s\]},]/;

/** A node key line of the root graph: a plain name, then a colon. */
const KEY_LINE = /^ *([A-Za-z0-9_][A-Za-z0-9_.-]*):(?=[ \t\r]|$)/;

/** The previous text and what reading it gave. */
export interface Previous {
    readonly text: string;
    readonly result: LoadResult;
}

/** Reads a whole spec text (the engine's `load`). */
export type LoadText = (text: string) => Promise<LoadResult>;

/** True when a text may hold YAML anchors or aliases, which rule out re-reading one node alone. */
export function mayHoldAliases(text: string): boolean {
    return ALIAS.test(text);
}

/** The lines of one node of the root graph, in the previous text. */
interface Block {
    /** Start of the key line, and start of the first line after the block (the "next line"). */
    readonly start: number;
    readonly end: number;
    readonly childIndent: number;
    /** The `nodes:` line of the root graph, as written, and its indentation. */
    readonly nodesLine: string;
    readonly nodesIndent: number;
}

/**
 * YAML errors rule the fast path out, before and after: the parser's recovery from, say, an
 * unclosed bracket can swallow the following nodes, so only a full parse shows their effect.
 */
function isYamlProblem(problem: Problem): boolean {
    return problem.code.startsWith('yaml/');
}

function keyStart(node: NirNode): number {
    return node.origin.keySpan?.start ?? node.origin.span?.start ?? -1;
}

function within(span: Span | undefined, start: number, end: number): boolean {
    return span !== undefined && span.start >= start && span.start < end;
}

/** The `nodes:` line above the first child: the nearest line with content before it. */
function nodesLineAbove(text: string, firstLine: number): { line: string; indent: number } | undefined {
    let start = firstLine;
    do {
        if (start === 0) return undefined;
        start = lineStart(text, start - 1);
    } while (indentOf(text, start) === -1);
    const line = lineText(text, start);
    const match = /^( *)nodes:[ \t]*(#.*)?\r?$/.exec(line);
    return match ? { line, indent: match[1].length } : undefined;
}

/** The block of the root graph's child whose lines hold the old text's changed range `[from, to)`. */
function findBlock(text: string, children: readonly NirNode[], from: number, to: number): Block | undefined {
    const first = children[0].origin.keySpan;
    if (!first) return undefined;
    const firstLine = lineStart(text, first.start);
    const childIndent = first.start - firstLine;
    const nodes = nodesLineAbove(text, firstLine);
    if (indentOf(text, firstLine) !== childIndent || !nodes || nodes.indent >= childIndent || from < firstLine) return undefined;

    let keyLine = lineStart(text, from);
    for (let indent = indentOf(text, keyLine); indent === -1 || indent > childIndent; indent = indentOf(text, keyLine)) {
        if (keyLine <= firstLine) return undefined;
        keyLine = lineStart(text, keyLine - 1);
    }
    const key = KEY_LINE.exec(lineText(text, keyLine));
    if (indentOf(text, keyLine) !== childIndent || !key || from < keyLine + key[0].length) return undefined;
    // The key line must still be inside the `nodes:` block: nothing less indented since a known child.
    const anchor = [...children].reverse().find((child) => keyStart(child) >= 0 && keyStart(child) <= keyLine);
    if (!anchor) return undefined;
    const anchorLine = lineStart(text, keyStart(anchor));
    if (anchorLine < keyLine && blockEnd(text, nextLineStart(text, anchorLine), childIndent - 1, keyLine) !== keyLine) return undefined;

    const end = blockEnd(text, nextLineStart(text, keyLine), childIndent);
    if (end < 0 || to > end) return undefined;
    return { start: keyLine, end, childIndent, nodesLine: nodes.line, nodesIndent: nodes.indent };
}

/** True when `[start, end)` of the new text is still one block: a key line, then deeper lines only. */
function staysOneBlock(text: string, block: Block, end: number): boolean {
    if (end < text.length && text[end - 1] !== '\n') return false;
    return blockEnd(text, nextLineStart(text, block.start), block.childIndent, end) === end;
}

/** Re-reads only the edited node block; undefined when the whole text must be parsed instead. */
export async function spliceReparse(previous: Previous, text: string, load: LoadText): Promise<LoadResult | undefined> {
    const document = previous.result.document;
    const children = document?.root.nodes;
    if (!document || !children || children.size === 0 || document.root.origin.path !== '/node') return undefined;
    const old = previous.text;
    const { prefix, suffix } = commonEnds(old, text);
    const block = findBlock(old, [...children.values()], prefix, old.length - suffix);
    if (!block) return undefined;
    const delta = text.length - old.length;
    const end = block.end + delta;
    const body = text.slice(block.start, end);
    if (mayHoldAliases(body) || !staysOneBlock(text, block, end)) return undefined;
    if (previous.result.problems.some(isYamlProblem)) return undefined;

    const wrapper = `node:\n${' '.repeat(block.nodesIndent)}type: NIRGraph\n${block.nodesLine}\n`;
    const base = wrapper.length;
    const fragment = await load(wrapper + body + text.slice(end, nextLineStart(text, end)));
    const inBody = (span: Span | undefined) => within(span, base, base + body.length);
    if (!fragment.document?.root.nodes || fragment.problems.some(isYamlProblem)) return undefined;

    const outside = [...children.values()].filter((child) => !within(child.origin.keySpan ?? child.origin.span, block.start, block.end));
    const shiftNew = shiftBy(block.start - base);
    const fresh = [...fragment.document.root.nodes.values()].filter((node) => inBody(node.origin.keySpan)).map((node) => mapNodeOrigins(node, shiftNew));
    if (fresh.some((node) => outside.some((other) => other.name === node.name))) return undefined;
    const freshPaths = fresh.map((node) => `${node.origin.path}/`);

    const shiftOld = shiftAfterEdit(block.start, block.end, delta);
    const nodes = new Map<string, NirNode>();
    const place = () => fresh.splice(0).forEach((node) => nodes.set(node.name, node));
    for (const child of outside) {
        if (keyStart(child) >= block.end) place();
        nodes.set(child.name, keyStart(child) < block.start ? child : mapNodeOrigins(child, shiftOld));
    }
    place();
    const replaced = [...children.values()].filter((child) => !outside.includes(child)).map((child) => `${child.origin.path}/`);
    const under = (p: Problem, paths: readonly string[]) => !p.origin.span && paths.some((path) => `${p.origin.path}/`.startsWith(path));
    const stale = (p: Problem) => within(p.origin.span, block.start, block.end) || under(p, replaced);
    const problems = [
        ...previous.result.problems.filter((p) => !stale(p)).map((p) => mapProblemOrigins(p, shiftOld)),
        ...fragment.problems.filter((p) => inBody(p.origin.span) || under(p, freshPaths)).map((p) => mapProblemOrigins(p, shiftNew)),
    ];
    return { document: { ...document, root: mapNodeOrigins(document.root, shiftOld, nodes) }, problems };
}
