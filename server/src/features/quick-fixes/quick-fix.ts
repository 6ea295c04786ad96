import type { Diagnostic } from 'vscode-languageserver';
import type { NirNode, Registry } from '../../../../engine/src/index.js';
import type { ReadyDocument } from '../ready-document.js';
import type { OffsetEdit } from './yaml-edits.js';

/** What a quick fix gets: the document and the diagnostic it answers, with its `data`. */
export interface QuickFixContext {
    readonly ready: ReadyDocument;
    readonly registry: Registry;
    readonly diagnostic: Diagnostic;
    /** The diagnostic's `data`: the problem's NIR `path` and its own fields (`fix`, `value`, `shape`). */
    readonly data: Readonly<Record<string, unknown>>;
}

/** One proposed fix: a title and its edits to the document. */
export interface QuickFix {
    readonly title: string;
    readonly edits: readonly OffsetEdit[];
    /** The obvious fix, applied by "auto fix". */
    readonly preferred?: boolean;
}

/**
 * A fix provider, chosen by the diagnostic's `data.fix` or by its code. Returns nothing when the
 * document does not let it build a fix (the place is not in the text, the values are missing).
 */
export interface QuickFixProvider {
    /** The `data.fix` values it answers. */
    readonly fixes: readonly string[];
    /** Diagnostic codes it answers even without `data.fix`. */
    readonly codes: readonly string[];
    provide(ctx: QuickFixContext): QuickFix[];
}

/**
 * The node a NIR tree path is in: the path itself or its nearest ancestor that is a node. A path
 * into a graph's edges is about an edge, not about the graph, so it names no node.
 */
export function nodeForPath(ready: ReadyDocument, path: unknown): NirNode | undefined {
    if (typeof path !== 'string' || /\/edges(\/|$)/.test(path)) return undefined;
    for (let p = path; p.length > 0; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
        const node = ready.index.nodeByPath(p);
        if (node) return node;
    }
    return undefined;
}

/**
 * The node a diagnostic is about: `data.node` when the check names one, else the node its
 * `data.path` is in; the node around the diagnostic's start only when it has no path at all.
 */
export function diagnosticNode(ctx: QuickFixContext): NirNode | undefined {
    if (ctx.data.node !== undefined) return nodeForPath(ctx.ready, ctx.data.node);
    if (ctx.data.path !== undefined) return nodeForPath(ctx.ready, ctx.data.path);
    return ctx.ready.index.nodeAt(ctx.ready.text.offsetAt(ctx.diagnostic.range.start));
}

/** A node's name for titles: `'lif1'`, or `the root node`. */
export function nodeLabel(node: NirNode): string {
    return node.name ? `'${node.name}'` : 'the root node';
}
