import type { NirDict } from '../../../../engine/src/index.js';
import { diagnosticNode, nodeLabel, type QuickFixProvider } from './quick-fix.js';
import { appendEntry, nodeEntries, type OffsetEdit } from './yaml-edits.js';

/**
 * Sets `metadata.spinnaker2.neurons_per_core` of the diagnostic's node to `data.value`: replaces
 * the value when it is written, else adds the key to the innermost mapping that exists
 * (`spinnaker2`, `metadata`, or the node itself).
 */
export const neuronsPerCoreFix: QuickFixProvider = {
    fixes: ['set-neurons-per-core'],
    codes: [],
    provide(ctx) {
        const value = ctx.data.value;
        const node = diagnosticNode(ctx);
        if (!node || typeof value !== 'number' || !Number.isInteger(value) || value <= 0) return [];
        const edit = setNeuronsPerCore(ctx.ready.text.getText(), node.metadata, nodeEntries(node), value);
        return edit ? [{ title: `Set neurons_per_core of ${nodeLabel(node)} to ${value}`, edits: [edit], preferred: true }] : [];
    },
};

function setNeuronsPerCore(text: string, metadata: NirDict, nodeEntryOrigins: Parameters<typeof appendEntry>[1], value: number): OffsetEdit | undefined {
    const hints = metadata.entries.get('spinnaker2');
    if (hints?.kind === 'dict') {
        const current = hints.entries.get('neurons_per_core');
        if (current?.origin.span) return { ...current.origin.span, newText: String(value) };
        const origins = [...hints.entries.values()].map((v) => v.origin);
        return appendEntry(text, origins, 'neurons_per_core', String(value)) ?? replaceEmpty(text, hints, `{neurons_per_core: ${value}}`);
    }
    if (hints) return undefined; // `spinnaker2` is not a mapping: leave it to the user
    const origins = [...metadata.entries.values()].map((v) => v.origin);
    return appendEntry(text, origins, 'spinnaker2', `{neurons_per_core: ${value}}`)
        ?? replaceEmpty(text, metadata, `{spinnaker2: {neurons_per_core: ${value}}}`)
        ?? appendEntry(text, nodeEntryOrigins, 'metadata', `{spinnaker2: {neurons_per_core: ${value}}}`);
}

/** Replaces an empty mapping written as `{}` in the text with a filled one. */
function replaceEmpty(text: string, dict: NirDict, filled: string): OffsetEdit | undefined {
    const span = dict.origin.span;
    const empty = span && dict.entries.size === 0 && text.slice(span.start, span.end).replace(/\s/g, '') === '{}';
    return empty ? { start: span.start, end: span.end, newText: filled } : undefined;
}
