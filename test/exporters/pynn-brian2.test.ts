import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliIn } from '../helpers/run-cli-in.js';
import { PYNN_AVAILABLE, PYNN_SKIP_REASON, PYTHON, runExported, spikeSets } from '../helpers/pynn.js';

// Exported networks run for real on PyNN's Brian2 backend and are compared, neuron for neuron and
// tick for tick, with NIRmesh's own simulator (--numerics exact) driven by the same input spikes.
// docs/pynn.md states why the spike trains agree exactly on Brian2 for LIF and CubaLIF.

const ROOT = join(import.meta.dirname, '..', '..');
/** Non-spiking types: run.py records their v and counts no spikes. */
const READOUTS = ['LI', 'I', 'CubaLI'];
const CUBA = `node:
  type: NIRGraph
  nodes:
    input: {type: Input, shape: [20]}
    fc1: {type: Affine, weight: {shape: [30, 20], normal: {mean: 0.6, std: 0.5, seed: 3}}, bias: 0.2}
    cuba1: {type: CubaLIF, shape: [30], tau_syn: 0.005, tau_mem: 0.01, r: 1, v_leak: 0, v_threshold: 1, v_reset: 0, w_in: 1}
    fc2: {type: Linear, weight: {shape: [10, 30], normal: {mean: 0.4, std: 0.6, seed: 4}}}
    cuba2: {type: CubaLIF, shape: [10], tau_syn: 0.002, tau_mem: 0.02, r: 1, v_leak: 0, v_threshold: 1, v_reset: 0, w_in: 1}
    rec: {type: Linear, weight: {shape: [10, 10], uniform: {low: -0.5, high: 0.3, seed: 5}}}
    out: {type: Output, shape: [10]}
  edges: [input -> fc1, fc1 -> cuba1, cuba1 -> fc2, fc2 -> cuba2, cuba2 -> rec, rec -> cuba2, cuba2 -> out]
`;

const READOUT = `node:
  type: NIRGraph
  nodes:
    input: {type: Input, shape: [10]}
    fc1: {type: Affine, weight: {shape: [8, 10], normal: {mean: 0.3, std: 0.4, seed: 7}}, bias: 0.5}
    hidden: {type: IF, shape: [8], r: 1, v_threshold: 0.05, v_reset: 0}
    fc2: {type: Linear, weight: {shape: [3, 8], uniform: {low: -0.5, high: 1.0, seed: 8}}}
    out: {type: LI, shape: [3], tau: 0.02, r: 1, v_leak: 0}
  edges: [input -> fc1, fc1 -> hidden, hidden -> fc2, fc2 -> out]
`;

/** The largest difference between the \`v\` a node has in two NIRData files (TimeGriddedData), and the largest |v|. */
function vDifference(a: string, b: string, node: string): { diff: number; max: number } {
    const script = 'import h5py, numpy as np, sys, json\n'
        + 'x, y = (np.asarray(h5py.File(f)["nodes/" + sys.argv[3] + "/observables/v/data"]) for f in sys.argv[1:3])\n'
        + 'print(json.dumps({"diff": float(np.abs(x - y).max()) if x.shape == y.shape else 1e9, "max": float(np.abs(x).max())}))';
    return JSON.parse(execFileSync(PYTHON, ['-c', script, a, b, node], { encoding: 'utf-8' })) as { diff: number; max: number };
}

interface Compared {
    readonly dir: string;
    readonly refFile: string;
    readonly traceFile: string;
    readonly stdout: string;
    readonly counts: Record<string, number>;
    readonly ref: Map<string, Set<string>>;
    readonly pynn: Map<string, Set<string>>;
}

/** Runs FILE in NIRmesh (exact) with Poisson input, exports it to PyNN, runs that on Brian2 with the same input spikes, and reads both traces back. */
async function runBoth(file: string, steps: number, rate: number, ...extra: string[]): Promise<Compared> {
    const dir = mkdtempSync(join(tmpdir(), 'nirmesh-pynn-'));
    const ref = join(dir, 'ref.h5');
    const run = await runCliIn(ROOT, 'run', file, '--target', 'none', '--numerics', 'exact', '--poisson', `input=${rate}`, '--steps', String(steps), '--out', ref, '--json', ...extra);
    expect(run.code, run.stderr).toBe(0);
    const out = join(dir, 'export');
    const exported = await runCliIn(ROOT, 'export', file, '--to', 'pynn', '--out', out);
    expect(exported.code, exported.stderr).toBe(0);
    execFileSync(PYTHON, ['-m', 'py_compile', join(out, 'run.py')]);
    const result = await runExported(out, ['--backend', 'brian2', '--steps', String(steps), '--input', ref]);
    expect(result).toMatchObject({ backend: 'brian2', np: 1, steps, dt_ms: 1 });
    expect(result.peak_rss_mb).toHaveLength(1);
    expect(existsSync(join(out, 'trace.h5'))).toBe(true);
    const nodes = (JSON.parse(run.stdout) as { nodes: { name: string; type: string; spikes: number }[] }).nodes;
    for (const node of nodes.filter((n) => !READOUTS.includes(n.type))) expect(result.spikes[node.name], node.name).toBe(node.spikes);
    return {
        dir, refFile: ref, traceFile: join(out, 'trace.h5'),
        stdout: exported.stdout,
        counts: Object.fromEntries(nodes.map((n) => [n.name, n.spikes])),
        ref: await spikeSets(ref, 0.001),
        pynn: await spikeSets(join(out, 'trace.h5'), 0.001),
    };
}

describe.skipIf(!PYNN_AVAILABLE)(`pynn export on Brian2${PYNN_AVAILABLE ? '' : ` (${PYNN_SKIP_REASON})`}`, () => {
    it('runs examples/ff-lif-classifier.nir.yaml with the same spike trains as NIRmesh (LIF → IF_curr_delta)', async () => {
        const r = await runBoth(join(ROOT, 'examples', 'ff-lif-classifier.nir.yaml'), 200, 150);
        expect(r.stdout).toContain("warning export/approximation: 'lif1' (LIF): On backends without IF_curr_delta");
        expect(r.counts.lif1).toBeGreaterThan(100);
        expect([...r.pynn.keys()].sort()).toEqual(['input', 'lif1', 'lif2']);
        for (const node of ['input', 'lif1', 'lif2']) expect([...(r.pynn.get(node) ?? [])].sort(), node).toEqual([...(r.ref.get(node) ?? [])].sort());
    }, 900_000);

    it('runs a recurrent CubaLIF network with biases with the same spike trains as NIRmesh (CubaLIF → IF_curr_exp)', async () => {
        const file = join(mkdtempSync(join(tmpdir(), 'nirmesh-cuba-')), 'cuba.nir.yaml');
        writeFileSync(file, CUBA);
        const r = await runBoth(file, 300, 200);
        expect(r.counts.cuba1).toBeGreaterThan(500);
        expect(r.counts.cuba2).toBeGreaterThan(50);
        for (const node of ['cuba1', 'cuba2']) expect([...(r.pynn.get(node) ?? [])].sort(), node).toEqual([...(r.ref.get(node) ?? [])].sort());
    }, 900_000);

    it('runs an IF layer with the same spikes and records an LI readout\'s v as NIRmesh probes it (IF → IF_curr_delta without leak, LI never fires)', async () => {
        const file = join(mkdtempSync(join(tmpdir(), 'nirmesh-readout-')), 'readout.nir.yaml');
        writeFileSync(file, READOUT);
        const r = await runBoth(file, 100, 100, '--probe', 'out');
        expect(r.counts.hidden).toBeGreaterThan(3);
        expect([...(r.pynn.get('hidden') ?? [])].sort()).toEqual([...(r.ref.get('hidden') ?? [])].sort());
        const v = vDifference(r.refFile, r.traceFile, 'out');
        expect(v.max).toBeGreaterThan(0.01);
        expect(v.diff).toBeLessThan(1e-6);
    }, 900_000);
});
