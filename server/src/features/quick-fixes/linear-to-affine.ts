import { diagnosticNode, nodeLabel, type QuickFixProvider } from './quick-fix.js';
import { appendEntry, nodeEntries } from './yaml-edits.js';

/**
 * Makes a Linear an Affine with a zero bias (`spinnaker2/from-nir`: py-spinnaker2's from_nir
 * follows Flatten only into an Affine). The two compute the same; `bias: 0` broadcasts.
 */
export const linearToAffineFix: QuickFixProvider = {
    fixes: ['linear-to-affine'],
    codes: [],
    provide(ctx) {
        const node = diagnosticNode(ctx);
        const typeSpan = node?.typeOrigin.span;
        if (!node || node.type !== 'Linear' || !typeSpan || node.params.has('bias')) return [];
        const text = ctx.ready.text.getText();
        if (text.slice(typeSpan.start, typeSpan.end) !== 'Linear') return [];
        const bias = appendEntry(text, nodeEntries(node), 'bias', '0');
        if (!bias) return [];
        return [{ title: `Make ${nodeLabel(node)} an Affine with bias 0`, edits: [{ ...typeSpan, newText: 'Affine' }, bias], preferred: true }];
    },
};
