import type { GraphWire } from './graph.js';
import type { PlacementWire } from './placement.js';

/**
 * What the placement view draws, in VS Code's webview and in the page of `nirmesh map --html`
 * alike: a NIR graph beside the placement of its nodes on the target's chips.
 */
export interface PlacementViewData {
    /** What the view is about, for its heading (a file name). */
    readonly title: string;
    /** The target id the network was mapped onto. */
    readonly target: string;
    readonly graph: GraphWire | null;
    /** Null when errors blocked the mapping. */
    readonly placement: PlacementWire | null;
    /** How many problems the document has, by severity. */
    readonly problems: { readonly errors: number; readonly warnings: number };
}

/** The element id of the `<script type="application/json">` that carries the data in a standalone page. */
export const PLACEMENT_DATA_ELEMENT_ID = 'nirmesh-placement-data';

/** The element id of the ELK worker's source in the page (inline text, or a URL in `data-src`). */
export const ELK_WORKER_ELEMENT_ID = 'nirmesh-elk-worker';

/** The files of `dist/` the placement page loads: its script and the ELK worker. */
export const PLACEMENT_ASSETS = { script: 'webview-placement.js', elkWorker: 'webview-elk-worker.js' } as const;
