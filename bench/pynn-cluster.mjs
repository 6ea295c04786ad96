// PyNN benchmark (docs/cluster.md): the recurrent CUBA network of bench/simulate-large.mjs
// (bench/lib/large-spec.mjs; 100,000 neurons by default) exported with `nirmesh export --to pynn`
// and run on NEURON with 1 and 2 MPI processes, beside NIRmesh's own simulator (exact numerics,
// no target) on the same network and steps. Reports the export time, NEURON's build and run time
// per process count, our setup and loop time, and the peak memory of every process; writes
// bench/results/pynn-cluster.json. Figures from a shared machine vary.
//
// PyNN builds every connection from Python, so the defaults are a fan-out of 10 synapses per
// neuron (1 M synapses) and 100 steps (100 ms); `--fanout 100` is the network of simulate-large.
//
//   node bench/pynn-cluster.mjs [--n 100000] [--fanout 10] [--steps 100] [--np 1,2] [--out FILE]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleTo, optionReader, root } from './lib/bundle.mjs';
import { largeSpec } from './lib/large-spec.mjs';

const script = fileURLToPath(import.meta.url);
const option = optionReader(process.argv.slice(2));

/** Our simulator on the network, in a child process of its own (so that its peak memory is its own); prints one JSON line. */
async function runOurs(bundle, n, fanout, steps) {
    const { createEngine } = await import(pathToFileURL(bundle).href);
    const run = await createEngine().run({ kind: 'spec', text: largeSpec(n, fanout) }, { target: 'none', steps, numerics: 'exact', record: [] });
    const r = run.result;
    if (!r) throw new Error(run.problems.filter((p) => p.severity === 'error').map((p) => p.message).join('; '));
    const spikes = Object.fromEntries(r.nodes.filter((node) => node.type === 'CubaLIF').map((node) => [node.name, node.spikes]));
    process.stdout.write(JSON.stringify({ engine: 'nirmesh', np: 1, build_s: r.setupS, run_s: r.simS, spikes, peak_rss_mb: [Math.round(process.resourceUsage().maxRSS / 1024)] }) + '\n');
}

async function main() {
    const n = Number(option('--n', '100000'));
    const fanout = Number(option('--fanout', '10'));
    const steps = Number(option('--steps', '100'));
    const child = option('--run-ours', undefined);
    if (child) return runOurs(child, n, fanout, steps);
    const dir = mkdtempSync(join(tmpdir(), 'nirmesh-pynn-bench-'));
    const results = [];
    try {
        const bundle = await bundleTo(join(dir, 'bundle.mjs'), 'bench/lib/pynn-entry.ts');
        const api = await import(pathToFileURL(bundle).href);
        const missing = api.missingPackages('neuron', 2);
        if (missing.length > 0) return console.log(`skipped: PyNN on NEURON with MPI needs the Debian packages ${missing.join(', ')}`);
        const engine = api.createEngine();
        let started = performance.now();
        const loaded = await engine.load({ kind: 'spec', text: largeSpec(n, fanout) });
        const exported = await api.exportForPynn(engine, loaded.document, { sourceName: 'large.nir.yaml', steps });
        if (!exported.files) throw new Error(exported.problems.filter((p) => p.severity === 'error').map((p) => p.message).join('; '));
        const exportDir = join(dir, 'export');
        await api.writeExportedFiles(exportDir, exported.files);
        const exportS = (performance.now() - started) / 1000;
        console.log(`export: ${exportS.toFixed(1)} s, ${exported.files.length} files`);
        started = performance.now();
        await api.compiledNrnMechanisms();
        console.log(`NEURON mechanisms ready in ${((performance.now() - started) / 1000).toFixed(1)} s (cached after the first run)`);

        for (const np of option('--np', '1,2').split(',').map(Number)) {
            started = performance.now();
            const r = await api.runExportedScript({ dir: exportDir, backend: 'neuron', np, steps, out: join(dir, `trace-${np}.h5`) });
            results.push({ engine: 'pynn-neuron', np, build_s: r.buildS, run_s: r.runS, wall_s: (performance.now() - started) / 1000, spikes: r.spikes, peak_rss_mb: r.peakRssMb });
            console.log(JSON.stringify(results.at(-1)));
        }
        started = performance.now();
        const ours = spawnSync(process.execPath, ['--max-old-space-size=8192', script, '--run-ours', bundle, '--n', String(n), '--fanout', String(fanout), '--steps', String(steps)], { encoding: 'utf8', maxBuffer: 1 << 26 });
        if (ours.status !== 0) throw new Error(`our simulator failed (${ours.status}):\n${ours.stderr}`);
        results.push({ ...JSON.parse(ours.stdout.trim().split('\n').at(-1)), wall_s: (performance.now() - started) / 1000 });

        console.log(`\n${n.toLocaleString('en-US')} neurons, ~${fanout} synapses each, ${steps} steps of 1 ms`);
        console.log('engine        np   build s    run s   wall s   exc spikes   inh spikes   peak RSS per process MB');
        for (const r of results) {
            console.log(
                `${r.engine.padEnd(12)} ${String(r.np).padStart(3)} ${r.build_s.toFixed(2).padStart(9)} ${r.run_s.toFixed(2).padStart(8)} ${r.wall_s.toFixed(1).padStart(8)}` +
                ` ${String(r.spikes.exc ?? '-').padStart(12)} ${String(r.spikes.inh ?? '-').padStart(12)}   ${r.peak_rss_mb.map((mb) => Math.round(mb)).join(', ')}`,
            );
        }
        const outFile = resolve(option('--out', join(root, 'bench', 'results', 'pynn-cluster.json')));
        mkdirSync(dirname(outFile), { recursive: true });
        writeFileSync(outFile, JSON.stringify({ date: new Date().toISOString(), node: process.version, note: 'measured on a machine shared with other jobs', n, fanout, steps, export_s: exportS, results }, null, 2) + '\n');
        console.log(`wrote ${outFile}`);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

await main();
