/**
 * The HTML page of a webview, for VS Code's webview panels and for the self-contained reports of
 * the command line alike: a strict Content-Security-Policy (scripts and styles only with the page's
 * nonce, nothing remote, workers only from `blob:`), the style sheet, the data (standalone pages)
 * and the scripts. Pure string building; every text put into the page is escaped here.
 */

/** A script the page loads: from a URL of the webview's own origin, or inline (standalone pages). */
export type PageScript = { readonly src: string } | { readonly inline: string };

/** What a page is made of. */
export interface PageParts {
    readonly title: string;
    /** A fresh random nonce for this page (base64 or hex, no quotes). */
    readonly nonce: string;
    /** The webview's resource origin (`webview.cspSource`); null for a standalone page. */
    readonly cspSource: string | null;
    readonly style: string;
    readonly script: PageScript;
    /**
     * Scripts the page's script reads as text to start workers from (a `blob:` URL, the one kind a
     * webview may start), by element id: inline, or a URL in the element's `data-src` to fetch.
     */
    readonly workers: Readonly<Record<string, PageScript>>;
    /** Data embedded as JSON, by element id (standalone pages); the webview receives it by message instead. */
    readonly data: Readonly<Record<string, unknown>>;
}

/** `&`, `<`, `>`, `"` and `'` as entities: safe in text and in quoted attributes. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that cannot end the `<script>` element it sits in. */
export function scriptJson(value: unknown): string {
    return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Script text that cannot end its element early. */
function scriptText(code: string): string {
    return code.replace(/<\/(script)/gi, '<\\/$1');
}

/** The page's Content-Security-Policy. */
export function contentSecurityPolicy(nonce: string, cspSource: string | null): string {
    return [
        `default-src 'none'`,
        `script-src 'nonce-${nonce}'`,
        `style-src 'nonce-${nonce}'`,
        `img-src data:${cspSource ? ` ${cspSource}` : ''}`,
        `worker-src blob:`,
        `connect-src ${cspSource ?? `'none'`}`,
        `base-uri 'none'`,
        `form-action 'none'`,
    ].join('; ');
}

/** The whole page. */
export function pageHtml(parts: PageParts): string {
    const nonce = escapeHtml(parts.nonce);
    const script = (s: PageScript, attrs: string) => ('src' in s
        ? `<script ${attrs} src="${escapeHtml(s.src)}"></script>`
        : `<script ${attrs}>${scriptText(s.inline)}</script>`);
    const workers = Object.entries(parts.workers).map(([id, s]) => ('src' in s
        ? `<script type="text/plain" id="${escapeHtml(id)}" data-src="${escapeHtml(s.src)}"></script>`
        : `<script type="text/plain" id="${escapeHtml(id)}">${scriptText(s.inline)}</script>`));
    const data = Object.entries(parts.data).map(([id, value]) => `<script type="application/json" id="${escapeHtml(id)}">${scriptJson(value)}</script>`);
    return [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(parts.nonce, parts.cspSource))}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${escapeHtml(parts.title)}</title>`,
        `<style nonce="${nonce}">${parts.style.replace(/<\//g, '<\\/')}</style>`,
        ...workers,
        ...data,
        '</head>',
        '<body>',
        script(parts.script, `nonce="${nonce}"`),
        '</body>',
        '</html>',
        '',
    ].join('\n');
}
