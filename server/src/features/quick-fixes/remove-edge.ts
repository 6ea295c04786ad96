import type { QuickFixProvider } from './quick-fix.js';
import { removeSequenceItem } from './yaml-edits.js';

/** Removes a duplicate edge (the diagnostic's `data.path` is the duplicate, `/node/edges/3`). */
export const removeEdgeFix: QuickFixProvider = {
    fixes: ['remove-edge'],
    codes: ['nir/duplicate-edge'],
    provide(ctx) {
        const path = ctx.data.path;
        const found = typeof path === 'string' ? ctx.ready.index.edgeByPath(path) : undefined;
        const span = found?.edge.origin.span;
        if (!found || !span) return [];
        const { source, target } = found.edge;
        return [{ title: `Remove the duplicate edge ${source} → ${target}`, edits: [removeSequenceItem(ctx.ready.text.getText(), span)], preferred: true }];
    },
};
