import type { LoadResult, NirNode, Problem, Span } from '../../../engine/src/index.js';
import { mapNodeOrigins, mapProblemOrigins, shiftBy } from './map-origins.js';
import { indentOf, lineStart, lineText, nextLineStart } from './text-lines.js';

/**
 * The root graph's `nodes:` section seen as text: one block of lines per child node. Each block
 * can be parsed alone, wrapped in the same `nodes:` context, and gives what a parse of the whole
 * text gives for that node, because a spec's nodes are read independently of each other. This
 * holds when the text has no YAML errors (the parser's recovery can swallow later lines) and no
 * anchors or aliases (they tie values together across nodes); callers check both.
 */

/** Anchors (`&a`) and aliases (`*a`); conservative (also found inside strings and comments). */
const ALIAS = /(?:^|[\s[{,])[&*][^\s\]},]/;

/**
 * A node key line of the root graph: a name, plain or quoted (exporters name nodes `"0"`, `"1"`, …),
 * then a colon. The name is group 1, 2 or 3.
 */
export const KEY_LINE = /^ *(?:([A-Za-z0-9_][A-Za-z0-9_.-]*)|"([A-Za-z0-9_][A-Za-z0-9_.-]*)"|'([A-Za-z0-9_][A-Za-z0-9_.-]*)'):(?=[ \t\r]|$)/;

/** The `nodes:` key line of a graph. */
const NODES_LINE = /^( *)nodes:[ \t]*(#.*)?\r?$/;

/** True when a text may hold YAML anchors or aliases. */
export function mayHoldAliases(text: string): boolean {
    return ALIAS.test(text);
}

/** The `nodes:` line of the root graph and the indentation of its children. */
export interface NodesContext {
    readonly nodesLine: string;
    readonly nodesIndent: number;
    readonly childIndent: number;
}

/** One child's lines: from its key line to the next child's key line (or the section's end). */
export interface NodeBlock {
    readonly name: string;
    readonly start: number;
    /** Just after the key's colon. */
    readonly keyEnd: number;
    readonly end: number;
}

/** The whole section: its context and blocks, and where it ends. */
export interface NodesSection extends NodesContext {
    readonly blocks: readonly NodeBlock[];
    readonly end: number;
}

/** The `nodes:` line directly above a child key line (blank and comment lines between are fine). */
export function nodesContextAbove(text: string, firstChildLine: number): NodesContext | undefined {
    let start = firstChildLine;
    do {
        if (start === 0) return undefined;
        start = lineStart(text, start - 1);
    } while (indentOf(text, start) === -1);
    const line = lineText(text, start);
    const match = NODES_LINE.exec(line);
    const childIndent = indentOf(text, firstChildLine);
    return match && match[1].length < childIndent ? { nodesLine: line, nodesIndent: match[1].length, childIndent } : undefined;
}

/** The first line at or after `from` with content, and its indentation; -2 for a tab. */
function nextContent(text: string, from: number): { line: number; indent: number } {
    let line = from;
    while (line < text.length && indentOf(text, line) === -1) line = nextLineStart(text, line);
    return { line, indent: line < text.length ? indentOf(text, line) : -1 };
}

/**
 * Finds the root graph's block-style `nodes:` section: `node:` at the top level, its `nodes:` key,
 * then children with plain names, followed by another key of the root node (so that the root
 * node's own span does not end inside a child). Undefined for any other layout.
 */
export function scanNodesSection(text: string): NodesSection | undefined {
    let nodeLine = 0;
    while (nodeLine < text.length && !(indentOf(text, nodeLine) === 0 && /^node:[ \t]*(#.*)?\r?$/.test(lineText(text, nodeLine)))) {
        nodeLine = nextLineStart(text, nodeLine);
    }
    const root = nextContent(text, nextLineStart(text, nodeLine));
    if (nodeLine >= text.length || root.indent <= 0) return undefined;
    let line = root.line;
    for (; line < text.length; line = nextLineStart(text, line)) {
        const indent = indentOf(text, line);
        if (indent === -2 || indent === 0) return undefined;
        if (indent === root.indent && NODES_LINE.test(lineText(text, line))) break;
    }
    const first = nextContent(text, nextLineStart(text, line));
    if (line >= text.length || first.indent <= root.indent) return undefined;
    const context = nodesContextAbove(text, first.line);
    if (!context) return undefined;

    const blocks: NodeBlock[] = [];
    let open: { name: string; start: number; keyEnd: number } | undefined;
    for (line = first.line; line < text.length; line = nextLineStart(text, line)) {
        const indent = indentOf(text, line);
        if (indent === -2) return undefined;
        if (indent === -1 || indent > context.childIndent) continue;
        if (open) blocks.push({ ...open, end: line });
        if (indent < context.childIndent) break;
        const key = KEY_LINE.exec(lineText(text, line));
        if (!key) return undefined;
        open = { name: key[1] ?? key[2] ?? key[3], start: line, keyEnd: line + key[0].length };
    }
    if (line >= text.length || indentOf(text, line) !== root.indent) return undefined;
    return { ...context, blocks, end: line };
}

/** What parsing some blocks gave: their nodes (origins in the whole text) and problems. */
export interface ParsedBlocks {
    readonly nodes: readonly NirNode[];
    readonly problems: readonly Problem[];
}

/** Reads a whole spec text (the engine's `load`). */
export type LoadText = (text: string) => Promise<LoadResult>;

function within(span: Span | undefined, start: number, end: number): boolean {
    return span !== undefined && span.start >= start && span.start < end;
}

/**
 * Parses the text `[start, end)` (whole blocks) wrapped in the `nodes:` context, with every origin
 * moved to the whole text. Undefined when the YAML has an error (a full parse must decide).
 */
export async function parseBlocks(text: string, start: number, end: number, context: NodesContext, load: LoadText): Promise<ParsedBlocks | undefined> {
    const wrapper = `node:\n${' '.repeat(context.nodesIndent)}type: NIRGraph\n${context.nodesLine}\n`;
    const base = wrapper.length;
    const body = text.slice(start, end);
    const result = await load(wrapper + body);
    if (!result.document?.root.nodes || result.problems.some(isYamlProblem)) return undefined;
    const shift = shiftBy(start - base);
    const inBody = (span: Span | undefined) => within(span, base, base + body.length);
    const nodes = [...result.document.root.nodes.values()].filter((node) => inBody(node.origin.keySpan)).map((node) => mapNodeOrigins(node, shift));
    const paths = nodes.map((node) => `${node.origin.path}/`);
    const problems = result.problems
        .filter((p) => inBody(p.origin.span) || (!p.origin.span && paths.some((path) => `${p.origin.path}/`.startsWith(path))))
        .map((p) => mapProblemOrigins(p, shift));
    return { nodes, problems };
}

/** YAML errors: the parser's recovery from, say, an unclosed bracket can swallow later nodes. */
export function isYamlProblem(problem: Problem): boolean {
    return problem.code.startsWith('yaml/');
}
