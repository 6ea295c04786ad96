// Spec-reading benchmark: a generated 5,000-node *.nir.yaml (a branching network of Affine and
// LIF layers with seeded procedural weights, fan-in, fan-out and skip connections) is parsed and
// fully analysed (`--target none`: graph analysis and the fast graph checks). Reports the median of
// several runs and the memory the parsed document keeps.
//
//   node bench/spec-check.mjs [--nodes N] [--runs R] [--out FILE]
//
// Writes bench/results/spec-check.json and prints the same JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { importBundled, optionReader, root } from './lib/bundle.mjs';

const args = process.argv.slice(2);
const option = optionReader(args);
const nodeCount = Number(option('--nodes', '5000'));
const runs = Number(option('--runs', '7'));
const outFile = resolve(option('--out', join(root, 'bench', 'results', 'spec-check.json')));

/**
 * A branching network of `count` nodes: Input, then blocks of Affine → LIF whose widths vary,
 * where every third block also receives a skip connection from the block two before it (the
 * skip goes through its own Affine, so LIF populations see fan-in and the earlier LIF fan-out),
 * an Affine read-out when one node is left over, and an Output. Weights are seeded generators;
 * neuron parameters are broadcast scalars.
 */
function generateBranchingSpec(count) {
    const widths = [64, 128, 96, 128];
    const lines = ['version: "1.0.8"', 'node:', '  type: NIRGraph', '  nodes:', '    input: {type: Input, shape: [64]}'];
    const edges = [];
    const lifs = [{ name: 'input', width: 64 }];
    let nodes = 1;
    let seed = 0;
    const affine = (name, from, width) => {
        lines.push(`    ${name}:`, '      type: Affine', `      weight: {shape: [${width}, ${from.width}], normal: {mean: 0, std: 0.1, seed: ${++seed}}}`, '      bias: 0');
        edges.push(`    - [${from.name}, ${name}]`);
        nodes++;
    };
    for (let block = 1; nodes + 3 <= count; block++) {
        const width = widths[block % widths.length];
        const previous = lifs[lifs.length - 1];
        const lif = `lif${block}`;
        affine(`fc${block}`, previous, width);
        edges.push(`    - fc${block} -> ${lif}`);
        if (block % 3 === 0 && lifs.length > 2 && nodes + 4 <= count) {
            const skipFrom = lifs[lifs.length - 3];
            affine(`skip${block}`, skipFrom, width);
            edges.push(`    - skip${block} -> ${lif}`);
        }
        lines.push(`    ${lif}:`, '      type: LIF', `      shape: [${width}]`, `      tau: ${(0.01 + (block % 5) * 0.002).toFixed(3)}`, '      r: 1', '      v_leak: 0', '      v_threshold: 1', '      v_reset: 0');
        if (block % 10 === 0) lines.push('      metadata:', '        spinnaker2: {neurons_per_core: 64}');
        nodes++;
        lifs.push({ name: lif, width });
    }
    let last = lifs[lifs.length - 1];
    if (nodes + 2 === count) {
        affine('readout', last, 10);
        last = { name: 'readout', width: 10 };
    }
    lines.push(`    output: {type: Output, shape: [${last.width}]}`);
    edges.push(`    - [${last.name}, output]`);
    nodes++;
    lines.push('  edges:', ...edges, `  metadata: {description: "generated branching network, ${nodes} nodes", time_unit: s}`, '');
    return { text: lines.join('\n'), nodes, edges: edges.length };
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

async function time(fn) {
    const t0 = performance.now();
    const value = await fn();
    return { ms: performance.now() - t0, value };
}

const engineModule = await importBundled('engine/src/index.ts');
const engine = new engineModule.Engine();
const spec = generateBranchingSpec(nodeCount);
const kinds = (type) => engine.registry.nodeKinds.get(type);

// Warm up (JIT), then measure.
for (let i = 0; i < 2; i++) await engine.analyze({ kind: 'spec', text: spec.text }, { target: 'none' });
const parseMs = [];
const analyzeMs = [];
const formatMs = [];
let last;
for (let i = 0; i < runs; i++) {
    const parsed = await time(() => engineModule.parseSpec(spec.text, { nodeKinds: kinds }));
    parseMs.push(parsed.ms);
    const analyzed = await time(() => engine.analyze({ kind: 'spec', text: spec.text }, { target: 'none' }));
    analyzeMs.push(analyzed.ms);
    last = analyzed.value;
    formatMs.push((await time(() => engineModule.formatSpec(parsed.value.document, { nodeKinds: kinds }))).ms);
}

// Memory kept by one parsed document (needs --expose-gc for a precise figure).
const gc = globalThis.gc ?? (() => {});
gc();
const before = process.memoryUsage().heapUsed;
const kept = engineModule.parseSpec(spec.text, { nodeKinds: kinds });
gc();
const documentBytes = process.memoryUsage().heapUsed - before;

const errors = last.problems.filter((p) => p.severity === 'error');
const result = {
    benchmark: 'spec-check',
    date: new Date().toISOString(),
    node: process.version,
    spec: { nodes: spec.nodes, edges: spec.edges, lines: spec.text.split('\n').length, characters: spec.text.length },
    runs,
    parse_ms_median: Number(median(parseMs).toFixed(1)),
    parse_ms_min: Number(Math.min(...parseMs).toFixed(1)),
    analyze_none_ms_median: Number(median(analyzeMs).toFixed(1)),
    analyze_none_ms_min: Number(Math.min(...analyzeMs).toFixed(1)),
    format_ms_median: Number(median(formatMs).toFixed(1)),
    parse_ms_all: parseMs.map((ms) => Number(ms.toFixed(1))),
    analyze_none_ms_all: analyzeMs.map((ms) => Number(ms.toFixed(1))),
    document_heap_mb: globalThis.gc ? Number((documentBytes / 2 ** 20).toFixed(1)) : null,
    rss_mb: Number((process.memoryUsage().rss / 2 ** 20).toFixed(1)),
    load_average: Number((await import('node:os')).loadavg()[0].toFixed(2)),
    problems: last.problems.length,
    errors: errors.length,
    parsed_nodes: kept.document?.root.nodes?.size ?? 0,
};
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
if (errors.length > 0) {
    console.error(`the generated spec has ${errors.length} errors, e.g. ${errors[0].code}: ${errors[0].message}`);
    process.exitCode = 1;
}
