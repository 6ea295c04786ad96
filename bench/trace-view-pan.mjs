// Trace view benchmark: the frame time of the spike raster while panning a million spikes, in
// headless Chromium (Debian's /usr/bin/chromium through playwright-core). The page is the
// self-contained page of `nirmesh run --html`, holding a synthetic trace: 1,000,000 spikes of
// 20,000 neurons in 5 populations over 10,000 ticks. It drags the raster 60 times with the whole
// run in view (every spike visited each frame) and 60 times zoomed in 10×, and reports the median
// and 95th percentile of the view's own paint time (`data-frame-ms`: every panel, the raster's
// 1 M-spike pass included). Writes bench/results/trace-view-pan.json.
//
//   node bench/trace-view-pan.mjs [--spikes N] [--out FILE]
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { importBundled, optionReader, root } from './lib/bundle.mjs';

const option = optionReader();
const spikes = Number(option('--spikes', '1000000'));
const out = option('--out', join(root, 'bench/results/trace-view-pan.json'));
const steps = 10_000;
const populations = [['excitatory', 8000], ['inhibitory', 2000], ['input', 5000], ['hidden', 4000], ['readout', 1000]];

/** A seeded trace: each population's share of the spikes at random ticks and neurons, in 10 chunks. */
function syntheticTrace() {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const neurons = populations.reduce((sum, [, size]) => sum + size, 0);
    const chunkSteps = steps / 10;
    const chunks = [];
    for (let first = 0; first < steps; first += chunkSteps) {
        chunks.push({
            firstStep: first, steps: chunkSteps, probes: [],
            spikes: populations.map(([, size], channel) => {
                const count = Math.round((spikes / 10) * (size / neurons));
                const step = Array.from({ length: count }, () => first + Math.floor(random() * chunkSteps)).sort((a, b) => a - b);
                return { channel, step, neuron: step.map(() => Math.floor(random() * size)) };
            }),
        });
    }
    const run = {
        source: 'bench: 1 M spikes', simulatorId: 'builtin', targetId: 'none', steps, dtMs: 1, numerics: 'hardware',
        channels: populations.map(([name, size]) => ({ name, path: name, type: 'LIF', size })),
        nodes: populations.map(([name, size]) => ({ name, path: name, type: 'LIF', neurons: size, spikes: 0 })),
        synapticEvents: 0, packets: 0, droppedPackets: 0, routers: [], links: [], pes: [], setupS: 0, simS: 0, chunks: chunks.length,
    };
    return { run, chunks };
}

const { tracePageHtml } = await importBundled('client/webviews/trace/trace-page.ts');
const dir = mkdtempSync(join(tmpdir(), 'nirmesh-trace-bench-'));
const page = join(dir, 'trace.html');
writeFileSync(page, tracePageHtml({
    title: 'bench', nonce: randomBytes(16).toString('base64'), cspSource: null, trace: syntheticTrace(),
    script: { inline: readFileSync(join(root, 'dist/webview-trace.js'), 'utf8') },
}));

const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
    const tab = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const loadStarted = performance.now();
    await tab.goto(`file://${page}`);
    await tab.waitForSelector('#trace-root[data-loaded="true"]');
    const loadMs = performance.now() - loadStarted;
    const raster = tab.locator('#raster');
    const box = await raster.boundingBox();
    const nextFrame = () => tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    /** Drags the raster `frames` times by a few pixels, reading the paint time of each frame. */
    async function pan(frames) {
        const times = [];
        let drawn = 0;
        await tab.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await tab.mouse.down();
        for (let i = 0; i < frames; i++) {
            await tab.mouse.move(box.x + box.width / 2 + (i % 2 === 0 ? 5 : -5), box.y + box.height / 2);
            await nextFrame();
            times.push(Number(await tab.locator('#trace-root').getAttribute('data-frame-ms')));
            drawn = Math.max(drawn, Number(await raster.getAttribute('data-spikes-drawn')));
        }
        await tab.mouse.up();
        times.sort((a, b) => a - b);
        return { frames, spikes_drawn: drawn, median_ms: times[Math.floor(frames / 2)], p95_ms: times[Math.floor(frames * 0.95)] };
    }
    const whole = await pan(60);
    await tab.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 8; i++) {
        await tab.mouse.wheel(0, -100);
        await nextFrame();
    }
    const zoomed = await pan(60);
    const results = { date: new Date().toISOString(), spikes, neurons: 20_000, steps, load_and_first_paint_ms: Math.round(loadMs), whole_run_in_view: whole, zoomed_in: zoomed };
    console.log(`trace view, ${spikes.toLocaleString('en')} spikes: load + first paint ${results.load_and_first_paint_ms} ms`);
    console.log(`  panning, whole run in view: median ${whole.median_ms} ms, p95 ${whole.p95_ms} ms per frame (${whole.spikes_drawn.toLocaleString('en')} spikes drawn)`);
    console.log(`  panning, zoomed in:         median ${zoomed.median_ms} ms, p95 ${zoomed.p95_ms} ms per frame (${zoomed.spikes_drawn.toLocaleString('en')} spikes drawn)`);
    mkdirSync(join(out, '..'), { recursive: true });
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
} finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
}
