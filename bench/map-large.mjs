// Mapper benchmark (figures written to bench/results/): map
//   - 1 M neurons with 100 M synapses onto spinnaker2-board48 (target: ≤ 5 s): an Input and ten
//     grouped LIF layers of 1,000 × 100 neurons, each fed by a dense generated Affine [1000, 100, 100]
//     (block diagonal: 10 M synapses a layer, counted exactly, never allocated);
//   - a 50 M-neuron procedural network onto spinnaker2-boards:720 (target: ≤ 60 s): an Input and 500
//     LIF layers of 100,000 neurons in a chain, each fed by fixed_probability p = 1e-4 weights.
// Each case runs in its own process, so its peak memory (maxRSS) is its own. Prints a table and
// writes bench/results/map-large.json.
//
//   node bench/map-large.mjs [--case dense-1m|procedural-50m] [--out FILE]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleTo, optionReader, root } from './lib/bundle.mjs';

const script = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const option = optionReader(args);

const LIF = 'tau: 0.02, r: 1, v_leak: 0, v_threshold: 1, v_reset: 0';

/** Input → (Affine [groups, width, width] dense normal → LIF [groups, width]) × layers. */
function denseGroupedSpec({ layers, groups, width }) {
    const lines = ['node:', '  type: NIRGraph', '  nodes:', `    input: {type: Input, shape: [${groups}, ${width}]}`];
    const edges = [];
    let previous = 'input';
    for (let i = 1; i <= layers; i++) {
        lines.push(`    fc${i}: {type: Affine, weight: {shape: [${groups}, ${width}, ${width}], normal: {mean: 0, std: 0.3, seed: ${i}}}, bias: 0}`);
        lines.push(`    lif${i}: {type: LIF, shape: [${groups}, ${width}], ${LIF}}`);
        edges.push(`    - [${previous}, fc${i}]`, `    - [fc${i}, lif${i}]`);
        previous = `lif${i}`;
    }
    return [...lines, '  edges:', ...edges, '  metadata: {dt: 0.001}', ''].join('\n');
}

/** Input → (Linear [width, width] fixed_probability p → LIF [width]) × layers. */
function proceduralChainSpec({ layers, width, p }) {
    const lines = ['node:', '  type: NIRGraph', '  nodes:', `    input: {type: Input, shape: [${width}]}`];
    const edges = [];
    let previous = 'input';
    for (let i = 1; i <= layers; i++) {
        lines.push(`    w${i}: {type: Linear, weight: {shape: [${width}, ${width}], fixed_probability: {p: ${p}, weight: 0.5, seed: ${i}}}}`);
        lines.push(`    lif${i}: {type: LIF, shape: [${width}], ${LIF}}`);
        edges.push(`    - [${previous}, w${i}]`, `    - [w${i}, lif${i}]`);
        previous = `lif${i}`;
    }
    return [...lines, '  edges:', ...edges, '  metadata: {dt: 0.001}', ''].join('\n');
}

const CASES = {
    'dense-1m': { target: 'spinnaker2-board48', limitSeconds: 5, spec: () => denseGroupedSpec({ layers: 10, groups: 1000, width: 100 }) },
    'procedural-50m': { target: 'spinnaker2-boards:720', limitSeconds: 60, spec: () => proceduralChainSpec({ layers: 500, width: 100000, p: 1e-4 }) },
};

/** Runs one case in this process and prints its figures as one JSON line. */
async function runCase(name, bundle) {
    const engineModule = await import(pathToFileURL(bundle).href);
    const { createEngine, analyzeGraph, resolveTarget, runChecks } = engineModule;
    const spec = CASES[name];
    const engine = createEngine();
    const target = resolveTarget(engine.registry, spec.target).target;
    const ms = (t) => Math.round((performance.now() - t) * 10) / 10;

    let t = performance.now();
    const text = spec.spec();
    const loaded = await engine.load({ kind: 'spec', text });
    const parseMs = ms(t);
    t = performance.now();
    const analysis = analyzeGraph(loaded.document, engine.registry);
    const analyseMs = ms(t);
    t = performance.now();
    const mapping = await engine.registry.mappers.get('greedy').map(analysis, target, undefined, { steps: 1000, neuronModels: engine.registry.neuronModels });
    const mapMs = ms(t);
    t = performance.now();
    const problems = runChecks(analysis, engine.registry, { categories: ['fast', 'slow'], target, mapping });
    const checksMs = ms(t);
    const memory = process.memoryUsage();
    const errors = [...loaded.problems, ...mapping.problems, ...problems].filter((p) => p.severity === 'error');
    const neurons = mapping.nodes.filter((n) => n.type !== 'Input').reduce((a, n) => a + n.neurons, 0);
    const result = {
        case: name,
        target: spec.target,
        neurons,
        input_neurons: mapping.nodes.filter((n) => n.type === 'Input').reduce((a, n) => a + n.neurons, 0),
        synapses: mapping.nodes.reduce((a, n) => a + (n.synapsesIn ?? 0), 0),
        spec_chars: text.length,
        chips_used: mapping.chipsUsed,
        pes_used: mapping.pesUsed,
        max_router_entries: mapping.chips.reduce((a, c) => Math.max(a, c.routerEntries), 0),
        max_router_entries_uncompressed: mapping.chips.reduce((a, c) => Math.max(a, c.routerEntriesUncompressed), 0),
        links_used: mapping.links?.length ?? 0,
        errors: errors.map((p) => `${p.code}: ${p.message}`).slice(0, 5),
        parse_ms: parseMs,
        analyse_ms: analyseMs,
        map_ms: mapMs,
        checks_ms: checksMs,
        mapper_stages_ms: Object.fromEntries(Object.entries(mapping.timingsMs ?? {}).map(([k, v]) => [k, Math.round(v * 10) / 10])),
        limit_s: spec.limitSeconds,
        within_limit: mapMs / 1000 <= spec.limitSeconds,
        peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
        heap_used_mb: Math.round(memory.heapUsed / 1048576),
        rss_mb: Math.round(memory.rss / 1048576),
    };
    process.stdout.write(JSON.stringify(result) + '\n');
}

async function main() {
    const child = option('--run-case', undefined);
    if (child) return runCase(child, option('--bundle', ''));
    const only = option('--case', undefined);
    const names = only ? [only] : Object.keys(CASES);
    const unknown = names.filter((n) => !CASES[n]);
    if (unknown.length > 0) throw new Error(`unknown case ${unknown.join(', ')} (known: ${Object.keys(CASES).join(', ')})`);
    const dir = mkdtempSync(join(tmpdir(), 'nirmesh-map-bench-'));
    const results = [];
    try {
        const bundle = await bundleTo(join(dir, 'engine.mjs'), 'engine/src/index.ts');
        for (const name of names) {
            const run = spawnSync(process.execPath, ['--max-old-space-size=8192', script, '--run-case', name, '--bundle', bundle], { encoding: 'utf8', maxBuffer: 1 << 26 });
            if (run.status !== 0) throw new Error(`case ${name} failed (${run.status}):\n${run.stderr}`);
            results.push(JSON.parse(run.stdout.trim().split('\n').at(-1)));
        }
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
    console.log('case            target                 neurons      synapses  chips     PEs  map s  limit s  peak RSS MB  errors');
    for (const r of results) {
        console.log(
            `${r.case.padEnd(15)} ${r.target.padEnd(21)} ${String(r.neurons).padStart(9)} ${String(Math.round(r.synapses)).padStart(13)} ${String(r.chips_used).padStart(6)} ${String(r.pes_used).padStart(7)}` +
            ` ${(r.map_ms / 1000).toFixed(2).padStart(6)} ${String(r.limit_s).padStart(8)} ${String(r.peak_rss_mb).padStart(12)}  ${r.errors.length}`,
        );
        console.log(`    stages ms: ${JSON.stringify(r.mapper_stages_ms)}; parse ${r.parse_ms} ms, analyse ${r.analyse_ms} ms, checks ${r.checks_ms} ms`);
    }
    const outFile = resolve(option('--out', join(root, 'bench', 'results', 'map-large.json')));
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2) + '\n');
    console.log(`wrote ${outFile}`);
    if (results.some((r) => !r.within_limit)) process.exitCode = 1;
}

await main();
