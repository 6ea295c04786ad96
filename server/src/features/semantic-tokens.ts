import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend, type SemanticTokensRangeParams } from 'vscode-languageserver';
import { DocumentState, type Feature } from '../server-context.js';
import type { Site } from './model-index.js';
import { onReadyDocument, type ReadyDocument } from './ready-document.js';

/** Token types and modifiers, in legend order. */
const TOKEN_TYPES = ['type', 'variable', 'property'] as const;
const TOKEN_MODIFIERS = ['declaration'] as const;

/** The legend the server announces. */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

/** Type index and modifier bits per site kind; parameter values get no token (YAML colours them). */
const TOKEN_OF: Readonly<Record<Site['kind'], readonly [number, number] | undefined>> = {
    'node-type': [0, 0],
    'node-name': [1, 1],
    'edge-end': [1, 0],
    'param-key': [2, 0],
    'param-value': undefined,
};

/**
 * Semantic tokens for node type values, node-name keys (declarations), edge references and
 * parameter keys, within `[start, end)` (the whole text by default). Sites never span lines.
 */
export function semanticTokens(ready: ReadyDocument, start = 0, end = Number.MAX_SAFE_INTEGER): SemanticTokens {
    const builder = new SemanticTokensBuilder();
    for (const site of ready.index.sitesIn(start, end)) {
        const token = TOKEN_OF[site.kind];
        if (!token) continue;
        const from = ready.text.positionAt(site.span.start);
        const to = ready.text.positionAt(site.span.end);
        if (to.line !== from.line || to.character <= from.character) continue;
        builder.push(from.line, from.character, to.character - from.character, token[0], token[1]);
    }
    return builder.build();
}

/** Semantic highlighting of NIR names and types. */
export const semanticTokensFeature: Feature = {
    id: 'semantic-tokens',
    capabilities: { semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true } },
    register(ctx) {
        const { semanticTokens: tokens } = ctx.connection.languages;
        tokens.on(onReadyDocument(ctx, 'semanticTokens', DocumentState.Parsed, (ready) => semanticTokens(ready)));
        tokens.onRange(onReadyDocument(ctx, 'semanticTokens/range', DocumentState.Parsed, (ready, params: SemanticTokensRangeParams) =>
            semanticTokens(ready, ready.text.offsetAt(params.range.start), ready.text.offsetAt(params.range.end))));
    },
};
