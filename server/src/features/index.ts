/**
 * The editing features of the language server, one per file, each a `Feature` that declares its
 * capabilities and registers its handlers.
 *
 * Architecture invariants:
 * - Feature logic is pure functions over the NIR model, its analysis and text offsets
 *   (`completionsAt`, `hoverAt`, `renameAt`, …); the `Feature` objects only wait for the state
 *   they need and convert. Spans become positions only through the snapshot's own `TextDocument`.
 * - "What is at this offset" is answered by `ModelIndex`, built once per parsed document and
 *   searched by binary search, so requests stay fast on specs of thousands of nodes.
 * - Every handler is wrapped in `guard`: a failing feature answers with an error, the server lives on.
 * - Completion reads its context from the text alone (`yaml-cursor.ts`), so it works while the
 *   text does not parse; the model only supplies names.
 * - No feature keeps per-document state; caches are keyed by the immutable document or mapping.
 */
import type { Feature } from '../server-context.js';
import { codeActionsFeature } from './code-actions.js';
import { codeLensFeature } from './code-lens.js';
import { completionFeature } from './completion.js';
import { foldingFeature } from './folding.js';
import { hoverFeature } from './hover.js';
import { navigationFeature } from './navigation.js';
import { renameFeature } from './rename.js';
import { semanticTokensFeature } from './semantic-tokens.js';
import { serverCommandsFeature } from './server-commands.js';
import { symbolsFeature } from './symbols.js';

/** Every editing feature, registered in this order. */
export const FEATURES: readonly Feature[] = [
    completionFeature,
    hoverFeature,
    navigationFeature,
    renameFeature,
    symbolsFeature,
    foldingFeature,
    codeLensFeature,
    codeActionsFeature,
    semanticTokensFeature,
    serverCommandsFeature,
];
