import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, writeNirData, type MappingResult, type Problem } from '../../engine/src/index.js';
import { compileScript, DOUBLE_AVAILABLE, exportTo, runWithDouble, specFile, tempDir, type DoubleReport } from '../helpers/py-spinnaker2-double.js';
import { H5PY_SKIP_REASON } from '../helpers/h5py.js';

// Each case of docs/py-spinnaker2.md's table: what check, map and export (run against the test
// double of py-spinnaker2's API) say about one small graph, and that they agree.

const engine = createEngine();
const LIF = 'tau: 0.02, r: 1, v_leak: 0, v_threshold: 1';
const spec = (nodes: string, edges: string, metadata = '') => `node:\n  type: NIRGraph\n  nodes:\n${nodes}\n  edges:\n${edges}\n${metadata}`;
const edges = (...pairs: [string, string][]) => pairs.map(([a, b]) => `    - [${a}, ${b}]`).join('\n');

interface Through {
    readonly problems: readonly Problem[];
    readonly mapping?: MappingResult;
    readonly code: number;
    readonly stderr: string;
    readonly dir: string;
    readonly report?: DoubleReport;
}

/** Checks and maps a spec as `nirmesh map` does, exports it, and runs the script against the double. */
async function through(text: string, target = 'spinnaker2-board48', ...extra: string[]): Promise<Through> {
    const file = specFile(text);
    const { problems, mapping } = await engine.analyze({ kind: 'spec', text }, { target, categories: ['fast', 'slow'] });
    const dir = tempDir();
    const { code, stderr } = await exportTo(file, dir, '--force', '--target', target, ...extra);
    if (code !== 0) return { problems, mapping, code, stderr, dir };
    compileScript(dir);
    return { problems, mapping, code, stderr, dir, report: runWithDouble(dir) };
}

/** The populations and synapses the script built are the mapping's: model, size, neurons per core, synapse count. */
function expectAgreement(r: Through): void {
    expect(r.code, r.stderr).toBe(0);
    const report = r.report as DoubleReport;
    for (const node of r.mapping?.nodes ?? []) {
        const pop = report.populations.find((p) => p.name === node.name || p.name.endsWith(`.${node.name}`));
        expect(pop, node.name).toBeDefined();
        expect([pop?.model, pop?.size, pop?.max_atoms_per_core]).toEqual([node.model, node.neurons, node.neuronsPerCore]);
        if (node.synapsesExact) {
            const built = report.projections.filter((p) => p.post === pop?.name).reduce((n, p) => n + p.synapses, 0);
            expect(built, `synapses into ${node.name}`).toBe(node.synapsesIn);
        }
    }
}

const quantisation = (r: Through, path: string) => r.problems.find((p) => p.code === 'spinnaker2/weight-quantisation' && p.origin.path === path)?.data as
    { step: number; levels: number } | undefined;
const codes = (r: Through) => r.problems.filter((p) => p.severity === 'error').map((p) => p.code);
const rowsOf = (r: Through, post: string) => (r.report?.projections.find((p) => p.post === post && p.kind === 'connections') as { rows: number[][] } | undefined)?.rows ?? [];

describe.skipIf(!DOUBLE_AVAILABLE)(`py-spinnaker2 rules: check, map and export agree${DOUBLE_AVAILABLE ? '' : ` (${H5PY_SKIP_REASON})`}`, () => {
    const WEIGHTS = '[[1, 0, 0.5, 0.25], [0, 1, 0, 0], [0.5, 0.5, 0.5, -0.75]]';
    const delayed = (steps: number) => spec(
        `    in: {type: Input, shape: [4]}
    fc: {type: Affine, weight: ${WEIGHTS}, bias: 0, metadata: {spinnaker2: {delay: ${steps}}}}
    lif: {type: LIF, shape: [3], ${LIF}}
    out: {type: Output, shape: [3]}`,
        edges(['in', 'fc'], ['fc', 'lif'], ['lif', 'out']),
    );

    it('a projection with a delay runs on lif: weights in ±15, delay field = steps − 1', async () => {
        const r = await through(delayed(3));
        expect(codes(r)).toEqual([]);
        expect(quantisation(r, '/node/nodes/fc/weight')).toMatchObject({ levels: 15, step: 1 / 15 });
        expect(r.mapping?.nodes.map((n) => n.model)).toEqual(['spike_list', 'lif']);
        expectAgreement(r);
        const rows = rowsOf(r, 'lif');
        expect(rows).toEqual([
            [0, 0, 15, 2], [0, 2, 8, 2], [1, 1, 15, 2], [1, 2, 8, 2], [2, 0, 8, 2], [2, 2, 8, 2], [3, 0, 4, 2], [3, 2, -11, 2],
        ]);
        const w = JSON.parse(WEIGHTS) as number[][];
        for (const [pre, post, q] of rows) expect(Math.abs(q / 15 - w[post][pre])).toBeLessThanOrEqual(1 / 30 + 1e-12);
    });

    it('a projection without a delay hint runs on lif_no_delay with ±127; a delay beyond 8 steps is refused by check, map and export', async () => {
        const plain = await through(delayed(1));
        expect(plain.mapping?.nodes[1].model).toBe('lif_no_delay');
        expect(rowsOf(plain, 'lif')[0]).toEqual([0, 0, 127, 0]);
        expectAgreement(plain);
        const far = await through(delayed(9));
        expect(codes(far)).toEqual(['spinnaker2/delay-range']);
        expect(far.code).toBe(1);
        expect(far.stderr).toMatch(/spinnaker2\/delay-range: .* needs a delay of 9 steps .* encodes 1\.\.8 steps/);
    });

    it('one weight scale per population, shared by every projection into it', async () => {
        const r = await through(spec(
            `    a: {type: Input, shape: [2]}
    b: {type: Input, shape: [2]}
    fa: {type: Affine, weight: [[1, 0], [0, 0.5]], bias: 0}
    fb: {type: Affine, weight: [[0.1, 0], [0, 0.05]], bias: 0}
    lif: {type: LIF, shape: [2], ${LIF}}`,
            edges(['a', 'fa'], ['b', 'fb'], ['fa', 'lif'], ['fb', 'lif']),
        ));
        // fb's own largest weight is 0.1, but the population's is 1: its step is 1/127, not 0.1/127.
        expect(quantisation(r, '/node/nodes/fb/weight')).toMatchObject({ levels: 127, step: 1 / 127 });
        expectAgreement(r);
        const fb = r.report?.projections.find((p) => p.pre === 'b') as { rows: number[][] };
        expect(fb.rows.map((row) => row[2])).toEqual([13, 6]);
    });

    it('Conv1d: accepted, mapped and exported as an explicit connection list (from_nir has none)', async () => {
        const r = await through(spec(
            `    in: {type: Input, shape: [2, 8]}
    conv: {type: Conv1d, weight: {shape: [3, 2, 3], uniform: {low: 0.1, high: 1, seed: 3}}, bias: {shape: [3], zeros: true}, stride: 1, padding: 0, dilation: 1, groups: 1, input_shape: 8}
    lif: {type: LIF, shape: [3, 6], ${LIF}}`,
            edges(['in', 'conv'], ['conv', 'lif']),
        ));
        expect(codes(r)).toEqual([]);
        expect(r.problems.find((p) => p.code === 'spinnaker2/from-nir')?.message).toMatch(/no Conv1d/);
        expect(r.mapping?.nodes[1].model).toBe('lif_no_delay');
        expectAgreement(r);
        expect(r.report?.projections[0]).toMatchObject({ kind: 'connections', synapses: 3 * 2 * 3 * 6 });
    });

    it('SumPool2d straight into a neuron layer: accepted (s2_nir create_sumpool2d_projection) and exported', async () => {
        const r = await through(spec(
            `    in: {type: Input, shape: [1, 4, 4]}
    pool: {type: SumPool2d, kernel_size: [2, 2], stride: [2, 2], padding: [0, 0]}
    if1: {type: IF, shape: [1, 2, 2], r: 1, v_threshold: 1}`,
            edges(['in', 'pool'], ['pool', 'if1']),
        ));
        expect(codes(r)).toEqual([]);
        expect(r.problems.some((p) => p.code === 'spinnaker2/from-nir')).toBe(false);
        expectAgreement(r);
        expect(rowsOf(r, 'if1').map((row) => row[2])).toEqual(new Array(16).fill(127));
    });

    it('Flatten → Linear and a population → Flatten → Affine: exported, with from_nir\'s refusal as a hint and a quick fix', async () => {
        const r = await through(spec(
            `    in: {type: Input, shape: [1, 2, 2]}
    flat: {type: Flatten, start_dim: 0, end_dim: -1}
    fc: {type: Linear, weight: {shape: [3, 4], uniform: {low: -1, high: 1, seed: 5}}}
    lif1: {type: LIF, shape: [3], ${LIF}}
    fc2: {type: Affine, weight: {shape: [2, 3], ones: true}, bias: 0}
    lif2: {type: LIF, shape: [2], ${LIF}}`,
            edges(['in', 'flat'], ['flat', 'fc'], ['fc', 'lif1'], ['lif1', 'fc2'], ['fc2', 'lif2']),
        ));
        const hints = r.problems.filter((p) => p.code === 'spinnaker2/from-nir');
        expect(hints.map((p) => p.data)).toEqual([{ fix: 'linear-to-affine', node: '/node/nodes/fc' }, undefined]);
        expect(hints[1].message).toMatch(/discards the edge from 'in' into Flatten 'flat'/);
        expectAgreement(r);
        expect(r.report?.projections.map((p) => p.synapses)).toEqual([12, 6]);
    });

    it('Affine and convolution biases fold into i_offset × the weight scale (a conv bias per output channel)', async () => {
        const r = await through(spec(
            `    in: {type: Input, shape: [1, 3, 3]}
    conv: {type: Conv2d, weight: {shape: [2, 1, 2, 2], constant: 0.5}, bias: [1, -1], stride: 1, padding: 0, dilation: 1, groups: 1, input_shape: [3, 3]}
    if1: {type: IF, shape: [2, 2, 2], r: 1, v_threshold: 1}
    flat: {type: Flatten, start_dim: 0, end_dim: -1}
    fc: {type: Affine, weight: {shape: [2, 8], constant: 0.25}, bias: [0.5, -0.25]}
    lif: {type: LIF, shape: [2], tau: 0.02, r: 1, v_leak: 0, v_threshold: 1}`,
            edges(['in', 'conv'], ['conv', 'if1'], ['if1', 'flat'], ['flat', 'fc'], ['fc', 'lif']),
        ));
        expect(codes(r)).toEqual([]);
        expect(r.mapping?.nodes.map((n) => n.model)).toEqual(['spike_list', 'lif_conv2d', 'lif_no_delay']);
        expectAgreement(r);
        const pop = (name: string) => r.report?.populations.find((p) => p.name === name);
        // Conv: scale 127 / 0.5 = 254; the bias of channel 0 covers its 2 × 2 map, channel 1 the next.
        expect(pop('if1')?.params.i_offset).toEqual([254, 254, 254, 254, -254, -254, -254, -254]);
        // Affine: scale 127 / 0.25 = 508.
        expect(pop('lif')?.params.i_offset).toEqual([254, -127]);
        const conv = r.report?.projections.find((p) => p.kind === 'conv2d') as { kernel: number[][][][]; conv_params: Record<string, number> };
        expect(conv.kernel.flat(3)).toEqual(new Array(8).fill(127));
        expect(conv.conv_params).toMatchObject({ in_height: 3, in_width: 3, stride_x: 1, pool_x: 1, pad_top: 0 });
    });

    it('reset to v_reset, the initial v_leak and the graph\'s dt reach the exported parameters', async () => {
        const r = await through(spec(
            `    in: {type: Input, shape: [1]}
    fc: {type: Affine, weight: [[2]], bias: 0}
    lif: {type: LIF, shape: [1], tau: 0.01, r: 2, v_leak: 0.1, v_threshold: 1, v_reset: 0.2}`,
            edges(['in', 'fc'], ['fc', 'lif']),
            '  metadata: {dt: 0.0005}\n',
        ));
        const params = r.report?.populations.find((p) => p.name === 'lif')?.params ?? {};
        const alpha = Math.exp(-0.05);
        const vScale = (127 / 2) / ((1 - alpha) * 2);
        expect(params.reset).toBe('reset_to_v_reset');
        // dt is read as written (float32 in the spec's metadata), so compare to 8 digits.
        expect(params.alpha_decay).toBeCloseTo(alpha, 8);
        expect((params.threshold as number) / vScale).toBeCloseTo(1, 6);
        expect((params.v_reset as number) / vScale).toBeCloseTo(0.2, 6);
        expect((params.v_init as number) / vScale).toBeCloseTo(0.1, 6);
        expect((params.i_offset as number) / vScale).toBeCloseTo((1 - alpha) * 0.1, 6);
    });

    it('a nested NIRGraph: mapped and exported flat, with from_nir\'s refusal as a hint and a flatten quick fix', async () => {
        const r = await through(spec(
            `    in: {type: Input, shape: [2]}
    fc_in: {type: Affine, weight: [[1, 0.5], [0.25, 1], [0, 1]], bias: [0, 0, 0.1]}
    cell:
      type: NIRGraph
      nodes:
        x: {type: Input, shape: [3]}
        neurons: {type: IF, shape: [3], r: 1, v_threshold: 1}
        loop: {type: Affine, weight: {shape: [3, 3], uniform: {low: -1, high: 1, seed: 9}}, bias: 0}
        y: {type: Output, shape: [3]}
      edges: [[x, neurons], [neurons, loop], [loop, neurons], [neurons, y]]`,
            edges(['in', 'fc_in'], ['fc_in', 'cell']),
        ));
        expect(r.problems.find((p) => p.code === 'spinnaker2/from-nir')?.data).toEqual({ fix: 'flatten-graph', node: '/node/nodes/cell' });
        expectAgreement(r);
        expect(r.report?.projections.map((p) => `${p.pre}→${p.post}:${p.synapses}`)).toEqual(['in→neurons:5', 'neurons→neurons:9']);
    });

    it('application PEs: 148 per SpiNNaker2 chip (7,104 on the 48-node board), 16 per SpiNNaker1 chip', async () => {
        const small = delayed(1);
        const limits = async (target: string) => (await engine.analyze({ kind: 'spec', text: small }, { target, categories: ['fast', 'slow'] })).mapping?.limits;
        expect((await limits('spinnaker2-chip'))?.pes).toBe(148);
        expect((await limits('spinnaker2-board48'))?.pes).toBe(7104);
        expect((await limits('spinnaker1-board48'))?.pesPerChip).toBe(16);
    });

    it('SpiNNaker1: a 100-step delay is within reach of its delay extensions', async () => {
        const { problems } = await engine.analyze({ kind: 'spec', text: delayed(100) }, { target: 'spinnaker1-board48', categories: ['fast', 'slow'] });
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    });

    it('spike_list inputs: the spike times are budgeted on the PE and exported from a run input file; table entries are 4 words', async () => {
        const text = delayed(1);
        const r0 = await engine.analyze({ kind: 'spec', text }, { target: 'spinnaker2-chip', categories: ['fast', 'slow'], steps: 1000 });
        const [input, lif] = r0.mapping?.nodes ?? [];
        // 4 neurons × (8 B + 10 expected spikes at 10 Hz over 1,000 steps of 1 ms × 4 B).
        expect(input.sramBreakdown?.neurons).toBe(4 * (8 + 40));
        expect(lif.sramBreakdown?.populationTable).toBe(16);
        const data = await writeNirData({
            kind: 'graph',
            nodes: new Map([['in', { kind: 'node', observables: new Map([['spikes', {
                kind: 'event', nNeurons: 4, tMax: 0.01, idx: BigInt64Array.of(0n, 3n, 3n), time: Float64Array.of(0.001, 0.002, 0.0055),
            }]]) }]]),
        });
        const inputFile = join(tempDir(), 'input.h5');
        writeFileSync(inputFile, data.bytes as Uint8Array);
        const r = await through(text, 'spinnaker2-chip', '--input', inputFile);
        expectAgreement(r);
        expect(r.report?.populations.find((p) => p.name === 'in')?.spikes).toBe(3);
        const spikes = readFileSync(join(r.dir, 'inputs', 'population_0.npy'));
        // The (neuron, step) pairs after the 128-byte header: steps ⌊t / 1 ms⌋.
        expect([...new Int32Array(spikes.buffer.slice(spikes.byteOffset + 128, spikes.byteOffset + spikes.length))]).toEqual([0, 1, 3, 2, 3, 5]);
    });
});
