import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageExtension, ROOT, startCodeServer, type CodeServer } from './code-server.js';

/** Screenshots of each step, kept after the run (gitignored). */
const SHOTS = join(ROOT, 'test-results', 'e2e');

let server: CodeServer;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const vsix = packageExtension(mkdtempSync(join(tmpdir(), 'nirmesh-vsix-')));
    const example = (name: string) => readFileSync(join(ROOT, 'examples', name), 'utf8');
    server = await startCodeServer(vsix, {
        'mistakes.nir.yaml': example('mistakes.nir.yaml'),
        'braille-rsnn.nir.yaml': example('braille-rsnn.nir.yaml'),
        'pacemaker.nir.yaml': readFileSync(join(import.meta.dirname, 'fixtures', 'pacemaker.nir.yaml'), 'utf8'),
        'flatten.nir': readFileSync(join(ROOT, 'test', 'fixtures', 'nir', 'generated', 'rw_flatten.nir')),
        'sparse-procedural.nir.yaml': example('sparse-procedural.nir.yaml'),
        // The example plugin, named in the workspace's settings (docs/plugins.md).
        'plugins/custom-target/index.js': example('plugins/custom-target/index.js'),
        'plugins/custom-target/package.json': example('plugins/custom-target/package.json'),
        '.vscode/settings.json': JSON.stringify({ 'nirmesh.plugins': ['plugins/custom-target'] }),
    }, { 'nirmesh.target': 'spinnaker2-board48' });
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'nirmesh-chromium-')), {
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        viewport: { width: 1500, height: 950 },
    });
    page = context.pages()[0] ?? await context.newPage();
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}`, { timeout: 180_000, waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 180_000 });
});

afterAll(async () => {
    await context?.close();
    server?.stop();
});

/** Opens a workspace file through Quick Open. */
async function openFile(name: string): Promise<void> {
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: name }).waitFor();
}

/** Runs a command from the command palette by its title. */
async function runCommand(title: string): Promise<void> {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(title);
    await page.locator(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`).first().waitFor();
    await page.keyboard.press('Enter');
}

/**
 * The first webview page (of any panel) that has an element matching `selector`, waiting for one.
 * A webview's page is the inner of two nested frames (`iframe.webview` → `#active-frame`).
 */
async function webviewFrameWith(selector: string, timeout = 90_000): Promise<Frame> {
    const deadline = Date.now() + timeout;
    for (;;) {
        for (const frame of page.frames()) {
            const outer = frame.parentFrame();
            if (frame.isDetached() || !outer || outer === page.mainFrame()) continue;
            if (await frame.$(selector).catch(() => null)) return frame;
        }
        if (Date.now() > deadline) throw new Error(`no webview shows ${selector}`);
        await page.waitForTimeout(250);
    }
}

describe('NIRmesh in code-server', () => {
    it('shows the example\'s mistakes in the Problems panel, with their codes', async () => {
        await openFile('mistakes.nir.yaml');
        await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 60_000 });
        await page.keyboard.press('Control+Shift+M');
        const rows = page.locator('.markers-panel .monaco-list-row');
        await rows.filter({ hasText: 'nir/bias-shape' }).first().waitFor({ timeout: 60_000 });
        await page.screenshot({ path: join(SHOTS, '01-problems.png') });
        expect(await rows.filter({ hasText: 'nirmesh' }).count()).toBeGreaterThan(3);
    });

    it('draws the placement view from "NIRmesh: Show Placement"', async () => {
        await openFile('braille-rsnn.nir.yaml');
        await runCommand('NIRmesh: Show Placement');
        const frame = await webviewFrameWith('svg g, canvas');
        expect(await frame.locator('svg g, canvas').count()).toBeGreaterThan(0);
        await page.screenshot({ path: join(SHOTS, '02-placement.png') });
    });

    it('runs the network from "NIRmesh: Run Network" and draws its spikes in the trace view', async () => {
        await openFile('pacemaker.nir.yaml');
        await runCommand('NIRmesh: Run Network');
        const frame = await webviewFrameWith('#trace-root[data-loaded="true"]');
        const drawn = Number(await frame.locator('#raster').getAttribute('data-spikes-drawn'));
        expect(drawn).toBeGreaterThan(100);
        expect(await frame.locator('aside td:nth-child(2)').allTextContents()).toEqual(expect.arrayContaining(['pacemaker', 'readout']));
        await page.screenshot({ path: join(SHOTS, '03-trace.png') });
    });

    it('opens a .nir file in the read-only graph editor, and Open as YAML writes and opens the spec', async () => {
        await page.keyboard.press('Control+P');
        await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
        await page.keyboard.type('flatten.nir');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'flatten.nir' }).first().waitFor();
        await page.keyboard.press('Enter');
        await page.locator('.tab.active', { hasText: 'flatten.nir' }).waitFor();
        const frame = await webviewFrameWith('svg g');
        expect(await frame.locator('svg g').count()).toBeGreaterThan(0);
        await page.screenshot({ path: join(SHOTS, '04-nir-file.png') });
        await page.locator('.editor-actions [aria-label*="Open as YAML"]').first().click();
        await page.locator('.tab.active', { hasText: 'flatten.nir.yaml' }).waitFor({ timeout: 60_000 });
        await page.waitForSelector('.monaco-editor .view-lines');
        expect(await page.locator('.monaco-editor .view-lines').first().innerText()).toContain('NIRGraph');
    });

    it('loads the workspace\'s plugin: its target in "NIRmesh: Select Hardware Target", its check in the Problems panel', async () => {
        await openFile('sparse-procedural.nir.yaml');
        await runCommand('NIRmesh: Select Hardware Target');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'lowmem4-board' }).first().waitFor({ timeout: 60_000 });
        await page.keyboard.type('lowmem4-board');
        await page.keyboard.press('Enter');
        if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
        // The other examples' problems fill the panel, and its list draws only the rows in view: filter.
        await page.getByPlaceholder(/^Filter \(e\.g\./).first().fill('lowmem4');
        const rows = page.locator('.markers-panel .monaco-list-row');
        await rows.filter({ hasText: 'lowmem4/large-population' }).first().waitFor({ timeout: 60_000 });
        // The status bar names the picked target with its use, not the one the server had before the change.
        await page.locator('.statusbar-item', { hasText: /lowmem4-board\s+PE \d+%/ }).first().waitFor({ timeout: 60_000 });
        await page.screenshot({ path: join(SHOTS, '05-plugin-target.png') });
        expect(await rows.filter({ hasText: "'exc' has 8,000 neurons" }).count()).toBeGreaterThan(0);
    });
});
