import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../cli/src/run-cli.js';
import { TRACE_DATA_ELEMENT_ID, type EmbeddedTrace } from '../../../protocol/index.js';
import { launchChromium, watchedPage } from '../../helpers/browser.js';
import { ARTIFACTS, openHtml, paintedRasterPixels, standaloneTracePage } from './trace-page.js';

const root = join(import.meta.dirname, '..', '..', '..');
let browser: Browser;
let page: string;

/** `nirmesh run --html` of the braille RSNN example, driven by Poisson input, with lif2 probed. */
beforeAll(async () => {
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root });
    mkdirSync(ARTIFACTS, { recursive: true });
    page = join(ARTIFACTS, 'braille-run.html');
    await cli('run', 'examples/braille-rsnn.nir.yaml', '--poisson', 'input=100', '--steps', '300', '--probe', 'lif2', '--html', page);
    browser = await launchChromium();
});

afterAll(async () => {
    await browser?.close();
});

/** The trace embedded in the page the CLI wrote. */
function embedded(): EmbeddedTrace {
    const html = readFileSync(page, 'utf8');
    const match = new RegExp(`<script type="application/json" id="${TRACE_DATA_ELEMENT_ID}">(.*?)</script>`, 's').exec(html);
    return JSON.parse(match![1]!) as EmbeddedTrace;
}

/** Runs `args` through the CLI in-process; fails the test on a non-zero exit. */
async function cli(...args: string[]): Promise<void> {
    const output = { stdout: '', stderr: '' };
    const code = await runCli(args, { stdout: (t) => void (output.stdout += t), stderr: (t) => void (output.stderr += t) }, root);
    expect(code, output.stderr).toBe(0);
}

describe('the trace view of a real run', () => {
    it('draws every panel of the page nirmesh run --html writes, with no console errors', async () => {
        const trace = embedded();
        const spikes = trace.run.nodes.reduce((n, node) => n + node.spikes, 0);
        expect(spikes).toBeGreaterThan(500);
        const { page: tab, errors } = await watchedPage(browser, { width: 1400, height: 1100 });
        await tab.goto(`file://${page}`);
        await tab.waitForSelector('#trace-root[data-loaded="true"]');
        expect(await tab.locator('canvas').evaluateAll((all) => all.map((c) => c.id))).toEqual(['raster', 'rates', 'probes', 'traffic']);
        expect(await tab.locator('aside section').first().locator('td:nth-child(2)').allTextContents()).toEqual(['input', 'lif1.lif', 'lif2']);
        expect(Number(await tab.locator('#raster').getAttribute('data-spikes-drawn'))).toBe(spikes);
        expect(await paintedRasterPixels(tab)).toBeGreaterThan(spikes);
        expect(await tab.locator('.figure .label').allTextContents()).toEqual(['spikes', 'synaptic events', 'packets', 'dropped', 'energy']);
        expect(await tab.locator('aside h2').allTextContents()).toContain('Energy estimate');
        await tab.screenshot({ path: join(ARTIFACTS, 'braille-run.png') });
        expect(errors).toEqual([]);
        await tab.close();
    });

    it('in a webview: says ready, draws what is posted, and posts a PNG when asked', async () => {
        const trace = embedded();
        const { page: tab, errors } = await watchedPage(browser);
        await tab.addInitScript(() => {
            const posted: unknown[] = [];
            (window as unknown as { posted: unknown[] }).posted = posted;
            (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({ postMessage: (m: unknown) => posted.push(m), getState: () => undefined, setState: () => undefined });
        });
        await openHtml(tab, standaloneTracePage(undefined), 'webview');
        const posted = () => tab.evaluate(() => (window as unknown as { posted: { kind: string; dataUrl?: string }[] }).posted.map((m) => m.kind));
        await expect.poll(posted).toEqual(['ready']);
        await tab.evaluate((t) => {
            window.postMessage({ kind: 'run', run: t.run, canSaveNirData: true }, '*');
            for (const chunk of t.chunks) window.postMessage({ kind: 'chunk', chunk }, '*');
        }, trace);
        await tab.waitForSelector('#trace-root[data-loaded="true"]');
        expect(await paintedRasterPixels(tab)).toBeGreaterThan(500);
        await tab.getByRole('button', { name: 'Save PNG' }).click();
        await expect.poll(posted).toEqual(['ready', 'savePng']);
        const png = await tab.evaluate(() => (window as unknown as { posted: { dataUrl?: string }[] }).posted[1]!.dataUrl!);
        expect(png.startsWith('data:image/png;base64,')).toBe(true);
        expect(png.length).toBeGreaterThan(10_000);
        expect(await tab.getByRole('button', { name: 'Save NIRData' }).count()).toBe(1);
        expect(errors).toEqual([]);
        await tab.close();
    });

    it('takes the README\'s picture: the sparse example on the board, 10,000 neurons (NIRMESH_UPDATE_SCREENSHOTS=1 writes docs/images/)', async () => {
        const html = join(ARTIFACTS, 'sparse-run.html');
        await cli('run', 'examples/sparse-procedural.nir.yaml', '--poisson', 'input=100', '--steps', '400', '--probe', 'exc:0,1,2', '--html', html);
        const { page: tab, errors } = await watchedPage(browser, { width: 1400, height: 1000 });
        await tab.goto(`file://${html}`);
        await tab.waitForSelector('#trace-root[data-loaded="true"]');
        expect(await paintedRasterPixels(tab)).toBeGreaterThan(10_000);
        const shot = join(ARTIFACTS, 'trace-view.png');
        await tab.screenshot({ path: shot });
        if (process.env.NIRMESH_UPDATE_SCREENSHOTS) copyFileSync(shot, join(root, 'docs', 'images', 'trace-view.png'));
        expect(errors).toEqual([]);
        await tab.close();
    });
});
