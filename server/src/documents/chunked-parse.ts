import type { LoadResult, NirNode, Problem } from '../../../engine/src/index.js';
import { isYamlProblem, mayHoldAliases, parseBlocks, scanNodesSection, type LoadText } from './node-blocks.js';

/** Texts with fewer nodes than this are parsed whole: it is as fast and one parse is simpler. */
const MIN_NODES = 50;

/** About how much text each parser call gets (several nodes at once, to spread its fixed cost). */
const CHUNK_CHARS = 32 * 1024;

/** The text with its characters replaced by spaces, its line breaks kept (so offsets stay the same). */
function blank(text: string): string {
    return text.replace(/[^\n]/g, ' ');
}

/**
 * Parses a large spec node by node instead of in one piece: a skeleton (the text with every child
 * node's body blanked out, offsets unchanged) gives the root graph's own keys, edges and metadata;
 * the children are parsed a chunk of blocks at a time (see `node-blocks.ts`). The result equals a
 * full parse; the parser's peak memory is that of one chunk instead of the whole text, and
 * `interrupt` runs between chunks, so a long parse yields to the event loop and stops when the
 * edit it was for is superseded. Undefined when the text does not qualify (then parse it whole).
 */
export async function chunkedParse(text: string, load: LoadText, interrupt: () => Promise<void>, minNodes = MIN_NODES): Promise<LoadResult | undefined> {
    if (mayHoldAliases(text)) return undefined;
    const section = scanNodesSection(text);
    if (!section || section.blocks.length < minNodes) return undefined;
    let skeleton = '';
    let at = 0;
    for (const block of section.blocks) {
        skeleton += text.slice(at, block.keyEnd) + blank(text.slice(block.keyEnd, block.end));
        at = block.end;
    }
    const frame = await load(skeleton + text.slice(at));
    const root = frame.document?.root;
    if (!frame.document || !root || frame.problems.some(isYamlProblem)) return undefined;

    const nodes = new Map<string, NirNode>();
    const problems: Problem[] = [];
    for (let first = 0; first < section.blocks.length; ) {
        await interrupt();
        let last = first;
        while (last + 1 < section.blocks.length && section.blocks[last + 1].end - section.blocks[first].start <= CHUNK_CHARS) last++;
        const parsed = await parseBlocks(text, section.blocks[first].start, section.blocks[last].end, section, load);
        if (!parsed) return undefined;
        for (const node of parsed.nodes) nodes.set(node.name, node);
        problems.push(...parsed.problems);
        first = last + 1;
    }
    const children = section.blocks.map((block) => `${root.origin.path}/nodes/${block.name}/`);
    const own = frame.problems.filter((p) => !children.some((path) => `${p.origin.path}/`.startsWith(path)));
    return { document: { ...frame.document, root: { ...root, nodes } }, problems: [...own, ...problems] };
}
