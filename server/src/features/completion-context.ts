import type { NirDocument, NirNode } from '../../../engine/src/index.js';
import type { YamlCursor } from './yaml-cursor.js';

/** What kind of thing the cursor is about to receive, in NIR terms. */
export type CompletionContext =
    /** A top-level key (`version`, `node`). */
    | { readonly kind: 'top-key' }
    /** A key of a node's mapping: parameters of its type, `type`, `metadata`, `nodes`, `edges`. */
    | { readonly kind: 'node-key'; readonly names: readonly string[] }
    /** The value of a node's `type`. */
    | { readonly kind: 'type-value' }
    /** A name in an edge of the graph at `names`: its source or its target. */
    | { readonly kind: 'edge-end'; readonly names: readonly string[]; readonly end: 'source' | 'target' }
    /** A key inside a parameter's value map (`weight: {…}`); `path` is below the parameter. */
    | { readonly kind: 'value-key'; readonly param: string; readonly path: readonly string[] }
    /** The value of `dtype` in a value map. */
    | { readonly kind: 'dtype-value' }
    /** A key in a node's metadata; `path` is below `metadata`. */
    | { readonly kind: 'metadata-key'; readonly path: readonly string[] }
    /** A hardware target id (a `target:` value in metadata). */
    | { readonly kind: 'target-value' };

/**
 * Reads the cursor's key path as NIR: `node → nodes → <name> → …` down to a node, then what
 * follows (its `type`, `edges`, `metadata` or a parameter). Undefined where nothing is offered.
 */
export function completionContext(cursor: YamlCursor): CompletionContext | undefined {
    const { path, role } = cursor;
    if (path.length === 0) return role === 'key' ? { kind: 'top-key' } : undefined;
    if (path[0] !== 'node') return undefined;
    const names: string[] = [];
    let i = 1;
    while (path[i] === 'nodes' && i + 1 < path.length) {
        names.push(path[i + 1]);
        i += 2;
    }
    const rest = path.slice(i + 1);
    switch (i < path.length ? path[i] : undefined) {
        case undefined:
            return role === 'key' ? { kind: 'node-key', names } : undefined;
        case 'nodes':
            return undefined; // a new node's name: the user's choice
        case 'type':
            return role === 'value' && rest.length === 0 ? { kind: 'type-value' } : undefined;
        case 'edges':
            return role === 'item' && rest.length === 0 ? { kind: 'edge-end', names, end: edgeEnd(cursor) } : undefined;
        case 'metadata':
            if (role === 'key') return { kind: 'metadata-key', path: rest };
            return rest[rest.length - 1] === 'target' ? { kind: 'target-value' } : undefined;
        default:
            if (role === 'key') return { kind: 'value-key', param: path[i], path: rest };
            return role === 'value' && rest[rest.length - 1] === 'dtype' ? { kind: 'dtype-value' } : undefined;
    }
}

/** Which end of an edge the cursor is at: after `->`, or the second item of `[a, b]`, is the target. */
function edgeEnd(cursor: YamlCursor): 'source' | 'target' {
    return cursor.itemIndex >= 1 || cursor.token.includes('->') ? 'target' : 'source';
}

/** The node at a chain of names from the root (`['rnn', 'lif']`), if the document has it. */
export function nodeAtNames(document: NirDocument | undefined, names: readonly string[]): NirNode | undefined {
    let node = document?.root;
    for (const name of names) node = node?.nodes?.get(name);
    return node;
}
