import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver';
import type { NirEdge, NirNode, NodeKind, Registry, Span } from '../../../engine/src/index.js';
import { DocumentState, type Feature } from '../server-context.js';
import { contentEnd, onReadyDocument, toRange, type ReadyDocument } from './ready-document.js';

const KIND_BY_CATEGORY: Readonly<Record<NodeKind['category'], SymbolKind>> = {
    graph: SymbolKind.Namespace,
    io: SymbolKind.Interface,
    linear: SymbolKind.Function,
    conv: SymbolKind.Function,
    pool: SymbolKind.Function,
    neuron: SymbolKind.Class,
    other: SymbolKind.Object,
};

/** The outline: the root graph, its nodes (type as detail) nested as the graphs nest, and its edges. */
export function documentSymbols(ready: ReadyDocument, registry: Registry): DocumentSymbol[] {
    const root = nodeSymbol(ready, registry, ready.document.root);
    return root ? [root] : [];
}

function nodeSymbol(ready: ReadyDocument, registry: Registry, node: NirNode): DocumentSymbol | undefined {
    const span = node.origin.span;
    if (!span) return undefined;
    const children: DocumentSymbol[] = [];
    for (const child of node.nodes?.values() ?? []) {
        const symbol = nodeSymbol(ready, registry, child);
        if (symbol) children.push(symbol);
    }
    const edges = edgesSymbol(ready, node.edges ?? []);
    if (edges) children.push(edges);
    const category = node.nodes ? 'graph' : registry.nodeKinds.get(node.type)?.category;
    return {
        name: node.name || 'node',
        detail: node.type,
        kind: category ? KIND_BY_CATEGORY[category] : SymbolKind.Object,
        ...ranges(ready, span, node.origin.keySpan),
        children,
    };
}

function edgesSymbol(ready: ReadyDocument, edges: readonly NirEdge[]): DocumentSymbol | undefined {
    const spans = edges.map((e) => e.origin.span).filter((s): s is Span => s !== undefined);
    if (spans.length === 0) return undefined;
    const range = toRange(ready.text, { start: spans[0].start, end: spans[spans.length - 1].end });
    return {
        name: 'edges',
        detail: `${edges.length}`,
        kind: SymbolKind.Array,
        range,
        selectionRange: { start: range.start, end: range.start },
        children: edges.filter((e) => e.origin.span).map((edge) => ({
            name: `${edge.source} → ${edge.target}`,
            kind: SymbolKind.Event,
            ...ranges(ready, edge.origin.span as Span),
        })),
    };
}

/** A symbol's range (key and value) and selection range (the key, else the value's start). */
function ranges(ready: ReadyDocument, span: Span, keySpan?: Span): { range: Range; selectionRange: Range } {
    const start = Math.min(span.start, keySpan?.start ?? span.start);
    return {
        range: toRange(ready.text, { start, end: Math.max(contentEnd(ready.text, span), keySpan?.end ?? span.end) }),
        selectionRange: toRange(ready.text, keySpan ?? span),
    };
}

/** Document symbols: graph → nodes, nested. */
export const symbolsFeature: Feature = {
    id: 'symbols',
    capabilities: { documentSymbolProvider: true },
    register(ctx) {
        ctx.connection.onDocumentSymbol(onReadyDocument(ctx, 'documentSymbol', DocumentState.Parsed, (ready) => documentSymbols(ready, ctx.engine.registry)));
    },
};
