import { diagnosticNode, nodeLabel, type QuickFixProvider } from './quick-fix.js';
import { appendEntry, flowList, nodeEntries } from './yaml-edits.js';

/**
 * Sets a node's `shape` to the shape the diagnostic reports (`data.shape`, e.g. the shape an
 * Output receives): replaces the written `shape` parameter, or adds one when the node's kind takes it.
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
        // Only kinds with a `shape` parameter keep it in the model; for others (the YAML-only
        // element shape) a `shape:` may be written that the model does not show, so add none.
        const takesShape = ctx.registry.nodeKinds.get(node.type)?.params.some((p) => p.name === 'shape');
        const edit = written ? { ...written, newText: text } : takesShape ? appendEntry(ctx.ready.text.getText(), nodeEntries(node), 'shape', text) : undefined;
        return edit ? [{ title: `Set the shape of ${nodeLabel(node)} to ${text}`, edits: [edit], preferred: true }] : [];
    },
};
