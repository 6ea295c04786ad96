/**
 * Real headless Chromium for webview tests (Debian's `chromium`, driven by playwright-core), a
 * small HTTP server for pages that load their scripts by URL as a webview does, and the folder
 * where screenshots are kept (`test-results/`, ignored by git).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Where screenshots go; kept after the run for people to look at. */
export const ARTIFACTS = join(ROOT, 'test-results', 'webviews');

/** Debian's Chromium; CI installs it (`.ci/run`), and the browser tests skip with a message without it. */
export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn('webview tests skipped: chromium is not installed (apt-get install chromium)');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
    mkdirSync(ARTIFACTS, { recursive: true });
    return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A page whose console errors, page errors and CSP violations are collected in `errors`. */
export async function watchedPage(browser: Browser, viewport = { width: 1400, height: 820 }): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => { if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`); });
    return { page, errors };
}

/** Serves files from `files` (path → text) and from dist/, on 127.0.0.1. */
export async function serve(files: Map<string, string>): Promise<{ server: Server; origin: string }> {
    const server = createServer((request, response) => {
        const path = normalize(decodeURIComponent((request.url ?? '/').split('?')[0]));
        const page = files.get(path);
        const send = (status: number, type: string, body: string | Buffer) => { response.writeHead(status, { 'content-type': type }); response.end(body); };
        if (page !== undefined) return send(200, 'text/html; charset=utf-8', page);
        if (path === '/favicon.ico') return send(204, 'image/x-icon', ''); // the browser asks for it on its own
        if (!path.startsWith('/dist/')) return send(404, 'text/plain', 'not found');
        readFile(join(ROOT, path)).then((body) => send(200, 'text/javascript', body), () => send(404, 'text/plain', 'not found'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return { server, origin: `http://127.0.0.1:${port}` };
}
