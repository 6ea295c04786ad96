import { TRACE_DATA_ELEMENT_ID, type EmbeddedTrace } from './trace-view.js';

/** Where the page's script and styles come from: URIs a webview may load, or their text inlined. */
export type TracePageAssets =
    | { readonly kind: 'uris'; readonly script: string; readonly styles: string; readonly cspSource: string }
    | { readonly kind: 'inline'; readonly script: string; readonly styles: string };

/** Text made safe inside an HTML element or a double-quoted attribute. */
function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON made safe inside a `<script>` element: no `</script>`, no `<!--`. */
function scriptSafeJson(value: unknown): string {
    return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The HTML of the trace view: a strict Content-Security-Policy (nothing remote, scripts and styles
 * only by nonce or from the webview's own source), the root element, and, for the self-contained
 * page, the embedded trace. `nonce` must be fresh and random for each page.
 */
export function tracePageHtml(options: { readonly title: string; readonly nonce: string; readonly assets: TracePageAssets; readonly embedded?: EmbeddedTrace }): string {
    const { title, nonce, assets, embedded } = options;
    const sources = assets.kind === 'uris' ? `${assets.cspSource} ` : '';
    const csp = [
        "default-src 'none'",
        `img-src ${sources}data:`,
        `style-src ${sources}'nonce-${nonce}'`,
        `script-src 'nonce-${nonce}'`,
    ].join('; ');
    const styles = assets.kind === 'uris'
        ? `<link rel="stylesheet" nonce="${nonce}" href="${escapeHtml(assets.styles)}">`
        : `<style nonce="${nonce}">${assets.styles.replace(/<\/style/gi, '<\\/style')}</style>`;
    const script = assets.kind === 'uris'
        ? `<script nonce="${nonce}" src="${escapeHtml(assets.script)}"></script>`
        : `<script nonce="${nonce}">${assets.script.replace(/<\/script/gi, '<\\/script')}</script>`;
    const data = embedded ? `<script type="application/json" id="${TRACE_DATA_ELEMENT_ID}">${scriptSafeJson(embedded)}</script>` : '';
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${styles}
</head>
<body>
<div id="trace-root"></div>
${data}
${script}
</body>
</html>
`;
}
