// Placement view benchmark: the graph layout and the first paint of the view for a 1,000-node
// network with back edges (on spinnaker2-board48), and the first paint and the frame time while
// zooming and panning for a 720-board machine (34,560 chips). The pages are `nirmesh map --html` reports of
// real mappings, opened in headless Chromium (Debian's chromium, playwright-core). ELK's layout is
// also timed alone in Node, whole and as the view draws it (collapsed above 150 boxes).
// Needs `node esbuild.mjs` first (npm run bench does it). Writes bench/results/placement-view.json.
//
//   node bench/placement-view.mjs [--nodes 1000] [--out FILE]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ElkBundled from 'elkjs/lib/elk.bundled.js';
import { chromium } from 'playwright-core';
import { importBundled, optionReader, root } from './lib/bundle.mjs';
import { generateSpec } from './lib/generate-spec.mjs';

const option = optionReader();
const nodes = Number(option('--nodes', '1000'));
const out = resolve(option('--out', join(root, 'bench', 'results', 'placement-view.json')));
const dir = mkdtempSync(join(tmpdir(), 'nirmesh-bench-view-'));

/** The generated deep network with a back edge from every tenth LIF to the Affine four layers up. */
function specWithBackEdges(count) {
    const text = generateSpec({ nodes: count });
    const lifs = [...text.matchAll(/^ {4}(lif\d+):$/gm)].map((m) => m[1]);
    const fcs = [...text.matchAll(/^ {4}(fc\d+):$/gm)].map((m) => m[1]);
    const back = lifs.flatMap((lif, i) => (i % 10 === 9 && i >= 4 ? [`    - [${lif}, ${fcs[i - 4]}]`] : []));
    return text.replace('\n  edges:\n', `\n  edges:\n${back.join('\n')}\n`);
}

/** Writes the `map --html` page of a spec on a target; returns the page and its embedded data. */
function mapPage(name, spec, target) {
    const file = join(dir, `${name}.nir.yaml`);
    const page = join(dir, `${name}.html`);
    writeFileSync(file, spec);
    try {
        execFileSync(process.execPath, [join(root, 'bin', 'nirmesh.cjs'), 'map', file, '--target', target, '--html', page], { stdio: 'pipe' });
    } catch (error) {
        if (error.status !== 1) throw error; // 1: mapped with problems, still drawn
    }
    const html = readFileSync(page, 'utf8');
    const data = JSON.parse(/<script type="application\/json" id="nirmesh-placement-data">(.*?)<\/script>/s.exec(html)[1]);
    return { page, data };
}

/** ELK alone, in this thread: the whole graph, and the boxes the view lays out. */
async function layoutInNode(graph) {
    const { visibleGraph } = await importBundled('client/webviews/placement/visible-graph.ts');
    const { elkGraphOf } = await importBundled('client/webviews/placement/elk-graph.ts');
    const elk = new ElkBundled();
    const time = async (visible) => {
        const started = performance.now();
        await elk.layout(elkGraphOf(visible));
        return Math.round(performance.now() - started);
    };
    const whole = visibleGraph(graph, Infinity);
    const drawn = visibleGraph(graph);
    return { boxes_whole: whole.nodes.length, layout_whole_ms: await time(whole), boxes_drawn: drawn.nodes.length, layout_drawn_ms: await time(drawn) };
}

/** Opens a page in Chromium: time to the drawn view from navigation, and the view's own paint measure. */
async function firstPaint(browser, page) {
    const tab = await browser.newPage({ viewport: { width: 1400, height: 820 } });
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(`file://${page}`);
    await tab.waitForFunction(() => document.body.dataset.drawn === 'true', null, { timeout: 120_000 });
    const timing = await tab.evaluate(() => {
        const measure = (name) => Math.round(performance.getEntriesByName(name)[0]?.duration ?? NaN);
        return {
            // The first paint: the chips and a provisional graph layout, drawn before ELK is done.
            first_paint_ms: measure('nirmesh-placement-first-paint'),
            // The view with ELK's layout, from the data's arrival and from navigation.
            elk_layout_drawn_ms: measure('nirmesh-placement-paint'),
            navigation_to_elk_layout_ms: Math.round(performance.now()),
        };
    });
    if (errors.length > 0) throw new Error(errors.join('\n'));
    return { tab, timing };
}

/** Mean, 90th percentile and largest of some times, in ms to a tenth. */
function spread(times) {
    const sorted = [...times].sort((a, b) => a - b);
    const tenth = (v) => Math.round(10 * v) / 10;
    return { mean: tenth(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)), p90: tenth(sorted[Math.floor(sorted.length * 0.9)] ?? NaN), max: tenth(sorted[sorted.length - 1] ?? NaN) };
}

/**
 * Frame times of the mesh while it moves: `zoom` steps into chip (0, 0) from the whole machine
 * to single PEs, and `pan` steps sideways at each level of detail. Three measures per frame: the
 * wall time from the change to the next animation frame (as a user sees it, but it grows with the
 * machine's load: other processes share the CPU), the main thread's CPU time of the frame (Chromium's
 * trace, the frame's script, style, paint and canvas raster; what the view costs, whatever the load),
 * and the view's own drawing (its `nirmesh-mesh-frame` measures).
 */
async function meshFrames(tab) {
    const cdp = await tab.context().newCDPSession(tab);
    const measure = async (steps) => {
        await cdp.send('Tracing.start', { categories: 'cc,devtools.timeline', transferMode: 'ReturnAsStream' });
        const wall = await tab.evaluate(async (moves) => {
            const app = window.nirmeshPlacement;
            const chip = app.mesh.chip(0, 0);
            const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
            await frame();
            performance.clearMeasures('nirmesh-mesh-frame');
            const times = [];
            for (const [pixels, dx] of moves) {
                const started = performance.now();
                app.mesh.view.zoomTo(chip, pixels);
                app.mesh.view.panBy(dx, 0);
                await frame();
                times.push(performance.now() - started);
            }
            return { times, draws: performance.getEntriesByName('nirmesh-mesh-frame').map((e) => e.duration) };
        }, steps);
        const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
        await cdp.send('Tracing.end');
        const { stream } = await done;
        let text = '';
        for (let chunk = await cdp.send('IO.read', { handle: stream }); ; chunk = await cdp.send('IO.read', { handle: stream })) {
            text += chunk.data;
            if (chunk.eof) break;
        }
        await cdp.send('IO.close', { handle: stream });
        const frames = JSON.parse(text).traceEvents.filter((e) => e.ph === 'X' && e.name === 'ProxyMain::BeginMainFrame' && e.tdur !== undefined);
        return { frames: steps.length, wall_ms: spread(wall.times), main_thread_cpu_ms: spread(frames.slice(-steps.length).map((e) => e.tdur / 1000)), draw_ms: spread(wall.draws) };
    };
    const zoom = Array.from({ length: 30 }, (_, i) => [0.6 * 1.25 ** i, 0]);
    // 20 steps of 40 pixels at each level: the whole machine, chips, chips with links, PEs.
    const pan = [1.5, 8, 20, 60].flatMap((pixels) => Array.from({ length: 20 }, (_, i) => [pixels, -40 * i]));
    return { zoom: await measure(zoom), pan: await measure(pan) };
}

const results = { date: new Date().toISOString(), load_average: loadavg()[0], nodes };
const big = mapPage(`net-${nodes}`, specWithBackEdges(nodes), 'spinnaker2-board48');
results.graph = { nodes: big.data.graph.nodes.length, edges: big.data.graph.edges.length, ...(await layoutInNode(big.data.graph)) };
const machine = mapPage('sparse-720', readFileSync(join(root, 'examples', 'sparse-procedural.nir.yaml'), 'utf8'), 'spinnaker2-boards:720');

const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
    const graphView = await firstPaint(browser, big.page);
    results.graph.first_paint = graphView.timing;
    await graphView.tab.close();
    const machineView = await firstPaint(browser, machine.page);
    results.machine_720_boards = { chips: machine.data.placement.mesh.chips.length / 2, first_paint: machineView.timing, ...(await meshFrames(machineView.tab)) };
    await machineView.tab.close();
} finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
}

console.log(`graph: ${results.graph.nodes} nodes, ${results.graph.edges} edges; ELK alone ${results.graph.layout_whole_ms} ms for all ${results.graph.boxes_whole} boxes, ${results.graph.layout_drawn_ms} ms for the ${results.graph.boxes_drawn} drawn`);
const paint = (p) => `first paint ${p.first_paint_ms} ms, ELK's layout drawn after ${p.elk_layout_drawn_ms} ms (${p.navigation_to_elk_layout_ms} ms from navigation)`;
console.log(`1,000 nodes: ${paint(results.graph.first_paint)}`);
const m = results.machine_720_boards;
const moving = (f) => `CPU per frame mean ${f.main_thread_cpu_ms.mean} ms, p90 ${f.main_thread_cpu_ms.p90} ms (drawing ${f.draw_ms.mean} ms); wall ${f.wall_ms.mean} ms, p90 ${f.wall_ms.p90} ms`;
console.log(`720 boards (${m.chips} chips): ${paint(m.first_paint)}\n  zooming: ${moving(m.zoom)}\n  panning: ${moving(m.pan)}\n  (load average ${results.load_average.toFixed(1)} on ${cpus().length} CPUs)`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
