import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchChromium, watchedPage } from '../../helpers/browser.js';
import { ARTIFACTS, openHtml, paintedRasterPixels, standaloneTracePage } from './trace-page.js';
import { periodicChunks, syntheticRun } from './synthetic-trace.js';

let browser: Browser;

beforeAll(async () => {
    execFileSync(process.execPath, ['esbuild.mjs']);
    browser = await launchChromium();
});

afterAll(async () => {
    await browser?.close();
});

describe('the trace view in Chromium', () => {
    it('shows hostile population names as text, not markup', async () => {
        const hostile = '<img src=x onerror="window.__pwned=1">';
        const run = syntheticRun([[hostile, 20], ['</script><b>bold</b>', 10]], 300, 100);
        const { page, errors } = await watchedPage(browser);
        await openHtml(page, standaloneTracePage({ run, chunks: periodicChunks(run, 100, 13) }), 'hostile-names');
        await page.waitForSelector('#trace-root[data-loaded="true"]');
        const cells = await page.locator('aside td:nth-child(2)').allTextContents();
        expect(cells).toEqual([hostile, '</script><b>bold</b>']);
        expect(await page.locator('aside img, aside b').count()).toBe(0);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(await paintedRasterPixels(page)).toBeGreaterThan(100);
        await page.screenshot({ path: join(ARTIFACTS, 'hostile-names.png') });
        expect(errors).toEqual([]);
        await page.close();
    });

    it('says so when the page holds no trace', async () => {
        const { page, errors } = await watchedPage(browser);
        await openHtml(page, standaloneTracePage(undefined), 'empty');
        await expect.poll(() => page.locator('.status.error').textContent()).toBe('This page holds no trace.');
        expect(errors).toEqual([]);
        await page.close();
    });

    it('zooms with the wheel and pans by dragging, and draws fewer spikes when zoomed in', async () => {
        const run = syntheticRun([['exc', 400], ['inh', 100]], 2000, 500);
        const { page, errors } = await watchedPage(browser);
        await openHtml(page, standaloneTracePage({ run, chunks: periodicChunks(run, 500, 37) }), 'zoom');
        await page.waitForSelector('#trace-root[data-loaded="true"]');
        const raster = page.locator('#raster');
        await expect.poll(() => raster.getAttribute('data-spikes-drawn')).not.toBeNull();
        const all = Number(await raster.getAttribute('data-spikes-drawn'));
        const box = (await raster.boundingBox())!;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.wheel(0, -600);
        await expect.poll(async () => Number(await raster.getAttribute('data-spikes-drawn'))).toBeLessThan(all);
        const zoomed = Number(await raster.getAttribute('data-spikes-drawn'));
        await page.mouse.down();
        await page.mouse.move(box.x + box.width / 4, box.y + box.height / 2, { steps: 4 });
        await page.mouse.up();
        await page.screenshot({ path: join(ARTIFACTS, 'zoomed.png') });
        await raster.dblclick();
        await expect.poll(async () => Number(await raster.getAttribute('data-spikes-drawn'))).toBe(all);
        expect(zoomed).toBeGreaterThan(0);
        expect(errors).toEqual([]);
        await page.close();
    });
});
