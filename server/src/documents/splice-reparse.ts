import type { LoadResult, NirNode, Problem, Span } from '../../../engine/src/index.js';
import { mapNodeOrigins, mapProblemOrigins, shiftAfterEdit } from './map-origins.js';
import { isYamlProblem, KEY_LINE, mayHoldAliases, nodesContextAbove, parseBlocks, type LoadText, type NodesContext } from './node-blocks.js';
import { blockEnd, commonEnds, indentOf, lineStart, lineText, nextLineStart } from './text-lines.js';

/**
 * Incremental re-reading of a spec after an edit inside one node of the root graph: only that
 * node's block of lines is parsed again (see `node-blocks.ts`); the rest of the previous model is
 * kept, its later spans moved by the edit's length (nodes before the edit are the same objects).
 * This is what keeps a 5,000-node spec responsive: parsing it whole takes about a second, one
 * node a millisecond.
 *
 * It applies only where the result is provably the same as a full parse: block-style root
 * `nodes:`, an edit strictly after a node key (plain, or quoted as exporters' `"0"`) and inside that node's lines, the edited
 * lines still forming one block, no anchors or aliases (they tie nodes together), and no YAML
 * error before or after. Anything else returns undefined: parse the whole text.
 */

/** The previous text and what reading it gave. */
export interface Previous {
    readonly text: string;
    readonly result: LoadResult;
}

/** The lines of one node of the root graph, in the previous text: key line to the next line at its level. */
interface Block {
    readonly start: number;
    readonly end: number;
    readonly context: NodesContext;
}

function keyStart(node: NirNode): number {
    return node.origin.keySpan?.start ?? node.origin.span?.start ?? -1;
}

function within(span: Span | undefined, start: number, end: number): boolean {
    return span !== undefined && span.start >= start && span.start < end;
}

/** The block of the root graph's child whose lines hold the old text's changed range `[from, to)`. */
function findBlock(text: string, children: readonly NirNode[], from: number, to: number): Block | undefined {
    const first = children[0].origin.keySpan;
    if (!first) return undefined;
    const firstLine = lineStart(text, first.start);
    const context = nodesContextAbove(text, firstLine);
    if (!context || indentOf(text, firstLine) !== context.childIndent || from < firstLine) return undefined;
    const { childIndent } = context;

    let keyLine = lineStart(text, from);
    for (let indent = indentOf(text, keyLine); indent === -1 || indent > childIndent; indent = indentOf(text, keyLine)) {
        if (keyLine <= firstLine) return undefined;
        keyLine = lineStart(text, keyLine - 1);
    }
    const key = KEY_LINE.exec(lineText(text, keyLine));
    if (indentOf(text, keyLine) !== childIndent || !key || from < keyLine + key[0].length) return undefined;
    // The key line must still be inside the `nodes:` block: nothing less indented since a known
    // child whose key is on this line or above (the first child's key is on the first key line).
    const below = nextLineStart(text, keyLine);
    const anchor = [...children].reverse().find((child) => keyStart(child) >= 0 && keyStart(child) < below);
    if (!anchor) return undefined;
    const anchorLine = lineStart(text, keyStart(anchor));
    if (anchorLine < keyLine && blockEnd(text, nextLineStart(text, anchorLine), childIndent - 1, keyLine) !== keyLine) return undefined;

    const end = blockEnd(text, nextLineStart(text, keyLine), childIndent);
    if (end < 0 || to > end) return undefined;
    return { start: keyLine, end, context };
}

/** True when `[start, end)` of the new text is still one block: a key line, then deeper lines only. */
function staysOneBlock(text: string, block: Block, end: number): boolean {
    if (end < text.length && text[end - 1] !== '\n') return false;
    return blockEnd(text, nextLineStart(text, block.start), block.context.childIndent, end) === end;
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

    const parsed = await parseBlocks(text, block.start, end, block.context, load);
    if (!parsed) return undefined;
    const outside = [...children.values()].filter((child) => !within(child.origin.keySpan ?? child.origin.span, block.start, block.end));
    const fresh = [...parsed.nodes];
    if (fresh.some((node) => outside.some((other) => other.name === node.name))) return undefined;

    const shiftOld = shiftAfterEdit(block.start, block.end, delta);
    const nodes = new Map<string, NirNode>();
    const place = () => fresh.splice(0).forEach((node) => nodes.set(node.name, node));
    for (const child of outside) {
        if (keyStart(child) >= block.end) place();
        // Nodes before the edit, and all of them when its length is unchanged, keep their spans: the same objects serve.
        nodes.set(child.name, keyStart(child) < block.start || delta === 0 ? child : mapNodeOrigins(child, shiftOld));
    }
    place();
    const kept = new Set(outside);
    const replaced = [...children.values()].filter((child) => !kept.has(child)).map((child) => `${child.origin.path}/`);
    const stale = (p: Problem) => within(p.origin.span, block.start, block.end) || (!p.origin.span && replaced.some((path) => `${p.origin.path}/`.startsWith(path)));
    const problems = [...previous.result.problems.filter((p) => !stale(p)).map((p) => mapProblemOrigins(p, shiftOld)), ...parsed.problems];
    const root = delta === 0 ? { ...document.root, nodes } : mapNodeOrigins(document.root, shiftOld, nodes);
    return { document: { ...document, root }, problems };
}
