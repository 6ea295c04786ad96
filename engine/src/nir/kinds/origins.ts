import type { NirNode } from '../graph.js';
import type { Origin } from '../origin.js';

/**
 * Tight origins for problems: a node's name rather than its whole body, a parameter's value.
 */

/** The origin narrowed to its key (`lif1:`) when it has one; otherwise unchanged. */
export function keyOrigin(origin: Origin): Origin {
    return origin.keySpan ? { path: origin.path, span: origin.keySpan, keySpan: origin.keySpan } : origin;
}

/**
 * Where a problem about a whole node points: its name, or for the root (which has no name) its
 * `type` value.
 */
export function nodeNameOrigin(node: NirNode): Origin {
    return node.origin.keySpan || !node.typeOrigin.span ? keyOrigin(node.origin) : node.typeOrigin;
}

/** The origin of a parameter's value, or the node's name when the parameter is absent. */
export function paramOrigin(node: NirNode, name: string): Origin {
    return node.params.get(name)?.origin ?? nodeNameOrigin(node);
}
