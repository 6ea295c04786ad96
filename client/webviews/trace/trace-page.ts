import { TRACE_DATA_ELEMENT_ID, type EmbeddedTrace } from '../../../protocol/index.js';
import { pageHtml, type PageScript } from '../page/page-html.js';
import { TRACE_STYLE } from './styles.js';

/** What a trace page is made of. */
export interface TracePageOptions {
    readonly title: string;
    readonly nonce: string;
    /** The webview's resource origin; null for the standalone page. */
    readonly cspSource: string | null;
    /** The view's script (`dist/webview-trace.js`). */
    readonly script: PageScript;
    /** The whole trace, embedded in a standalone page; null in a webview, which receives it by message. */
    readonly trace: EmbeddedTrace | null;
}

/**
 * The trace view's page: for VS Code's webview (script by URL, data by message) and for the
 * self-contained page of `nirmesh run --html` (script and trace inline). Runs in Node; no DOM.
 */
export function tracePageHtml(options: TracePageOptions): string {
    return pageHtml({
        title: options.title,
        nonce: options.nonce,
        cspSource: options.cspSource,
        style: TRACE_STYLE,
        script: options.script,
        workers: {},
        data: options.trace ? { [TRACE_DATA_ELEMENT_ID]: options.trace } : {},
    });
}
