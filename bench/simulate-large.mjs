// Simulator benchmark (docs/simulation.md): the recurrent 100,000-neuron CUBA network with ~100
// synapses per neuron (80 % excitatory, 20 % inhibitory, connection probability 100/N, dt 1 ms,
// 1 s), run in NIRmesh's simulator with every spike routed as a packet through the mapped
// spinnaker2-board48, and in Brian2 (numpy, cython and C++ standalone where they build) in the
// same run. Reports synaptic events per second of the simulation loop of each, our setup time and
// peak memory, and writes bench/results/simulate-large.json. Figures from a shared machine vary.
//
// The NIR network is the Brian2 model (bench/brian2/cuba_large.py) as NIR can say it: CubaLIF
// populations with one synaptic time constant (5 ms; the inhibitory weight is scaled so that each
// spike carries the same charge as Brian2's 10 ms inhibitory current), no refractory period, and
// a constant drive (an Affine bias, uniform per neuron) in place of the leak above threshold and
// the random initial voltages. Its activity differs from Brian2's; events per second is what is
// compared.
//
//   node bench/simulate-large.mjs [--n 100000] [--fanout 100] [--brian numpy,cython,cpp_standalone|none] [--out FILE]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleTo, optionReader, root } from './lib/bundle.mjs';
import { largeSpec } from './lib/large-spec.mjs';

const script = fileURLToPath(import.meta.url);
const option = optionReader(process.argv.slice(2));
const PYTHON = '/usr/bin/python3';

/** Runs our simulator in this process and prints one JSON line. */
async function runOurs(bundle, n, fanout, target) {
    const { createEngine } = await import(pathToFileURL(bundle).href);
    const engine = createEngine();
    const started = performance.now();
    const run = await engine.run({ kind: 'spec', text: largeSpec(n, fanout) }, { target, steps: 1000, record: [] });
    const wallS = (performance.now() - started) / 1000;
    const r = run.result;
    if (!r) throw new Error(run.problems.filter((p) => p.severity === 'error').map((p) => p.message).join('; '));
    const spikes = r.nodes.reduce((a, node) => a + (node.type === 'CubaLIF' ? node.spikes : 0), 0);
    process.stdout.write(JSON.stringify({
        engine: 'nirmesh', target, N: n, steps: r.steps, spikes, mean_rate_hz: spikes / n, syn_events: r.synapticEvents,
        packets: r.packets, dropped_packets: r.droppedPackets, loop_s: r.simS, setup_s: r.setupS, wall_s: wallS,
        syn_events_per_s: r.synapticEvents / r.simS, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    }) + '\n');
}

function brian(targetName, n, fanout) {
    const args = ['-W', 'ignore', join(root, 'bench', 'brian2', 'cuba_large.py'), '--target', targetName, '--N', String(n), '--fanout', String(fanout)];
    const run = spawnSync(PYTHON, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (run.status !== 0) return { engine: 'brian2', target: targetName, error: (run.stderr || '').trim().split('\n').slice(-3).join(' | ') };
    return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

async function main() {
    const n = Number(option('--n', '100000'));
    const fanout = Number(option('--fanout', '100'));
    const child = option('--run-ours', undefined);
    if (child) return runOurs(option('--bundle', ''), n, fanout, child);
    const dir = mkdtempSync(join(tmpdir(), 'nirmesh-sim-bench-'));
    const results = [];
    try {
        const bundle = await bundleTo(join(dir, 'engine.mjs'), 'engine/src/index.ts');
        for (const target of ['spinnaker2-board48', 'none']) {
            const run = spawnSync(process.execPath, ['--max-old-space-size=8192', script, '--run-ours', target, '--bundle', bundle, '--n', String(n), '--fanout', String(fanout)], { encoding: 'utf8', maxBuffer: 1 << 26 });
            if (run.status !== 0) throw new Error(`our simulator failed (${run.status}):\n${run.stderr}`);
            results.push(JSON.parse(run.stdout.trim().split('\n').at(-1)));
        }
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
    const brianTargets = option('--brian', 'numpy,cython,cpp_standalone');
    if (brianTargets !== 'none') for (const t of brianTargets.split(',')) results.push(brian(t, n, fanout));

    console.log('engine   target               events/s (loop)   loop s  setup s  spikes/neuron  events        dropped  peak RSS MB');
    for (const r of results) {
        if (r.error) {
            console.log(`${r.engine.padEnd(8)} ${r.target.padEnd(20)} did not run: ${r.error}`);
            continue;
        }
        console.log(
            `${r.engine.padEnd(8)} ${r.target.padEnd(20)} ${(r.syn_events_per_s / 1e6).toFixed(1).padStart(10)} M  ${r.loop_s.toFixed(2).padStart(8)} ${r.setup_s.toFixed(2).padStart(8)}` +
            ` ${(r.spikes / r.N).toFixed(2).padStart(14)}  ${String(r.syn_events).padStart(12)} ${String(r.dropped_packets ?? '-').padStart(8)} ${String(r.peak_rss_mb ?? r.max_rss_mb ?? '-').padStart(12)}`,
        );
    }
    const outFile = resolve(option('--out', join(root, 'bench', 'results', 'simulate-large.json')));
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, JSON.stringify({ date: new Date().toISOString(), node: process.version, note: 'measured on a machine shared with other jobs', results }, null, 2) + '\n');
    console.log(`wrote ${outFile}`);
}

await main();
