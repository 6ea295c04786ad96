import { flattenNestedGraph } from '../../../../engine/src/index.js';
import type { QuickFixProvider } from './quick-fix.js';

/**
 * Inlines a nested NIRGraph into its parent (`spinnaker2/from-nir`: py-spinnaker2's from_nir
 * refuses nested graphs), with the engine's `flattenNestedGraph`: the children under prefixed
 * names, the edges rewired through the graph's Input and Output nodes. Nothing when the rewrite
 * is refused (an edge cannot choose between several Inputs).
 */
export const flattenGraphFix: QuickFixProvider = {
    fixes: ['flatten-graph'],
    codes: [],
    provide(ctx) {
        const path = ctx.data.node;
        if (typeof path !== 'string') return [];
        const result = flattenNestedGraph(ctx.ready.text.getText(), ctx.ready.document, path);
        if ('reason' in result) return [];
        const name = path.slice(path.lastIndexOf('/') + 1);
        return [{ title: `Flatten the nested graph '${name}' into its parent`, edits: result.edits, preferred: true }];
    },
};
