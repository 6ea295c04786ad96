import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, createEngine, flattenNestedGraph, writeNirData, type MappingResult, type Problem } from '../../engine/src/index.js';
import { compileScript, DOUBLE_AVAILABLE, exportTo, runWithDouble, specFile, tempDir, type DoubleReport } from '../helpers/py-spinnaker2-double.js';
import { H5PY_SKIP_REASON } from '../helpers/h5py.js';
import { runEngine } from '../conformance/reference-harness.js';

// Each case of docs/py-spinnaker2.md's table: what check, map, the simulator's hardware numerics
// and export (run against the test double of py-spinnaker2's API) say about one small graph, and
// that they agree.

const engine = createEngine();
const LIF = 'tau: 0.02, r: 1, v_leak: 0, v_threshold: 1';
/** What one unit of input moves a LIF of `LIF` from rest in one 1 ms step: r·(1 − e^(−dt/τ)). */
const LIF_GAIN = 1 - Math.exp(-0.001 / 0.02);
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

/** One input spike into a population at rest, under both numerics, with the post population's `v` probed every tick. */
interface Kick {
    readonly input: string;
    readonly neuron: number;
    readonly tick: number;
    readonly post: string;
    /** What one unit of input moves `v` from rest: r·(1 − e^(−dt/τ)) for LIF, r·dt for IF. */
    readonly gain: number;
    /** The weight one exported level stands for. */
    readonly step: number;
}

/** The kick's effect on `v` of `kick.post` per tick (the run with it less the run without, so biases cancel), under each numerics. */
async function kicked(text: string, target: string, kick: Pick<Kick, 'input' | 'neuron' | 'tick' | 'post'>, steps = 12): Promise<Record<Numerics, number[][]>> {
    const run = async (numerics: Numerics) => {
        const probe = async (times: number[]) => (await runEngine(text, target, {
            steps, numerics, inputs: [{ node: kick.input, idx: Int32Array.from(times, () => kick.neuron), time: Float64Array.from(times) }], probes: [{ node: kick.post }],
        })).probes[kick.post];
        const [base, with1] = [await probe([]), await probe([kick.tick * 0.001])];
        return with1.map((row, t) => row.map((x, j) => x - base[t][j]));
    };
    return { exact: await run('exact'), hardware: await run('hardware') };
}

type Numerics = 'exact' | 'hardware';

/** The first tick at which the kick moved `v`. */
const arrival = (v: number[][]) => v.findIndex((row) => row.some((x) => x !== 0));

/**
 * Simulate and export agree: under hardware numerics the kick reaches each post neuron at the
 * exported rows' delay (field + 1 steps) with the exported integer weights × step, and not
 * before; returns the tick it arrived and the hardware and exact `v` then.
 */
async function expectRunFollowsExport(r: Through, text: string, kick: Kick, target = 'spinnaker2-board48'): Promise<{ at: number; hardware: number[]; exact: number[] }> {
    const projection = r.report?.projections.find((p) => p.pre === kick.input && p.post === kick.post);
    const rows = (projection?.kind === 'connections' ? projection.rows ?? [] : []).filter((row) => row[0] === kick.neuron);
    expect(rows.length).toBeGreaterThan(0);
    const fields = new Set(rows.map((row) => row[3]));
    expect(fields.size).toBe(1);
    const runs = await kicked(text, target, kick);
    const at = kick.tick + [...fields][0] + 1;
    expect(arrival(runs.hardware)).toBe(at);
    expect(arrival(runs.exact)).toBe(kick.tick + 1);
    const expected = new Array<number>(runs.hardware[at].length).fill(0);
    for (const [, post, q] of rows) expected[post] += q * kick.step * kick.gain;
    runs.hardware[at].forEach((x, j) => expect(x, `${kick.post}[${j}]`).toBeCloseTo(expected[j], 6));
    return { at, hardware: runs.hardware[at], exact: runs.exact[kick.tick + 1] };
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
        // record is always written: py-spinnaker2 records spikes when it is left out, which the mapping did not budget for 'in'.
        expect(r.report?.populations.map((p) => [p.name, p.record])).toEqual([['in', []], ['lif', ['spikes']]]);
        const rows = rowsOf(r, 'lif');
        expect(rows).toEqual([
            [0, 0, 15, 2], [0, 2, 8, 2], [1, 1, 15, 2], [1, 2, 8, 2], [2, 0, 8, 2], [2, 2, 8, 2], [3, 0, 4, 2], [3, 2, -11, 2],
        ]);
        const w = JSON.parse(WEIGHTS) as number[][];
        for (const [pre, post, q] of rows) expect(Math.abs(q / 15 - w[post][pre])).toBeLessThanOrEqual(1 / 30 + 1e-12);
        // The simulator: a spike of input 3 in step 2 arrives 3 steps later (exact: 1), at 4/15 and −11/15.
        const kick = await expectRunFollowsExport(r, delayed(3), { input: 'in', neuron: 3, tick: 2, post: 'lif', gain: LIF_GAIN, step: 1 / 15 });
        expect(kick.at).toBe(5);
        expect(kick.exact.map((x) => x / LIF_GAIN)).toEqual([expect.closeTo(0.25, 6), 0, expect.closeTo(-0.75, 6)]);
        expect(kick.hardware.map((x) => x / LIF_GAIN)).toEqual([expect.closeTo(4 / 15, 6), 0, expect.closeTo(-11 / 15, 6)]);
    });

    it('a projection without a delay hint runs on lif_no_delay with ±127; a delay beyond 8 steps is refused by check, map and export', async () => {
        const plain = await through(delayed(1));
        expect(plain.mapping?.nodes[1].model).toBe('lif_no_delay');
        expect(rowsOf(plain, 'lif')[0]).toEqual([0, 0, 127, 0]);
        expectAgreement(plain);
        expect((await expectRunFollowsExport(plain, delayed(1), { input: 'in', neuron: 3, tick: 2, post: 'lif', gain: LIF_GAIN, step: 1 / 127 })).at).toBe(3);
        const far = await through(delayed(9));
        expect(codes(far)).toEqual(['spinnaker2/delay-range']);
        expect(far.code).toBe(1);
        expect(far.stderr).toMatch(/spinnaker2\/delay-range: .* needs a delay of 9 steps .* encodes 1\.\.8 steps/);
        // Run anyway (ignoreFit), the simulator clips the delay to what the 3-bit field holds: 8 steps.
        const runs = await kicked(delayed(9), 'spinnaker2-board48', { input: 'in', neuron: 0, tick: 1, post: 'lif' });
        expect([arrival(runs.exact), arrival(runs.hardware)]).toEqual([2, 9]);
    });

    const SHARED_SCALE = spec(
        `    a: {type: Input, shape: [2]}
    b: {type: Input, shape: [2]}
    fa: {type: Affine, weight: [[1, 0], [0, 0.5]], bias: 0}
    fb: {type: Affine, weight: [[0.1, 0], [0, 0.05]], bias: 0}
    lif: {type: LIF, shape: [2], ${LIF}}`,
        edges(['a', 'fa'], ['b', 'fb'], ['fa', 'lif'], ['fb', 'lif']),
    );

    it('one weight scale per population, shared by every projection into it', async () => {
        const r = await through(SHARED_SCALE);
        // fb's own largest weight is 0.1, but the population's is 1: its step is 1/127, not 0.1/127.
        expect(quantisation(r, '/node/nodes/fb/weight')).toMatchObject({ levels: 127, step: 1 / 127 });
        expectAgreement(r);
        const fb = r.report?.projections.find((p) => p.pre === 'b') as { rows: number[][] };
        expect(fb.rows.map((row) => row[2])).toEqual([13, 6]);
        // The simulator stores fb's 0.05 as 6 levels of 1/127, not 127 levels of its own.
        const kick = await expectRunFollowsExport(r, SHARED_SCALE, { input: 'b', neuron: 1, tick: 1, post: 'lif', gain: LIF_GAIN, step: 1 / 127 });
        expect([kick.exact[1], kick.hardware[1]].map((x) => x / LIF_GAIN)).toEqual([expect.closeTo(0.05, 6), expect.closeTo(6 / 127, 6)]);
    });

    it('Conv1d: accepted, mapped and exported as an explicit connection list (from_nir has none)', async () => {
        const text = spec(
            `    in: {type: Input, shape: [2, 8]}
    conv: {type: Conv1d, weight: {shape: [3, 2, 3], uniform: {low: 0.1, high: 1, seed: 3}}, bias: {shape: [3], zeros: true}, stride: 1, padding: 0, dilation: 1, groups: 1, input_shape: 8}
    lif: {type: LIF, shape: [3, 6], ${LIF}}`,
            edges(['in', 'conv'], ['conv', 'lif']),
        );
        const r = await through(text);
        expect(codes(r)).toEqual([]);
        expect(r.problems.find((p) => p.code === 'spinnaker2/from-nir')?.message).toMatch(/no Conv1d/);
        expect(r.mapping?.nodes[1].model).toBe('lif_no_delay');
        expectAgreement(r);
        expect(r.report?.projections[0]).toMatchObject({ kind: 'connections', synapses: 3 * 2 * 3 * 6 });
        // The simulator: the same 18 synapses of input 0, on the population's grid.
        const { step } = quantisation(r, '/node/nodes/conv/weight') ?? { step: 0 };
        await expectRunFollowsExport(r, text, { input: 'in', neuron: 0, tick: 1, post: 'lif', gain: LIF_GAIN, step });
    });

    it('SumPool2d straight into a neuron layer: accepted (s2_nir create_sumpool2d_projection) and exported', async () => {
        const text = spec(
            `    in: {type: Input, shape: [1, 4, 4]}
    pool: {type: SumPool2d, kernel_size: [2, 2], stride: [2, 2], padding: [0, 0]}
    if1: {type: IF, shape: [1, 2, 2], r: 1, v_threshold: 1}`,
            edges(['in', 'pool'], ['pool', 'if1']),
        );
        const r = await through(text);
        expect(codes(r)).toEqual([]);
        expect(r.problems.some((p) => p.code === 'spinnaker2/from-nir')).toBe(false);
        expectAgreement(r);
        expect(rowsOf(r, 'if1').map((row) => row[2])).toEqual(new Array(16).fill(127));
        // The simulator sums the window into the neuron: one level of 1/127 per 127, nothing lost (IF: r·dt = 0.001 per unit).
        const kick = await expectRunFollowsExport(r, text, { input: 'in', neuron: 5, tick: 1, post: 'if1', gain: 0.001, step: 1 / 127 });
        expect(kick.hardware).toEqual(kick.exact.map((x) => expect.closeTo(x, 9)));
    });

    it('Flatten → Linear and a population → Flatten → Affine: exported, with from_nir\'s refusal as a hint and a quick fix', async () => {
        const text = spec(
            `    in: {type: Input, shape: [1, 2, 2]}
    flat: {type: Flatten, start_dim: 0, end_dim: -1}
    fc: {type: Linear, weight: {shape: [3, 4], uniform: {low: -1, high: 1, seed: 5}}}
    lif1: {type: LIF, shape: [3], ${LIF}}
    fc2: {type: Affine, weight: {shape: [2, 3], ones: true}, bias: 0}
    lif2: {type: LIF, shape: [2], ${LIF}}`,
            edges(['in', 'flat'], ['flat', 'fc'], ['fc', 'lif1'], ['lif1', 'fc2'], ['fc2', 'lif2']),
        );
        const r = await through(text);
        const hints = r.problems.filter((p) => p.code === 'spinnaker2/from-nir');
        expect(hints.map((p) => p.data)).toEqual([{ fix: 'linear-to-affine', node: '/node/nodes/fc' }, undefined]);
        expect(hints[1].message).toMatch(/discards the edge from 'in' into Flatten 'flat'/);
        expectAgreement(r);
        expect(r.report?.projections.map((p) => p.synapses)).toEqual([12, 6]);
        // The simulator: the edge from 'in' into Flatten, which from_nir discards, carries input 2 through the Linear
        // to every lif1 neuron, on the grid of the Linear's largest |w|.
        const { step } = quantisation(r, '/node/nodes/fc/weight') ?? { step: 0 };
        await expectRunFollowsExport(r, text, { input: 'in', neuron: 2, tick: 1, post: 'lif1', gain: LIF_GAIN, step });
    });

    it('Affine and convolution biases fold into i_offset × the weight scale (a conv bias per output channel)', async () => {
        const text = spec(
            `    in: {type: Input, shape: [1, 3, 3]}
    conv: {type: Conv2d, weight: {shape: [2, 1, 2, 2], constant: 0.5}, bias: [1, -1], stride: 1, padding: 0, dilation: 1, groups: 1, input_shape: [3, 3]}
    if1: {type: IF, shape: [2, 2, 2], r: 1, v_threshold: 1}
    flat: {type: Flatten, start_dim: 0, end_dim: -1}
    fc: {type: Affine, weight: {shape: [2, 8], constant: 0.25}, bias: [0.5, -0.25]}
    lif: {type: LIF, shape: [2], tau: 0.02, r: 1, v_leak: 0, v_threshold: 1}`,
            edges(['in', 'conv'], ['conv', 'if1'], ['if1', 'flat'], ['flat', 'fc'], ['fc', 'lif']),
        );
        const r = await through(text);
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
        // The simulator adds the biases every step as the exported i_offset does (unquantised: i_offset is a float):
        // IF v after one step is r·dt·bias per channel map; LIF's r·(1 − α)·bias.
        const v = async (numerics: 'exact' | 'hardware', post: string) => (await runEngine(text, 'spinnaker2-board48', { steps: 1, numerics, probes: [{ node: post }] })).probes[post][0];
        for (const numerics of ['exact', 'hardware'] as const) {
            expect(await v(numerics, 'if1')).toEqual([1, 1, 1, 1, -1, -1, -1, -1].map((b) => expect.closeTo(0.001 * b, 9)));
            expect(await v(numerics, 'lif')).toEqual([0.5, -0.25].map((b) => expect.closeTo(LIF_GAIN * b, 7)));
        }
    });

    it('reset to v_reset, the initial v_leak and the graph\'s dt reach the exported parameters', async () => {
        const text = spec(
            `    in: {type: Input, shape: [1]}
    fc: {type: Affine, weight: [[2]], bias: 0}
    lif: {type: LIF, shape: [1], tau: 0.01, r: 2, v_leak: 0.1, v_threshold: 1, v_reset: 0.2}`,
            edges(['in', 'fc'], ['fc', 'lif']),
            '  metadata: {dt: 0.0005}\n',
        );
        const r = await through(text);
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
        // The simulator: v starts at v_leak, steps 0.5 ms (one input spike adds r·w·(1 − α) with α = e^(−0.05)),
        // and resets to v_reset once driven over the threshold every step.
        const drive = Array.from({ length: 10 }, (_, k) => k * 0.0005);
        const run = await runEngine(text, 'spinnaker2-board48', { steps: 10, numerics: 'hardware', inputs: [{ node: 'in', idx: new Int32Array(10), time: Float64Array.from(drive) }], probes: [{ node: 'lif' }] });
        const v = run.probes.lif.map(([x]) => x);
        const fired = run.spikes.lif.map(([t]) => t);
        expect(v[0]).toBeCloseTo(0.1, 6);
        expect(v[1]).toBeCloseTo(0.1 + 4 * (1 - alpha), 6);
        expect(fired.length).toBeGreaterThan(0);
        for (const t of fired) expect(v[t]).toBeCloseTo(0.2, 6);
    });

    it('a nested NIRGraph: mapped and exported flat, with from_nir\'s refusal as a hint and a flatten quick fix', async () => {
        const text = spec(
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
        );
        const r = await through(text);
        expect(r.problems.find((p) => p.code === 'spinnaker2/from-nir')?.data).toEqual({ fix: 'flatten-graph', node: '/node/nodes/cell' });
        expectAgreement(r);
        expect(r.report?.projections.map((p) => `${p.pre}→${p.post}:${p.synapses}`)).toEqual(['in→neurons:5', 'neurons→neurons:9']);
        // The simulator runs the nested neurons as the flat export does: input 0 reaches them through fc_in's rows.
        const { step } = quantisation(r, '/node/nodes/fc_in/weight') ?? { step: 0 };
        await expectRunFollowsExport(r, text, { input: 'in', neuron: 0, tick: 1, post: 'neurons', gain: 0.001, step });
        // The quick fix's rewrite: no hint left, and the same synapses exported under the flat names.
        const flattened = flattenNestedGraph(text, (await engine.analyze({ kind: 'spec', text })).document!, '/node/nodes/cell');
        if ('reason' in flattened) throw new Error(flattened.reason);
        const flat = await through(applyEdits(text, flattened.edits));
        expect(flat.problems.filter((p) => p.code === 'spinnaker2/from-nir')).toEqual([]);
        expectAgreement(flat);
        expect(flat.report?.projections.map((p) => `${p.pre}→${p.post}:${p.synapses}`)).toEqual(['in→cell_neurons:5', 'cell_neurons→cell_neurons:9']);
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
        // The simulator delivers it 100 steps later on SpiNNaker1 (exact numerics: the one step into the population).
        const runs = await kicked(delayed(100), 'spinnaker1-board48', { input: 'in', neuron: 0, tick: 1, post: 'lif' }, 110);
        expect([arrival(runs.exact), arrival(runs.hardware)]).toEqual([2, 101]);
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
        // The simulator puts the same spikes in the same steps (⌊t / dt⌋).
        const run = await runEngine(text, 'spinnaker2-chip', { steps: 8, numerics: 'hardware', inputs: [{ node: 'in', idx: Int32Array.of(0, 3, 3), time: Float64Array.of(0.001, 0.002, 0.0055) }] });
        expect(run.spikes.in).toEqual([[1, 0], [2, 3], [5, 3]]);
    });
});
