import { describe, expect, it } from 'vitest';
import { inputSpikes, matrix, pythonHas, randomSpikes, runEngine, runPython, seeded, specText, type EngineTrace } from './reference-harness.js';
import { readNirSpikes, writeNirData } from '../../engine/src/index.js';

/**
 * Conformance with an independent reference of the simulation semantics (nir_reference.py,
 * dense numpy, written from docs/simulation.md): under exact numerics the spike trains are equal
 * neuron for neuron, with the graph alone and routed through a mapped chip.
 */
const NUMPY = pythonHas('numpy');
const DT = 0.001;

interface Reference {
    readonly spikes: Record<string, [number, number][]>;
    readonly v: Record<string, number[][]>;
}

interface Case {
    readonly graph: { nodes: Record<string, Record<string, unknown>>; edges: [string, string][] };
    readonly shapes: Record<string, number[]>;
    readonly steps: number;
    readonly input: [number, number][];
    readonly record: string[];
    readonly probe: string[];
}

function reference(c: Case): Reference {
    return runPython<Reference>('nir_reference.py', {
        graph: c.graph, shapes: c.shapes, dt: DT, steps: c.steps, inputs: { input: c.input }, record: c.record, probe: c.probe,
    });
}

function expectSame(trace: EngineTrace, ref: Reference, c: Case): void {
    for (const name of c.record) {
        expect(ref.spikes[name].length, `${name} spikes in the reference`).toBeGreaterThan(0);
        expect(trace.spikes[name], name).toEqual(ref.spikes[name]);
    }
    for (const name of c.probe) {
        const got = trace.probes[name];
        const want = ref.v[name];
        expect(got.length).toBe(want.length);
        for (let t = 0; t < want.length; t++) {
            for (let n = 0; n < want[t].length; n++) {
                expect(Math.abs(got[t][n] - want[t][n]), `${name}[${t}][${n}]`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want[t][n])));
            }
        }
    }
}

/** Recurrent CubaLIF (20 neurons, 8 inputs) with an LI readout and an IF readout. */
function recurrentCase(): Case {
    const random = seeded(11);
    const cuba = { tau_syn: 0.005, tau_mem: 0.02, r: 1, v_leak: 0, v_threshold: 1, v_reset: 0, w_in: 1 };
    return {
        graph: {
            nodes: {
                input: { type: 'Input', shape: [8] },
                w_in: { type: 'Linear', weight: matrix(random, 20, 8, 0, 30) },
                rnn: { type: 'CubaLIF', shape: [20], ...cuba },
                w_rec: { type: 'Linear', weight: matrix(random, 20, 20, -6, 8) },
                w_out: { type: 'Affine', weight: matrix(random, 3, 20, -1, 2), bias: [0.1, 0, -0.1] },
                li: { type: 'LI', shape: [3], tau: 0.01, r: 1, v_leak: 0 },
                w_if: { type: 'Linear', weight: matrix(random, 4, 20, 0, 40) },
                if: { type: 'IF', shape: [4], r: 1, v_threshold: 0.5, v_reset: 0 },
                out: { type: 'Output', shape: [3] },
                out2: { type: 'Output', shape: [4] },
            },
            edges: [['input', 'w_in'], ['w_in', 'rnn'], ['rnn', 'w_rec'], ['w_rec', 'rnn'], ['rnn', 'w_out'], ['w_out', 'li'], ['li', 'out'], ['rnn', 'w_if'], ['w_if', 'if'], ['if', 'out2']],
        },
        shapes: { rnn: [20], li: [3], if: [4] },
        steps: 200,
        input: randomSpikes(random, 8, 150, 300),
        record: ['rnn', 'if'],
        probe: ['li', 'if'],
    };
}

/** A convolutional network: non-square kernels, strides and padding, average and sum pooling, flatten, IF and LI readouts. */
function convCase(): Case {
    const random = seeded(5);
    const lif = { tau: 0.01, r: 1, v_leak: 0, v_threshold: 1, v_reset: 0 };
    const kernel = (o: number, i: number, kh: number, kw: number, low: number, high: number) =>
        Array.from({ length: o }, () => Array.from({ length: i }, () => matrix(random, kh, kw, low, high)));
    return {
        graph: {
            nodes: {
                input: { type: 'Input', shape: [2, 9, 8] },
                conv1: { type: 'Conv2d', weight: kernel(4, 2, 3, 2, -0.5, 2.5), bias: [0, 0.05, -0.05, 0], stride: [1, 1], padding: [1, 0], dilation: [1, 1], groups: 1, input_shape: [9, 8] },
                lif1: { type: 'LIF', shape: [4, 9, 7], ...lif },
                avg: { type: 'AvgPool2d', kernel_size: [2, 2], stride: [2, 2], padding: [0, 0] },
                flat: { type: 'Flatten', start_dim: 0, end_dim: -1 },
                fc: { type: 'Affine', weight: matrix(random, 5, 48, -1, 6), bias: [0, 0, 0, 0, 0] },
                if: { type: 'IF', shape: [5], r: 1000, v_threshold: 0.3, v_reset: 0 },
                sum: { type: 'SumPool2d', kernel_size: [3, 1], stride: [3, 1], padding: [0, 0] },
                conv2: { type: 'Conv2d', weight: kernel(2, 4, 1, 3, -0.2, 0.8), bias: [0, 0], stride: [1, 2], padding: [0, 1], dilation: [1, 1], groups: 1, input_shape: [3, 7] },
                li: { type: 'LI', shape: [2, 3, 4], tau: 0.005, r: 1, v_leak: 0 },
                out: { type: 'Output', shape: [5] },
                out2: { type: 'Output', shape: [2, 3, 4] },
            },
            edges: [['input', 'conv1'], ['conv1', 'lif1'], ['lif1', 'avg'], ['avg', 'flat'], ['flat', 'fc'], ['fc', 'if'], ['if', 'out'], ['lif1', 'sum'], ['sum', 'conv2'], ['conv2', 'li'], ['li', 'out2']],
        },
        shapes: { lif1: [4, 9, 7], if: [5], li: [2, 3, 4], 'avg.in': [4, 9, 7], 'sum.in': [4, 9, 7], 'conv1.in': [2, 9, 8], 'conv2.in': [4, 3, 7] },
        steps: 120,
        input: randomSpikes(random, 2 * 9 * 8, 100, 900),
        record: ['lif1', 'if'],
        probe: ['li'],
    };
}

describe.skipIf(!NUMPY)('conformance with the independent numpy reference (exact numerics)', () => {
    it('recurrent CubaLIF with LI and IF readouts: the same spikes and values', async () => {
        const c = recurrentCase();
        const ref = reference(c);
        for (const target of ['none', 'spinnaker2-chip']) {
            const trace = await runEngine(specText(c.graph), target, {
                steps: c.steps, numerics: 'exact', inputs: [inputSpikes('input', c.input, DT)], record: c.record, probes: c.probe.map((node) => ({ node })),
            });
            expectSame(trace, ref, c);
        }
    });

    it('a convolutional network driven by an input spike file: the same spikes and values', async () => {
        const c = convCase();
        const ref = reference(c);
        const file = await writeNirData({
            kind: 'graph',
            nodes: new Map([['input', { kind: 'node', observables: new Map([['spikes', {
                kind: 'event', nNeurons: 144, tMax: c.steps * DT, idx: BigInt64Array.from(c.input, (s) => BigInt(s[1])), time: Float64Array.from(c.input, (s) => s[0] * DT),
            }]]) }]]),
        });
        const read = await readNirSpikes(file.bytes!);
        expect(read.problems).toEqual([]);
        for (const target of ['none', 'spinnaker2-chip']) {
            const trace = await runEngine(specText(c.graph), target, {
                steps: c.steps, numerics: 'exact', inputs: read.spikes, record: c.record, probes: c.probe.map((node) => ({ node })),
            });
            expectSame(trace, ref, c);
        }
    });
});
