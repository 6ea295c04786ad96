import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { EmbeddedTrace } from '../../../protocol/index.js';
import { tracePageHtml } from '../../../client/webviews/trace/trace-page.js';

/** Where browser tests keep their screenshots and pages (gitignored), to look at after a run. */
export const ARTIFACTS = resolve('test-artifacts/webviews/trace');

/** Launches Debian's Chromium headless, as every browser test here does. */
export function launchChromium(): Promise<Browser> {
    return chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
}

/** The self-contained trace page of `trace`, built from the bundles in dist/ (run `node esbuild.mjs` first). */
export function standaloneTracePage(trace: EmbeddedTrace | undefined): string {
    return tracePageHtml({ title: 'trace', nonce: randomBytes(16).toString('base64'), cspSource: null, script: { inline: readFileSync('dist/webview-trace.js', 'utf8') }, trace: trace ?? null });
}

/** A page that fails its test on any console error, page error or blocked request. */
export async function strictPage(browser: Browser, size = { width: 1280, height: 860 }): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: size });
    const errors: string[] = [];
    page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    return { page, errors };
}

/** Writes `html` into the artifacts folder and opens it from there. */
export async function openHtml(page: Page, html: string, name: string): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `${name}.html`);
    writeFileSync(file, html);
    await page.goto(`file://${file}`);
}

/** Counts the raster's painted pixels (any non-transparent pixel of its plot). */
export function paintedRasterPixels(page: Page): Promise<number> {
    return page.locator('#raster').evaluate((canvas: HTMLCanvasElement) => {
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
        return painted;
    });
}
