import type { DefinitionParams, Location, ReferenceParams } from 'vscode-languageserver';
import type { NirNode, Span } from '../../../engine/src/index.js';
import { DocumentState, type Feature } from '../server-context.js';
import { onReadyDocument, toRange, type ReadyDocument } from './ready-document.js';

/** A node name under the cursor: a node's key or an edge end, resolved in its own graph level. */
export interface NameAt {
    readonly graph: NirNode;
    readonly name: string;
    /** The span of the name under the cursor. */
    readonly span: Span;
    /** The node it names; undefined for an edge end that names no node (a dangling edge). */
    readonly node?: NirNode;
}

/** The node name at an offset, if the cursor is on one. */
export function nameAt(ready: ReadyDocument, offset: number): NameAt | undefined {
    const site = ready.index.siteAt(offset);
    if (site?.kind === 'node-name') return { graph: site.graph, name: site.node.name, span: site.span, node: site.node };
    if (site?.kind === 'edge-end') return { graph: site.graph, name: site.name, span: site.span, node: site.graph.nodes?.get(site.name) };
    return undefined;
}

/** Every span that names `name` in `graph`: the node's key (when asked and present), then its edge ends. */
export function nameSpans(ready: ReadyDocument, at: NameAt, includeDeclaration: boolean): Span[] {
    const spans = ready.index.referencesTo(at.graph, at.name).map((site) => site.span).filter((s) => s.start >= 0);
    const key = at.node?.origin.keySpan;
    return includeDeclaration && key ? [key, ...spans] : spans;
}

/** Go to definition: from an edge end (or the key itself) to the node's key in the same graph. */
export function definitionAt(ready: ReadyDocument, offset: number): Location[] {
    const key = nameAt(ready, offset)?.node?.origin.keySpan;
    return key ? [{ uri: ready.snapshot.uri, range: toRange(ready.text, key) }] : [];
}

/** Find references: every edge end naming the node, and its key when `includeDeclaration`. */
export function referencesAt(ready: ReadyDocument, offset: number, includeDeclaration: boolean): Location[] {
    const at = nameAt(ready, offset);
    if (!at) return [];
    return nameSpans(ready, at, includeDeclaration).map((span) => ({ uri: ready.snapshot.uri, range: toRange(ready.text, span) }));
}

/** Go to definition and find references for node names, per graph level. */
export const navigationFeature: Feature = {
    id: 'navigation',
    capabilities: { definitionProvider: true, referencesProvider: true },
    register(ctx) {
        ctx.connection.onDefinition(onReadyDocument(ctx, 'definition', DocumentState.Parsed, (ready, params: DefinitionParams) =>
            definitionAt(ready, ready.text.offsetAt(params.position))));
        ctx.connection.onReferences(onReadyDocument(ctx, 'references', DocumentState.Parsed, (ready, params: ReferenceParams) =>
            referencesAt(ready, ready.text.offsetAt(params.position), params.context.includeDeclaration)));
    },
};
