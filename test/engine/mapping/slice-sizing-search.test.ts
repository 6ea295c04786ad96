import { describe, expect, it } from 'vitest';
import { createEngine, resolveTarget, withSettingOverrides, type HardwareTarget } from '../../../engine/src/index.js';
import type { Connectivity } from '../../../engine/src/machine/connectivity/types.js';
import type { MachineGraph } from '../../../engine/src/machine/machine-graph.js';
import { machineGraphOf } from '../../../engine/src/machine/lower.js';
import { peCostModel } from '../../../engine/src/machine/pe-cost-model.js';
import { worstSlice, type CostContext } from '../../../engine/src/mapping/slice-cost.js';
import { cheapestSize, sizePopulations } from '../../../engine/src/mapping/slice-sizing.js';
import { analyseSpec } from '../machine/analysis-fixture.js';

/**
 * How slice sizing searches: the downward scan finds the largest fitting size of a periodic cost
 * that is not monotone and never goes past the limit, re-sizing repeats until every population's
 * size fits beside the final sizes of the others, and `cheapestSize` stays within its range and
 * resolves a flat minimum towards the larger size.
 */

const engine = createEngine();
const LIF = 'tau: 0.02, r: 1, v_leak: 0, v_threshold: 1';
const spec = (nodes: string[], edges: string[]) => `node:\n  type: NIRGraph\n  nodes:\n${nodes.map((n) => `    ${n}`).join('\n')}\n  edges:\n${edges.map((e) => `    - ${e}`).join('\n')}\n`;

function target(overrides: Record<string, number> = {}): HardwareTarget {
    const changed = withSettingOverrides(resolveTarget(engine.registry, 'spinnaker2-chip').target!, overrides);
    if ('error' in changed) throw new Error(changed.error);
    return changed;
}

type Ctx = CostContext & { neuronsPerCore: number[] };

async function contextOf(text: string, t: HardwareTarget, graphOf: (g: MachineGraph) => MachineGraph = (g) => g): Promise<Ctx> {
    const graph = graphOf(machineGraphOf(await analyseSpec(text)));
    const bytesPerNeuron = graph.populations.map(() => engine.registry.neuronModels.get('LIF')!.bytesPerNeuron);
    return { graph, model: peCostModel(t), steps: 0, neuronsPerCore: graph.populations.map(() => 1), bytesPerNeuron };
}

/** The SRAM of population i's costliest slice when it is cut into slices of n (the others as they are). */
function costAt(ctx: Ctx, i: number, n: number): number {
    const saved = ctx.neuronsPerCore[i];
    ctx.neuronsPerCore[i] = n;
    const sram = worstSlice(ctx, i, n)?.sram ?? 0;
    ctx.neuronsPerCore[i] = saved;
    return sram;
}

/** Population `post`'s incoming projection with its synapse bytes replaced by `bytes(count)` for a slice of `count` neurons. */
const withLoad = (post: number, bytes: (count: number) => number) => (graph: MachineGraph): MachineGraph => ({
    ...graph,
    projections: graph.projections.map((p) => {
        if (p.post !== post) return p;
        const connectivity: Connectivity = { ...p.connectivity, load: (first, count, format) => ({ ...p.connectivity.load(first, count, format), bytes: bytes(count) }) };
        return { ...p, connectivity };
    }),
});

describe('the downward scan of a periodic slice cost', () => {
    // 42 neurons fed by generated weights, whose synapses are made to overflow the window for slices
    // of 10 and of 15 to 20 neurons and to cost nothing otherwise: 14 is the largest size whose
    // slices (14, 14, 14) all fit, below a limit of 20. Bisection would stop at 9 (10 fails).
    const text = spec([
        'in: {type: Input, shape: [42]}',
        'fc: {type: Linear, weight: {shape: [42, 42], ones: true}}',
        `lif: {type: LIF, shape: [42], ${LIF}}`,
    ], ['[in, fc]', '[fc, lif]']);
    const window = peCostModel(target()).windowBytes;
    const overflowing = (count: number) => (count === 10 || (count >= 15 && count <= 20) ? window : 0);

    it('finds the largest size that fits when the cost is not monotone', async () => {
        const ctx = await contextOf(text, target(), withLoad(1, overflowing));
        const sizing = sizePopulations(ctx, [42, 20], []);
        expect(sizing[1]).toEqual({ n: 14, source: 'sram-fit', fitting: 14 });
        expect(costAt(ctx, 1, 14)).toBeLessThanOrEqual(window);
    });

    it('never takes more neurons per PE than the limit, even when a larger slice would fit', async () => {
        // Slices of 21 (two of them) fit; the limit is 20.
        const ctx = await contextOf(text, target(), withLoad(1, overflowing));
        expect(costAt(ctx, 1, 21)).toBeLessThanOrEqual(window);
        expect(sizePopulations(ctx, [42, 20], [])[1].n).toBeLessThanOrEqual(20);
    });
});

describe('re-sizing after the populations a population hears from were sized', () => {
    // a → b → a with dense generated weights: a is sized first, while b still runs in one slice; b
    // then needs more slices, each a population-table entry of a's PEs, which can push a's slices
    // over the window, so a is sized again.
    const cycle = (inputs: number, a: number, b: number) => spec([
        `in: {type: Input, shape: [${inputs}]}`,
        `fa: {type: Linear, weight: {shape: [${a}, ${inputs}], uniform: {low: -1, high: 1, seed: 1}}}`,
        `a: {type: LIF, shape: [${a}], ${LIF}}`,
        `fb: {type: Linear, weight: {shape: [${b}, ${a}], uniform: {low: -1, high: 1, seed: 2}}}`,
        `b: {type: LIF, shape: [${b}], ${LIF}}`,
        `fba: {type: Linear, weight: {shape: [${a}, ${b}], uniform: {low: -1, high: 1, seed: 3}}}`,
    ], ['[in, fa]', '[fa, a]', '[a, fb]', '[fb, b]', '[b, fba]', '[fba, a]']);

    // Each case needs the second round: a's first size no longer fits once b is sized (found by search).
    it.each([[10, 100, 100, 8000], [20, 200, 60, 9000], [5, 60, 200, 12_000], [50, 150, 150, 52_000]])('leaves every population at the largest size that fits beside the final sizes of the others (%i inputs, a %i, b %i, window %i)', async (inputs, a, b, window) => {
        const ctx = await contextOf(cycle(inputs, a, b), target({ sram_data_window_bytes: window }));
        const limits = ctx.graph.populations.map((p) => p.size);
        const sizing = sizePopulations(ctx, limits, []);
        for (const i of [1, 2]) {
            let best = 0;
            for (let n = limits[i]; n >= 1 && best === 0; n--) if (costAt(ctx, i, n) <= window) best = n;
            expect([i, sizing[i].n, sizing[i].fitting, sizing[i].source]).toEqual([i, best, best, 'sram-fit']);
        }
    });
});

describe('cheapestSize at the ends of its range', () => {
    it('takes the largest size of a flat minimum', () => {
        for (let hi = 1; hi <= 30; hi++) {
            for (let from = 1; from <= hi; from++) {
                for (let to = from; to <= hi; to++) {
                    const cost = (n: number) => Math.max(0, from - n, n - to);
                    expect([hi, from, to, cheapestSize(cost, hi)]).toEqual([hi, from, to, to]);
                }
            }
        }
    });

    it('stays within 1 … hi when the cost keeps falling past hi', () => {
        for (let hi = 1; hi <= 30; hi++) expect(cheapestSize((n) => 100 - n, hi)).toBe(hi);
    });
});

describe('a population without neurons', () => {
    it('is mapped beside the others: an input of shape [0] costs nothing and leaves the LIF it feeds its size', async () => {
        const text = spec([
            'in: {type: Input, shape: [0]}',
            'fc: {type: Linear, weight: {shape: [4, 0], ones: true}}',
            `lif: {type: LIF, shape: [4], ${LIF}}`,
        ], ['[in, fc]', '[fc, lif]']);
        const result = await engine.analyze({ kind: 'spec', text }, { target: target(), categories: ['fast', 'slow'] });
        expect(result.mapping?.nodes.map((n) => [n.name, n.neuronsPerCore])).toEqual([['in', 1], ['lif', 4]]);
    });
});
