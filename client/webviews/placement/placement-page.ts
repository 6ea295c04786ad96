import { ELK_WORKER_ELEMENT_ID, PLACEMENT_DATA_ELEMENT_ID, type PlacementViewData } from '../../../protocol/index.js';
import { pageHtml, type PageScript } from '../page/page-html.js';
import { PLACEMENT_STYLE } from './styles.js';

/** What a placement page is made of. */
export interface PlacementPageOptions {
    readonly title: string;
    readonly nonce: string;
    /** The webview's resource origin; null for the standalone page. */
    readonly cspSource: string | null;
    /** The view's script (`dist/webview-placement.js`) and ELK's worker (`dist/webview-elk-worker.js`). */
    readonly script: PageScript;
    readonly elkWorker: PageScript;
    /** The data, embedded in a standalone page; null in a webview, which receives it by message. */
    readonly data: PlacementViewData | null;
}

/**
 * The placement view's page: for VS Code's webview (scripts by URL, data by message) and for the
 * self-contained report of `nirmesh map --html` (scripts and data inline). Runs in Node; no DOM.
 */
export function placementPageHtml(options: PlacementPageOptions): string {
    return pageHtml({
        title: options.title,
        nonce: options.nonce,
        cspSource: options.cspSource,
        style: PLACEMENT_STYLE,
        script: options.script,
        workers: { [ELK_WORKER_ELEMENT_ID]: options.elkWorker },
        data: options.data ? { [PLACEMENT_DATA_ELEMENT_ID]: options.data } : {},
    });
}
