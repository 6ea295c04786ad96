import type { GraphWire } from '../../protocol/index.js';

/**
 * The node the editor's cursor is in: the node whose name is written last before the cursor (the
 * wire lists nodes in written order, nested ones after their graph); null before the first node.
 */
export function nodeAt(graph: GraphWire | null, position: { line: number; character: number }): string | null {
    let found: string | null = null;
    for (const node of graph?.nodes ?? []) {
        const start = node.range?.start;
        if (start && (start.line < position.line || (start.line === position.line && start.character <= position.character))) found = node.path;
    }
    return found;
}
