import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS as BROWSER_ARTIFACTS } from '../../helpers/browser.js';
import type { EmbeddedTrace } from '../../../protocol/index.js';
import { tracePageHtml } from '../../../client/webviews/trace/trace-page.js';

/** Where the trace view's tests keep their screenshots and pages (gitignored), to look at after a run. */
export const ARTIFACTS = join(BROWSER_ARTIFACTS, 'trace');

/** The self-contained trace page of `trace`, built from the bundles in dist/ (run `node esbuild.mjs` first). */
export function standaloneTracePage(trace: EmbeddedTrace | undefined): string {
    return tracePageHtml({ title: 'trace', nonce: randomBytes(16).toString('base64'), cspSource: null, script: { inline: readFileSync('dist/webview-trace.js', 'utf8') }, trace: trace ?? null });
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
