/**
 * Quick fixes for diagnostics, one provider per file, chosen by the diagnostic's `data.fix` or
 * its code.
 *
 * Architecture invariants:
 * - Providers are pure: (document, diagnostic) → titles and offset edits. Offsets become LSP
 *   ranges only in `code-actions.ts`, through the snapshot's text.
 * - A provider never guesses a place: when the element is not in the text it offers nothing.
 * - Inserted text is one-line flow YAML, valid in block and flow mappings alike.
 */
import { createNodeFix } from './create-node.js';
import { neuronsPerCoreFix } from './neurons-per-core.js';
import { linearToAffineFix } from './linear-to-affine.js';
import { flattenGraphFix } from './flatten-graph.js';
import type { QuickFixProvider } from './quick-fix.js';
import { removeEdgeFix } from './remove-edge.js';
import { setShapeFix } from './set-shape.js';

export type { QuickFix, QuickFixContext, QuickFixProvider } from './quick-fix.js';
export type { OffsetEdit } from './yaml-edits.js';

/** Every quick fix, in one closed list. */
export const QUICK_FIXES: readonly QuickFixProvider[] = [createNodeFix, neuronsPerCoreFix, setShapeFix, removeEdgeFix, linearToAffineFix, flattenGraphFix];

/** The providers that answer a diagnostic: those named by `data.fix`, else those for its code. */
export function providersFor(fix: unknown, code: unknown): QuickFixProvider[] {
    if (typeof fix === 'string') return QUICK_FIXES.filter((p) => p.fixes.includes(fix));
    return typeof code === 'string' ? QUICK_FIXES.filter((p) => p.codes.includes(code)) : [];
}
