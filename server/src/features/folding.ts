import type { FoldingRange } from 'vscode-languageserver';
import type { NirNode, NirValue, Origin, Span } from '../../../engine/src/index.js';
import { DocumentState, type Feature } from '../server-context.js';
import { contentEnd, onReadyDocument, type ReadyDocument } from './ready-document.js';

/**
 * Folding ranges from the model: every node, every `nodes:` and `edges:` block, every
 * multi-line parameter value and metadata mapping. Each range runs from its key's line to the
 * last line of its value; single-line elements fold nowhere.
 */
export function foldingRanges(ready: ReadyDocument): FoldingRange[] {
    const ranges: FoldingRange[] = [];
    const text = ready.text;
    const add = (start: number, end: Span): void => {
        const startLine = text.positionAt(start).line;
        const endLine = text.positionAt(contentEnd(text, end)).line;
        if (endLine > startLine) ranges.push({ startLine, endLine });
    };
    const addOrigin = (origin: Origin): void => {
        if (origin.span) add(origin.keySpan?.start ?? origin.span.start, origin.span);
    };
    const addBlock = (key: string, spans: readonly (Span | undefined)[]): void => {
        const present = spans.filter((s): s is Span => s !== undefined);
        if (present.length === 0) return;
        const keyLine = blockKeyLine(text.getText(), present[0].start, key);
        if (keyLine !== undefined) add(keyLine, present[present.length - 1]);
    };
    const visit = (node: NirNode): void => {
        if (node !== ready.document.root) addOrigin(node.origin);
        for (const value of node.params.values()) addValue(value, addOrigin);
        addValue(node.metadata, addOrigin);
        const children = [...(node.nodes?.values() ?? [])];
        addBlock('nodes', children.map((c) => c.origin.keySpan ?? c.origin.span));
        addBlock('edges', (node.edges ?? []).map((e) => e.origin.span));
        children.forEach(visit);
    };
    visit(ready.document.root);
    return ranges;
}

function addValue(value: NirValue, addOrigin: (origin: Origin) => void): void {
    addOrigin(value.origin);
    if (value.kind === 'dict') for (const entry of value.entries.values()) addValue(entry, addOrigin);
}

/**
 * The offset of the `key:` line that opens a block whose first entry starts at `first`: the
 * nearest non-blank line above it, when it is exactly `key:`. Undefined for flow style.
 */
function blockKeyLine(text: string, first: number, key: string): number | undefined {
    let end = text.lastIndexOf('\n', first - 1);
    while (end > 0) {
        const start = text.lastIndexOf('\n', end - 1) + 1;
        const line = text.slice(start, end).trim();
        if (line !== '' && !line.startsWith('#')) {
            return new RegExp(`^${key}\\s*:\\s*(#.*)?$`).test(line) ? start : undefined;
        }
        end = start - 1;
    }
    return undefined;
}

/** Folding ranges for nodes, node and edge blocks, and multi-line values. */
export const foldingFeature: Feature = {
    id: 'folding',
    capabilities: { foldingRangeProvider: true },
    register(ctx) {
        ctx.connection.onFoldingRanges(onReadyDocument(ctx, 'foldingRange', DocumentState.Parsed, foldingRanges));
    },
};
