import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type ExportResult } from '../../engine/src/index.js';
import { PYNN_EXPORTER } from '../../engine/src/exporters/pynn/index.js';
import { pynnNetwork, type PynnNetwork } from '../../engine/src/exporters/pynn/network.js';
import { readNpy } from '../../engine/src/nir/npy.js';
import { runCliIn } from '../helpers/run-cli-in.js';

// The pure side of the PyNN exporter: units, the sign split, the order of the connection files,
// delays, biases, what it refuses, and the approximations it reports (docs/pynn.md).

const engine = createEngine();
const graph = (nodes: string, edges: string, metadata = '') => `node:\n  type: NIRGraph\n  nodes:\n${nodes}\n  edges: [${edges}]\n${metadata}`;

async function analysed(text: string) {
    const { analysis, problems } = await engine.analyze({ kind: 'spec', text }, { target: 'none', categories: ['fast'] });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    if (!analysis) throw new Error('no analysis');
    return analysis;
}

async function network(text: string, timeUnit?: 's' | 'ms'): Promise<PynnNetwork> {
    const built = pynnNetwork({ analysis: await analysed(text), sourceName: 'net.nir.yaml', steps: 100, timeUnit, neuronModels: engine.registry.neuronModels });
    expect(built.problems).toEqual([]);
    if (!built.network) throw new Error('no network');
    return built.network;
}

async function exported(text: string): Promise<ExportResult> {
    return PYNN_EXPORTER.export({ analysis: await analysed(text), sourceName: 'net.nir.yaml', steps: 100, neuronModels: engine.registry.neuronModels });
}

const LIF = 'tau: 0.02, r: 1, v_leak: -0.5, v_threshold: 1, v_reset: 0';
const rowsOf = (net: PynnNetwork, receptor: string) => {
    const p = net.projections.find((x) => x.receptor === receptor);
    return p ? Array.from(p.preIndex, (pre, k) => [pre, p.postIndex[k], p.weight[k]]) : [];
};

describe('pynn exporter: the network it writes', () => {
    it('converts time constants to ms from the graph\'s unit and takes dt from metadata.dt', async () => {
        const seconds = await network(graph(`    in: {type: Input, shape: [2]}\n    lif: {type: LIF, shape: [2], ${LIF}}`, 'in -> lif', '  metadata: {dt: 0.0005}'));
        expect(seconds.dtMs).toBe(0.5);
        expect(seconds.msPerUnit).toBe(1000);
        expect(seconds.populations[1].params).toMatchObject({ tau: expect.closeTo(20, 5), r: 1, v_leak: -0.5, v_threshold: 1, v_reset: 0 });
        const ms = await network(graph(`    in: {type: Input, shape: [2]}\n    cuba: {type: CubaLIF, shape: [2], tau_syn: [5, 6], tau_mem: 20, r: 1, v_leak: 0, v_threshold: 1, w_in: 2}`, 'in -> cuba', '  metadata: {time_unit: ms, dt: 0.25}'), 'ms');
        expect(ms.dtMs).toBe(0.25);
        expect(ms.msPerUnit).toBe(1);
        expect(ms.populations[1].params).toMatchObject({ tau_syn: [5, 6], tau_mem: 20, w_in: 2, v_reset: 0 });
        expect(ms.populations[1].model).toMatchObject({ synapse: 'current', leaky: true, spiking: true });
    });

    it('splits a weight matrix by sign into an excitatory and an inhibitory projection, each sorted by post neuron then pre neuron', async () => {
        const net = await network(graph(
            `    in: {type: Input, shape: [3]}\n    fc: {type: Affine, weight: [[1, -2, 0], [0.5, 0, -1], [0, 3, 4]], bias: [0.5, 0, -0.25]}\n    lif: {type: LIF, shape: [3], ${LIF}}`,
            'in -> fc, fc -> lif',
        ));
        expect(rowsOf(net, 'excitatory')).toEqual([[0, 0, 1], [0, 1, 0.5], [1, 2, 3], [2, 2, 4]]);
        expect(rowsOf(net, 'inhibitory')).toEqual([[1, 0, -2], [2, 1, -1]]);
        expect(net.projections.every((p) => p.pre === 'in' && p.post === 'lif' && p.via.join() === 'fc' && !p.extraDelayMs)).toBe(true);
        expect(net.populations[1].bias).toEqual([0.5, 0, -0.25]);
    });

    it('sends the weights into a neuron with negative r to the other receptor (PyNN\'s weight is r·w)', async () => {
        const net = await network(graph(
            `    in: {type: Input, shape: [2]}\n    fc: {type: Linear, weight: [[1, -1], [1, -1]]}\n    lif: {type: LIF, shape: [2], tau: 0.02, r: [1, -1], v_leak: 0, v_threshold: 1}`,
            'in -> fc, fc -> lif',
        ));
        expect(rowsOf(net, 'excitatory')).toEqual([[0, 0, 1], [1, 1, -1]]);
        expect(rowsOf(net, 'inhibitory')).toEqual([[1, 0, -1], [0, 1, 1]]);
    });

    it('keeps a Delay node\'s delay beyond NIR\'s one tick, in ms, and nothing for undelayed edges', async () => {
        const net = await network(graph(
            `    in: {type: Input, shape: [2]}\n    fc: {type: Linear, weight: [[1, 0], [0, 1]]}\n    d: {type: Delay, delay: [0.003, 0.003]}\n    lif: {type: LIF, shape: [2], ${LIF}}`,
            'in -> fc, fc -> d, d -> lif',
        ));
        expect(Array.from(net.projections[0].extraDelayMs ?? [])).toEqual([3, 3]);
    });

    it('writes one_to_one connectivity as the explicit rows NIRmesh simulates', async () => {
        const net = await network(graph(
            `    in: {type: Input, shape: [4]}\n    fc: {type: Linear, weight: {shape: [4, 4], one_to_one: 0.5}}\n    lif: {type: LIF, shape: [4], ${LIF}}`,
            'in -> fc, fc -> lif',
        ));
        expect(rowsOf(net, 'excitatory')).toEqual([[0, 0, 0.5], [1, 1, 0.5], [2, 2, 0.5], [3, 3, 0.5]]);
    });
});

describe('pynn exporter: files and problems', () => {
    it('writes run.py, network.json, a README and one .npy per column, connections sorted by post neuron', async () => {
        const result = await exported(graph(
            `    in: {type: Input, shape: [3]}\n    fc: {type: Affine, weight: [[1, -2, 0], [0.5, 0, -1], [0, 3, 4]], bias: 0}\n    hidden: {type: IF, shape: [3], r: 1, v_threshold: 1, v_reset: 0}\n    fc2: {type: Linear, weight: [[1, 1, 1]]}\n    out: {type: LI, shape: [1], tau: 0.01, r: 1, v_leak: 0}`,
            'in -> fc, fc -> hidden, hidden -> fc2, fc2 -> out',
        ));
        const paths = result.files.map((f) => f.path).sort();
        expect(paths).toEqual([
            'README.md',
            ...['0_excitatory', '1_inhibitory', '2_excitatory'].flatMap((p) => ['post', 'pre', 'weight'].map((c) => `connections/projection_${p}.${c}.npy`)),
            'network.json', 'run.py',
        ]);
        const file = (path: string) => result.files.find((f) => f.path === path)?.contents;
        const json = JSON.parse(String(file('network.json'))) as { populations: { name: string; model: unknown }[]; projections: { receptor: string; synapses: number }[] };
        expect(json.populations.map((p) => [p.name, p.model])).toEqual([
            ['in', null], ['hidden', { synapse: 'delta', leaky: false, spiking: true }], ['out', { synapse: 'delta', leaky: true, spiking: false }],
        ]);
        expect(json.projections.map((p) => [p.receptor, p.synapses])).toEqual([['excitatory', 4], ['inhibitory', 2], ['excitatory', 3]]);
        const post = readNpy(file('connections/projection_0_excitatory.post.npy') as Uint8Array);
        expect([post.array?.dtype, Array.from(post.array?.data as Int32Array)]).toEqual(['int32', [0, 1, 2, 2]]);
        const messages = result.problems.map((p) => `${p.code} ${p.severity} ${p.origin.path}: ${p.message}`);
        expect(messages).toContainEqual(expect.stringMatching(/^export\/approximation warning \/node\/nodes\/hidden: 'hidden' \(IF\): NIR's integrator has no leak .* tau_m is 1e9 ms/));
        expect(messages).toContainEqual(expect.stringMatching(/^export\/approximation warning \/node\/nodes\/out: 'out' \(LI\): A non-spiking node runs as a cell whose threshold is 1e9 mV/));
        expect(messages).toContainEqual(expect.stringMatching(/^export\/approximation warning \/node: NIR delivers a spike one tick after it is sent/));
        const readme = String(file('README.md'));
        for (const p of result.problems) expect(readme).toContain(p.message);
    });

    it('refuses a non-spiking node that feeds another node, and a Threshold node, with the node as origin', async () => {
        const result = await exported(graph(
            `    in: {type: Input, shape: [2]}\n    li: {type: LI, shape: [2], tau: 0.01, r: 1, v_leak: 0}\n    fc: {type: Linear, weight: [[1, 1]]}\n    th: {type: Threshold, shape: [1], threshold: 0.5}`,
            'in -> li, li -> fc, fc -> th',
        ));
        expect(result.files).toEqual([]);
        expect(result.problems.map((p) => [p.code, p.severity, p.origin.path])).toEqual([
            ['export/cannot-write', 'error', '/node/nodes/li'], ['export/cannot-write', 'error', '/node/nodes/th/type'],
        ]);
    });

    it('nirmesh export --to pynn takes no target, and writes the input it is given as input.nirdata.h5', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'nirmesh-pynn-cli-'));
        const file = join(dir, 'net.nir.yaml');
        writeFileSync(file, graph(`    in: {type: Input, shape: [2]}\n    fc: {type: Linear, weight: [[2, 0], [0, 2]]}\n    lif: {type: LIF, shape: [2], ${LIF}}`, 'in -> fc, fc -> lif'));
        const refused = await runCliIn(dir, 'export', file, '--to', 'pynn', '--out', 'a', '--target', 'spinnaker2-chip');
        expect([refused.code, refused.stderr]).toEqual([2, 'nirmesh: export: pynn does not map the network onto a target; drop --target\n']);
        const run = await runCliIn(dir, 'run', file, '--target', 'none', '--poisson', 'in=500', '--steps', '20', '--out', 'in.h5');
        expect(run.code, run.stderr).toBe(0);
        const written = await runCliIn(dir, 'export', file, '--to', 'pynn', '--out', 'b', '--input', 'in.h5', '--steps', '20');
        expect(written.code, written.stderr).toBe(0);
        expect(written.stdout).toMatch(/wrote 7 files to b \(PyNN script\)/);
        const inputs = await runCliIn(dir, 'run', file, '--target', 'none', '--input', join('b', 'input.nirdata.h5'), '--steps', '20', '--json');
        const again = await runCliIn(dir, 'run', file, '--target', 'none', '--input', 'in.h5', '--steps', '20', '--json');
        const counts = (out: string) => (JSON.parse(out) as { nodes: { name: string; spikes: number }[] }).nodes.map((n) => [n.name, n.spikes]);
        expect(counts(inputs.stdout)).toEqual(counts(again.stdout));
        expect(counts(inputs.stdout)[0][1]).toBeGreaterThan(5);
    });
});
