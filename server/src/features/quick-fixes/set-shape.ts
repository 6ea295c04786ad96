import { diagnosticNode, nodeLabel, type QuickFixProvider } from './quick-fix.js';
import { appendEntry, flowList, nodeEntries } from './yaml-edits.js';

/**
 * Sets a node's `shape` to the shape the diagnostic reports (`data.shape`, e.g. the shape an
 * Output receives): replaces the written `shape` value, or adds a `shape` entry.
 */
export const setShapeFix: QuickFixProvider = {
    fixes: ['set-shape'],
    codes: [],
    provide(ctx) {
        const shape = ctx.data.shape;
        const node = diagnosticNode(ctx);
        if (!node || !Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) return [];
        const text = flowList(shape as number[]);
        const written = node.params.get('shape')?.origin.span;
        const edit = written ? { ...written, newText: text } : appendEntry(ctx.ready.text.getText(), nodeEntries(node), 'shape', text);
        return edit ? [{ title: `Set the shape of ${nodeLabel(node)} to ${text}`, edits: [edit], preferred: true }] : [];
    },
};
