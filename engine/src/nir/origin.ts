import type { Span } from '../text/span.js';

/**
 * Where a model element came from. Every node, parameter, edge and metadata entry keeps one,
 * so that every problem can point at the text or the HDF5 object it is about.
 */
export interface Origin {
    /**
     * The location in the NIR tree, written as the HDF5 path NIR's writer uses:
     * `/node/nodes/fc1/weight`, `/node/edges/3`, `/node/nodes/rnn/nodes/lif/metadata/spinnaker2`.
     */
    readonly path: string;
    /** The span of the value in a YAML text; absent for elements read from `.nir` files. */
    readonly span?: Span;
    /** The span of the mapping key that introduced the value (`weight:`), when there is one. */
    readonly keySpan?: Span;
}

/** The origin of a child element: the parent path extended by one segment, no spans. */
export function childOrigin(parent: Origin, segment: string | number, span?: Span, keySpan?: Span): Origin {
    const path = parent.path === '/' ? `/${segment}` : `${parent.path}/${segment}`;
    return { path, span, keySpan };
}
