/**
 * The placement view in real headless Chromium: the standalone page of `nirmesh map --html` and the
 * VS Code webview page (scripts by URL, data by message, a stand-in for `acquireVsCodeApi` that
 * records what the page posts), each showing the data of a real mapping. Screenshots go to
 * test-results/webviews/. Needs `node esbuild.mjs` first (dist/webview-*.js).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Server } from 'node:http';
import { runCli } from '../../cli/src/run-cli.js';
import { PLACEMENT_ASSETS, PLACEMENT_DATA_ELEMENT_ID, type PlacementViewData } from '../../protocol/index.js';
import { placementPageHtml } from '../../client/webviews/placement/placement-page.js';
import { visibleGraph } from '../../client/webviews/placement/visible-graph.js';
import { generateSpec } from '../../bench/lib/generate-spec.mjs';
import { ARTIFACTS, HAS_CHROMIUM, ROOT, launchChromium, serve, watchedPage } from '../helpers/browser.js';

const SPARSE = 'examples/sparse-procedural.nir.yaml';
const HOSTILE = 'test/webviews/fixtures/hostile-names.nir.yaml';
const dir = mkdtempSync(join(tmpdir(), 'nirmesh-view-'));

/** Writes the standalone page of a file (`nirmesh map FILE --html PAGE`) and returns its path and data. */
async function standalonePage(file: string, ...args: string[]): Promise<{ path: string; data: PlacementViewData }> {
    const path = join(dir, `${file.replace(/\W+/g, '-')}${args.join('')}.html`);
    const sink = () => undefined;
    const code = await runCli(['map', file, '--html', path, ...args], { stdout: sink, stderr: sink }, ROOT);
    expect(code).toBe(0);
    const html = readFileSync(path, 'utf8');
    const json = new RegExp(`<script type="application/json" id="${PLACEMENT_DATA_ELEMENT_ID}">(.*?)</script>`, 's').exec(html)?.[1] ?? 'null';
    return { path, data: JSON.parse(json) as PlacementViewData };
}

const drawn = (page: Page) => page.waitForFunction(() => document.body.dataset.drawn === 'true', null, { timeout: 30_000 });

/** Makes the page look as VS Code's dark or high-contrast theme makes a webview look. */
async function vscodeTheme(page: Page, kind: 'vscode-dark' | 'vscode-high-contrast'): Promise<void> {
    await page.evaluate((theme) => {
        const dark = { '--vscode-editor-background': '#1e1e1e', '--vscode-editor-foreground': '#d4d4d4', '--vscode-descriptionForeground': '#9d9d9d', '--vscode-panel-border': '#3c3c3c', '--vscode-editorWidget-background': '#252526', '--vscode-sideBar-background': '#252526', '--vscode-focusBorder': '#007fd4' };
        const contrast = { '--vscode-editor-background': '#000000', '--vscode-editor-foreground': '#ffffff', '--vscode-descriptionForeground': '#ffffff', '--vscode-panel-border': '#6fc3df', '--vscode-editorWidget-background': '#0c141f', '--vscode-sideBar-background': '#000000', '--vscode-focusBorder': '#f38518', '--vscode-contrastBorder': '#6fc3df' };
        for (const [name, value] of Object.entries(theme === 'vscode-dark' ? dark : contrast)) document.documentElement.style.setProperty(name, value);
        document.body.classList.add(theme);
        (window as unknown as { nirmeshPlacement: { mesh: { view: { redraw(): void } } } }).nirmeshPlacement.mesh.view.redraw();
    }, kind);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

let browser: Browser;
beforeAll(async () => { if (HAS_CHROMIUM) browser = await launchChromium(); });
afterAll(async () => { await browser?.close(); });

describe.skipIf(!HAS_CHROMIUM)('the standalone placement page', () => {
    it('draws a real mapping: a box per node, an arrow per edge, the 48-chip board, no console errors', async () => {
        const { path, data } = await standalonePage(SPARSE);
        const { page, errors } = await watchedPage(browser);
        await page.emulateMedia({ colorScheme: 'light' });
        await page.goto(`file://${path}`);
        await drawn(page);
        expect(await page.locator('svg .box').count()).toBe(data.graph?.nodes.length);
        expect(await page.locator('svg .edge').count()).toBe(data.graph?.edges.length);
        expect(await page.evaluate(() => document.body.dataset.chips)).toBe('48');
        expect(await page.locator('header h1').textContent()).toBe('sparse-procedural.nir.yaml');
        expect(await page.locator('aside').textContent()).toContain(`${data.placement?.pesUsed} of 7,104`);
        // The canvas is not blank: the used PEs are painted in the heat colours.
        const painted = await page.evaluate(() => {
            const canvas = document.getElementById('mesh') as HTMLCanvasElement;
            const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
            let coloured = 0;
            for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3] > 0 && Math.abs(pixels[i] - pixels[i + 2]) > 60) coloured++;
            return coloured;
        });
        expect(painted).toBeGreaterThan(100);
        await page.screenshot({ path: join(ARTIFACTS, 'placement-standalone-light.png') });
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.evaluate(() => (window as unknown as { nirmeshPlacement: { mesh: { view: { redraw(): void } } } }).nirmeshPlacement.mesh.view.redraw());
        await page.screenshot({ path: join(ARTIFACTS, 'placement-standalone-dark.png') });
        expect(errors).toEqual([]);
        await page.close();
    });

    it('draws a 720-board machine (34,560 chips) and stays interactive when zoomed', async () => {
        const { path } = await standalonePage(SPARSE, '--target', 'spinnaker2-boards:720');
        const { page, errors } = await watchedPage(browser);
        await page.goto(`file://${path}`);
        await drawn(page);
        expect(await page.evaluate(() => document.body.dataset.chips)).toBe('34560');
        await page.screenshot({ path: join(ARTIFACTS, 'placement-720-boards.png') });
        // At every level of detail, a used chip is drawn in a heat colour and an unused one (drawn
        // through the repeated chip tile) in the chip colour, not the background.
        for (const [pixels, detail] of [[2, 'machine'], [8, 'chips'], [60, 'pes']] as const) {
            const seen = await page.evaluate(async (px) => {
                const app = (window as unknown as { nirmeshPlacement: { mesh: { view: { zoomTo(c: unknown, px: number): void; pointOf(c: unknown, pe?: number): { x: number; y: number }; detail: string }; chip(x: number, y: number): unknown } } }).nirmeshPlacement;
                const used = app.mesh.chip(0, 0), unused = app.mesh.chip(3, 2);
                app.mesh.view.zoomTo(unused, px);
                await new Promise((resolve) => requestAnimationFrame(resolve));
                const canvas = document.getElementById('mesh') as HTMLCanvasElement;
                const ratio = canvas.width / canvas.getBoundingClientRect().width;
                const rgb = (p: { x: number; y: number }) => [...(canvas.getContext('2d')?.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data ?? [])];
                return { detail: app.mesh.view.detail, used: rgb(app.mesh.view.pointOf(used, 0)), unused: rgb(app.mesh.view.pointOf(unused)) };
            }, pixels);
            expect(seen.detail).toBe(detail);
            expect(seen.unused[3], `unused chip at ${detail}`).toBeGreaterThan(0);
            expect(Math.abs(seen.used[0] - seen.used[2]), `used chip at ${detail}`).toBeGreaterThan(60); // viridis, far from grey
        }
        // Zoom into the used corner and click a used PE: the panel says what it holds.
        const held = await page.evaluate(() => {
            const app = (window as unknown as { nirmeshPlacement: { mesh: { view: { zoomTo(c: unknown, px: number): void; pointOf(c: unknown, pe: number): { x: number; y: number } }; chip(x: number, y: number): unknown } } }).nirmeshPlacement;
            const chip = app.mesh.chip(0, 0);
            app.mesh.view.zoomTo(chip, 300);
            return app.mesh.view.pointOf(chip, 0);
        });
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
        const canvas = await page.locator('#mesh').boundingBox();
        await page.mouse.click((canvas?.x ?? 0) + held.x, (canvas?.y ?? 0) + held.y);
        await expect.poll(() => page.locator('aside').textContent()).toContain('PE 0');
        expect(await page.locator('aside').textContent()).toContain('input: neurons 0–255');
        await page.screenshot({ path: join(ARTIFACTS, 'placement-720-boards-zoomed.png') });
        expect(errors).toEqual([]);
        await page.close();
    });
});

describe.skipIf(!HAS_CHROMIUM)('the placement webview page', () => {
    let server: Server;
    let origin: string;
    const pages = new Map<string, string>();

    beforeAll(async () => {
        ({ server, origin } = await serve(pages));
        pages.set('/webview.html', placementPageHtml({
            title: 'Placement', nonce: 'dGVzdC1ub25jZQ', cspSource: origin, data: null,
            script: { src: `${origin}/dist/${PLACEMENT_ASSETS.script}` }, elkWorker: { src: `${origin}/dist/${PLACEMENT_ASSETS.elkWorker}` },
        }));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    /** A webview page with a recording stand-in for VS Code's API; state survives reloads in sessionStorage. */
    async function webview(): Promise<{ page: Page; errors: string[]; posted: () => Promise<unknown[]> }> {
        const { page, errors } = await watchedPage(browser);
        await page.addInitScript(() => {
            const posted: unknown[] = [];
            Object.assign(window, {
                __posted: posted,
                acquireVsCodeApi: () => ({
                    postMessage: (message: unknown) => posted.push(message),
                    getState: () => JSON.parse(sessionStorage.getItem('state') ?? 'null') ?? undefined,
                    setState: (state: unknown) => sessionStorage.setItem('state', JSON.stringify(state)),
                }),
            });
        });
        await page.goto(`${origin}/webview.html`);
        return { page, errors, posted: () => page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted) };
    }

    const send = (page: Page, message: unknown) => page.evaluate((m) => window.postMessage(m, '*'), message);

    it('says ready first, draws what it is sent, shows hostile names as text and posts reveal on click', async () => {
        const { data } = await standalonePage(HOSTILE);
        const { page, errors, posted } = await webview();
        await expect.poll(posted).toEqual([{ kind: 'ready' }]);
        await send(page, { kind: 'show', uri: 'file:///w/hostile.nir.yaml', data });
        await drawn(page);
        const names = await page.locator('svg .box text:not(.type)').allTextContents();
        expect(names.some((name) => name.startsWith("<img src=x onerro"))).toBe(true);
        const titles = await page.locator('svg .box title').allTextContents();
        expect(titles.join('\n')).toContain("<svg onload=window.__pwned=2><b>lif & 'co'");
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(await page.locator('svg image, svg svg, header b:not(:empty) img').count()).toBe(0);

        const lif = data.graph?.nodes.find((n) => n.type === 'LIF');
        await page.locator(`svg .box[data-id="${lif?.path}"]`).click();
        await expect.poll(posted).toContainEqual({ kind: 'reveal', path: lif?.path });
        expect(await page.locator('aside h3').first().textContent()).toBe("<svg onload=window.__pwned=2><b>lif & 'co'");
        await page.screenshot({ path: join(ARTIFACTS, 'placement-webview-hostile.png') });
        expect(errors).toEqual([]);
        await page.close();
    });

    it('expands a collapsed run in place and collapses it again, keeping what is expanded across an edit and a reload', async () => {
        // A deep network with a back edge every tenth layer: 162 nodes, drawn as runs of layers.
        const spec = generateSpec({ nodes: 162 });
        const lifs = [...spec.matchAll(/^ {4}(lif\d+):$/gm)].map((m) => m[1]), fcs = [...spec.matchAll(/^ {4}(fc\d+):$/gm)].map((m) => m[1]);
        const back = lifs.flatMap((lif, i) => (i % 10 === 9 ? [`    - [${lif}, ${fcs[i - 4]}]`] : []));
        const file = join(dir, 'deep.nir.yaml');
        writeFileSync(file, spec.replace('\n  edges:\n', `\n  edges:\n${back.join('\n')}\n`));
        const { data } = await standalonePage(file);
        const collapsed = visibleGraph(data.graph ?? { nodes: [], edges: [] });
        const run = collapsed.nodes.find((n) => n.kind === 'chain' && (n.parts?.length ?? 0) > 3);
        const parts = run?.parts?.length ?? 0;
        expect(collapsed.collapsed).toBe(true);
        const { page, errors } = await webview();
        const boxes = () => page.locator('svg .box').count();
        const box = page.locator(`svg .box[data-id="${run?.id}"]`);
        await send(page, { kind: 'show', uri: 'file:///w/deep.nir.yaml', data });
        await drawn(page);
        expect(await boxes()).toBe(collapsed.nodes.length);
        expect(await box.getAttribute('aria-expanded')).toBe('false');

        await box.dblclick();
        await expect.poll(boxes, { timeout: 60_000 }).toBe(collapsed.nodes.length + parts);
        await drawn(page);
        expect(await box.getAttribute('aria-expanded')).toBe('true');
        expect(await page.locator(`svg .box.node[data-id="${run?.parts?.[0].id}"]`).count()).toBe(1);
        expect(await page.evaluate(() => document.body.dataset.layouts)).toBe('2');
        await page.screenshot({ path: join(ARTIFACTS, 'placement-group-expanded.png') });
        // Collapse with the twisty, expand again from the keyboard: both layouts come from the cache.
        await box.locator('text.twisty').click();
        await expect.poll(boxes).toBe(collapsed.nodes.length);
        await box.focus();
        await page.keyboard.press('+');
        await expect.poll(boxes).toBe(collapsed.nodes.length + parts);
        expect(await page.evaluate(() => document.body.dataset.layouts)).toBe('2');

        // A parameter edit keeps the group open and its layout; so does a reload (from the saved state alone).
        const edited = { ...data, graph: data.graph && { ...data.graph, nodes: data.graph.nodes.map((n) => ({ ...n, shape: n.shape && n.shape.map((d) => d + 1) })) } };
        await send(page, { kind: 'show', uri: 'file:///w/deep.nir.yaml', data: edited });
        await expect.poll(() => page.locator('svg .box text.type').allTextContents()).toContain('LIF [17]');
        expect(await boxes()).toBe(collapsed.nodes.length + parts);
        expect(await page.evaluate(() => document.body.dataset.layouts)).toBe('2');
        await page.reload();
        await drawn(page);
        expect(await boxes()).toBe(collapsed.nodes.length + parts);
        expect(await page.evaluate(() => document.body.dataset.layouts)).toBe('0');

        // The editor's cursor in a node of a collapsed run selects the run's box (it does not expand it).
        const other = collapsed.nodes.find((n) => n.kind === 'chain' && n.id !== run?.id);
        await send(page, { kind: 'select', path: other?.members[1] });
        await expect.poll(() => page.locator('svg .box.selected').getAttribute('data-id')).toBe(other?.id);
        await box.locator('text.twisty').click();
        await expect.poll(boxes, { timeout: 60_000 }).toBe(collapsed.nodes.length);
        expect(errors).toEqual([]);
        await page.close();
    });

    it('keeps the layout for a parameter edit, follows the editor cursor, restores its state after a reload', async () => {
        const { data } = await standalonePage(SPARSE);
        const { page, errors, posted } = await webview();
        await expect.poll(posted).toEqual([{ kind: 'ready' }]);
        await send(page, { kind: 'show', uri: 'file:///w/sparse.nir.yaml', data });
        await drawn(page);
        expect(await page.evaluate(() => document.body.dataset.layouts)).toBe('1');
        // A re-map after a parameter edit: new shapes and numbers, same structure, no new layout.
        const edited = { ...data, graph: data.graph && { ...data.graph, nodes: data.graph.nodes.map((n) => ({ ...n, shape: n.shape && n.shape.map((d) => d + 1) })) } };
        await send(page, { kind: 'show', uri: 'file:///w/sparse.nir.yaml', data: edited });
        await expect.poll(() => page.locator('svg .box text.type').allTextContents()).toContain('LIF [8001]');
        expect(await page.evaluate(() => document.body.dataset.layouts)).toBe('1');

        const inh = data.graph?.nodes.find((n) => n.name === 'inh')?.path;
        await send(page, { kind: 'select', path: inh });
        await expect.poll(() => page.locator('svg .box.selected').getAttribute('data-id')).toBe(inh);
        expect(await page.locator('aside h3').first().textContent()).toBe('inh');
        expect((await posted()).filter((m) => (m as { kind: string }).kind === 'reveal')).toEqual([]);
        await vscodeTheme(page, 'vscode-dark');
        await page.screenshot({ path: join(ARTIFACTS, 'placement-webview-dark.png') });
        await vscodeTheme(page, 'vscode-high-contrast');
        await page.screenshot({ path: join(ARTIFACTS, 'placement-webview-high-contrast.png') });

        await page.reload();
        await drawn(page); // from the saved state alone: no message was sent after the reload
        expect(await page.locator('svg .box.selected').getAttribute('data-id')).toBe(inh);
        expect(await page.evaluate(() => document.body.dataset.layouts)).toBe('0');
        expect(await page.locator('svg .box text.type').allTextContents()).toContain('LIF [8001]');
        expect(errors).toEqual([]);
        await page.close();
    });
});
