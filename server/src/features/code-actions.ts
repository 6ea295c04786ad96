import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { Registry } from '../../../engine/src/index.js';
import { DIAGNOSTIC_SOURCE } from '../convert/index.js';
import { guard } from '../guard.js';
import { DocumentState, type Feature } from '../server-context.js';
import { providersFor } from './quick-fixes/index.js';
import { readyDocument, toRange, type ReadyDocument } from './ready-document.js';

/** The quick fixes for the given diagnostics of a document. */
export function quickFixes(ready: ReadyDocument, registry: Registry, diagnostics: readonly Diagnostic[]): CodeAction[] {
    const actions: CodeAction[] = [];
    for (const diagnostic of diagnostics) {
        if (diagnostic.source !== undefined && diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
        const data = isRecord(diagnostic.data) ? diagnostic.data : {};
        for (const provider of providersFor(data.fix, diagnostic.code)) {
            for (const fix of provider.provide({ ready, registry, diagnostic, data })) {
                actions.push({
                    title: fix.title,
                    kind: CodeActionKind.QuickFix,
                    diagnostics: [diagnostic],
                    isPreferred: fix.preferred,
                    edit: {
                        changes: {
                            [ready.snapshot.uri]: fix.edits.map((e) => ({ range: toRange(ready.text, e), newText: e.newText })),
                        },
                    },
                });
            }
        }
    }
    return actions;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Quick fixes: create a missing node, set neurons per core, fix a shape, remove a duplicate edge, the py-spinnaker2 rewrites. */
export const codeActionsFeature: Feature = {
    id: 'code-actions',
    capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } },
    register(ctx) {
        ctx.connection.onCodeAction(guard(ctx.connection.console, 'codeAction', async (params, token) => {
            const only = params.context.only;
            if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
            if (params.context.diagnostics.length === 0) return [];
            const ready = await readyDocument(ctx, params.textDocument.uri, DocumentState.Checked, token);
            return ready ? quickFixes(ready, ctx.engine.registry, params.context.diagnostics) : null;
        }));
    },
};
