import type { LoadResult, NirNode, Problem } from '../../../engine/src/index.js';
import { mapNodeOrigins, mapProblemOrigins, shiftAfterEdit } from './map-origins.js';
import { isYamlProblem, mayHoldAliases, parseBlocks, scanNodesSection, type LoadText } from './node-blocks.js';
import { appendAll } from '../../../engine/src/index.js';

/** Texts with fewer nodes than this are parsed whole: it is as fast and one parse is simpler. */
const MIN_NODES = 50;

/**
 * About how much text each parser call gets: a few dozen nodes, which spreads the parser's fixed
 * cost per call; it grows faster than linearly with the text, so larger chunks are slower.
 */
const CHUNK_CHARS = 4 * 1024;

/**
 * Parses a large spec node by node instead of in one piece: a skeleton (the text without the
 * root graph's `nodes:` entries, its later spans then moved back into place) gives the root's own
 * keys, edges and metadata; the children are parsed a chunk of blocks at a time (see
 * `node-blocks.ts`). The result equals a full parse, in less time (the parser's cost grows faster
 * than the text) and with the parser's peak memory that of one chunk; `interrupt` runs between
 * chunks, so a long parse yields to the event loop and stops when its edit is superseded.
 * Undefined when the text does not qualify (then parse it whole).
 */
export async function chunkedParse(text: string, load: LoadText, interrupt: () => Promise<void>, minNodes = MIN_NODES): Promise<LoadResult | undefined> {
    if (mayHoldAliases(text)) return undefined;
    const section = scanNodesSection(text);
    if (!section || section.blocks.length < minNodes) return undefined;
    const sectionStart = section.blocks[0].start;
    const frame = await load(text.slice(0, sectionStart) + text.slice(section.end));
    if (!frame.document || frame.problems.some(isYamlProblem)) return undefined;
    const back = shiftAfterEdit(sectionStart, sectionStart, section.end - sectionStart);

    const nodes = new Map<string, NirNode>();
    const problems: Problem[] = [];
    for (let first = 0; first < section.blocks.length; ) {
        await interrupt();
        let last = first;
        while (last + 1 < section.blocks.length && section.blocks[last + 1].end - section.blocks[first].start <= CHUNK_CHARS) last++;
        const parsed = await parseBlocks(text, section.blocks[first].start, section.blocks[last].end, section, load);
        if (!parsed) return undefined;
        for (const node of parsed.nodes) nodes.set(node.name, node);
        appendAll(problems, parsed.problems);
        first = last + 1;
    }
    const root = mapNodeOrigins(frame.document.root, back, nodes);
    return { document: { ...frame.document, root }, problems: [...frame.problems.map((p) => mapProblemOrigins(p, back)), ...problems] };
}
