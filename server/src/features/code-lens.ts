import type { CodeLens } from 'vscode-languageserver';
import type { Registry } from '../../../engine/src/index.js';
import { COMMANDS } from '../../../protocol/index.js';
import { DocumentState, type Feature } from '../server-context.js';
import { formatCost, nodeCost, placementsByPath } from './node-cost.js';
import { onReadyDocument, toRange, type ReadyDocument } from './ready-document.js';


/**
 * One lens above each node that costs something: PEs, SRAM and router entries once the document
 * is mapped; neurons or synapses (from the inferred shapes) before.
 */
export function costLenses(ready: ReadyDocument, registry: Registry): CodeLens[] {
    const placements = ready.mapping && placementsByPath(ready.mapping);
    const lenses: CodeLens[] = [];
    for (const { node } of ready.index.nodes) {
        const at = node.origin.keySpan ?? node.origin.span;
        if (!at || node.nodes) continue;
        const kind = registry.nodeKinds.get(node.type);
        const title = formatCost(nodeCost(node, kind, ready.analysis?.get(node), placements?.get(node.origin.path)));
        if (!title) continue;
        const range = toRange(ready.text, { start: at.start, end: at.start });
        lenses.push({ range, command: { title, command: COMMANDS.showPlacement, arguments: [ready.snapshot.uri] } });
    }
    return lenses;
}

/** Code lenses with each node's resource cost. */
export const codeLensFeature: Feature = {
    id: 'code-lens',
    capabilities: { codeLensProvider: { resolveProvider: false } },
    register(ctx) {
        // Checked is enough; a mapped snapshot of the same version answers too, with placements.
        ctx.connection.onCodeLens(onReadyDocument(ctx, 'codeLens', DocumentState.Checked, (ready) => costLenses(ready, ctx.engine.registry)));
    },
};
