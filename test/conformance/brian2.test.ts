import { describe, expect, it } from 'vitest';
import { inputSpikes, pythonHas, randomSpikes, runEngine, runPython, seeded, specText } from './reference-harness.js';

/**
 * Conformance with Brian2 (Debian python3-brian): feed-forward LIF networks, without and with
 * synaptic delays, under exact numerics, give the same spike trains neuron for neuron, with the
 * graph alone and routed through a mapped board. Brian2's LIF jumps by w per spike; the NIR
 * network's weight is w·α/(1 − α), which is the same update (see brian2_reference.py).
 */
const BRIAN = pythonHas('brian2', 'numpy');
const DT = 0.001;

interface Layer {
    readonly size: number;
    readonly tau: number;
    readonly vLeak: number;
    /** Brian's jump of v per pre spike, [pre][post]; 0 is no synapse. */
    readonly jumps: number[][];
    /** Ticks of delay per pre neuron. */
    readonly delays?: number[];
}

function layers(random: () => number, sizes: number[], withDelays: boolean): Layer[] {
    return sizes.slice(1).map((size, k) => ({
        size,
        tau: [0.02, 0.01][k] ?? 0.015,
        vLeak: k === 0 ? 0 : 0.1,
        jumps: Array.from({ length: sizes[k] }, () => Array.from({ length: size }, () => (random() < 0.6 ? -0.15 + 0.55 * random() : 0))),
        delays: withDelays ? Array.from({ length: sizes[k] }, () => Math.floor(random() * 6)) : undefined,
    }));
}

function nirGraph(inputSize: number, ls: readonly Layer[]) {
    const nodes: Record<string, unknown> = { input: { type: 'Input', shape: [inputSize] } };
    const edges: [string, string][] = [];
    let pre = 'input';
    ls.forEach((layer, k) => {
        const alpha = Math.exp(-DT / layer.tau);
        const weight = Array.from({ length: layer.size }, (_, post) => layer.jumps.map((row) => (row[post] * alpha) / (1 - alpha)));
        if (layer.delays) {
            nodes[`delay${k}`] = { type: 'Delay', delay: layer.delays.map((d) => d * DT) };
            edges.push([pre, `delay${k}`]);
            pre = `delay${k}`;
        }
        nodes[`w${k}`] = { type: 'Linear', weight };
        nodes[`lif${k}`] = { type: 'LIF', shape: [layer.size], tau: layer.tau, r: 1, v_leak: layer.vLeak, v_threshold: 1, v_reset: 0 };
        edges.push([pre, `w${k}`], [`w${k}`, `lif${k}`]);
        pre = `lif${k}`;
    });
    nodes.out = { type: 'Output', shape: [ls[ls.length - 1].size] };
    edges.push([pre, 'out']);
    return { nodes, edges };
}

function brian(inputSize: number, ls: readonly Layer[], input: [number, number][], steps: number): [number, number][][] {
    const spec = {
        dt_ms: DT * 1000, steps, input: { size: inputSize, spikes: input },
        layers: ls.map((l) => ({
            size: l.size, tau_s: l.tau, v_leak: l.vLeak, v_threshold: 1, v_reset: 0, delays: l.delays ?? null,
            weights: l.jumps.flatMap((row, pre) => row.flatMap((w, post) => (w !== 0 ? [[pre, post, w]] : []))),
        })),
    };
    return runPython<{ spikes: [number, number][][] }>('brian2_reference.py', spec).spikes;
}

describe.skipIf(!BRIAN)('conformance with Brian2 (exact numerics)', () => {
    for (const withDelays of [false, true]) {
        it(`feed-forward LIF ${withDelays ? 'with synaptic delays' : 'without delays'}: the same spike trains`, async () => {
            const random = seeded(withDelays ? 23 : 7);
            const sizes = [30, 40, 12];
            const ls = layers(random, sizes, withDelays);
            const steps = 300;
            const input = randomSpikes(random, sizes[0], 250, 900);
            const expected = brian(sizes[0], ls, input, steps);
            expect(expected[0].length).toBeGreaterThan(20);
            expect(expected[1].length).toBeGreaterThan(5);
            for (const target of ['none', 'spinnaker2-board48']) {
                const trace = await runEngine(specText(nirGraph(sizes[0], ls)), target, { steps, numerics: 'exact', inputs: [inputSpikes('input', input, DT)] });
                expect(trace.spikes.lif0, `${target}: lif0`).toEqual(expected[0]);
                expect(trace.spikes.lif1, `${target}: lif1`).toEqual(expected[1]);
            }
        });
    }
});
