import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine, resolveTarget, withSettingOverrides, type HardwareTarget, type MappingResult } from '../../../engine/src/index.js';
import { machineGraphOf } from '../../../engine/src/machine/lower.js';
import { peCostModel } from '../../../engine/src/machine/pe-cost-model.js';
import { fixedProbability } from '../../../engine/src/machine/connectivity/all-to-all.js';
import { machineLimits } from '../../../engine/src/mapping/machine-limits.js';
import { worstSlice, type CostContext } from '../../../engine/src/mapping/slice-cost.js';
import { cheapestSize, sizePopulations, type Sizing } from '../../../engine/src/mapping/slice-sizing.js';
import { analyseSpec } from '../machine/analysis-fixture.js';

const engine = createEngine();
const LIF = 'tau: 0.02, r: 1, v_leak: 0, v_threshold: 1';
const WINDOW = 67_328;

const spec = (nodes: string[], edges: string[]) => `node:\n  type: NIRGraph\n  nodes:\n${nodes.map((n) => `    ${n}`).join('\n')}\n  edges:\n${edges.map((e) => `    - ${e}`).join('\n')}\n`;

function target(id: string, overrides: Record<string, number> = {}): HardwareTarget {
    const changed = withSettingOverrides(resolveTarget(engine.registry, id).target!, overrides);
    if ('error' in changed) throw new Error(changed.error);
    return changed;
}

/** Sizes a spec's populations as the greedy mapper does, and returns what a brute-force search needs beside. */
async function sized(text: string, t: HardwareTarget, steps = 0) {
    const analysis = await analyseSpec(text);
    const graph = machineGraphOf(analysis);
    const model = peCostModel(t);
    const limits = machineLimits(t)!;
    const bytesPerNeuron = graph.populations.map((p) => engine.registry.neuronModels.get(p.type)?.bytesPerNeuron ?? engine.registry.neuronModels.get('LIF')!.bytesPerNeuron);
    const atomLimits = graph.populations.map((p) => Math.max(1, Math.min(limits.maxNeuronsPerPe, p.size)));
    const ctx = { graph, model, steps, neuronsPerCore: graph.populations.map(() => 1), bytesPerNeuron };
    const sizing = sizePopulations(ctx, atomLimits, []);
    return { ctx, sizing, atomLimits, graph };
}

/** The SRAM of population i's costliest slice when it is cut into slices of n (the others as sized). */
function costAt(ctx: CostContext & { neuronsPerCore: number[] }, i: number, n: number): number {
    const saved = ctx.neuronsPerCore[i];
    ctx.neuronsPerCore[i] = n;
    const sram = worstSlice(ctx, i, n)?.sram ?? 0;
    ctx.neuronsPerCore[i] = saved;
    return sram;
}

/** Every slice size tried, the largest whose costliest slice fits the window (0: none). */
function bruteForce(ctx: CostContext & { neuronsPerCore: number[] }, i: number, limit: number): number {
    for (let n = limit; n >= 1; n--) if (costAt(ctx, i, n) <= ctx.model.windowBytes) return n;
    return 0;
}

async function mapWith(text: string, t: HardwareTarget): Promise<MappingResult> {
    return engine.registry.mappers.get('greedy')!.map(await analyseSpec(text), t, undefined, { steps: 1000, neuronModels: engine.registry.neuronModels });
}

/** Input → Linear → LIF of `size`, with a recurrent `fixed_probability` projection when `recurrent`. */
function recurrentNetwork(size: number, fanIn: number, recurrent: boolean): string {
    const nodes = [
        'in: {type: Input, shape: [1000]}',
        `fin: {type: Linear, weight: {shape: [${size}, 1000], fixed_probability: {p: 0.01, weight: 1, seed: 1}}}`,
        `exc: {type: LIF, shape: [${size}], ${LIF}}`,
    ];
    const edges = ['[in, fin]', '[fin, exc]'];
    if (recurrent) {
        nodes.push(`ee: {type: Linear, weight: {shape: [${size}, ${size}], fixed_probability: {p: ${fanIn / size}, weight: 1, seed: 2}}}`);
        edges.push('[exc, ee]', '[ee, exc]');
    }
    return spec(nodes, edges);
}

describe('slice sizing of a population with a projection onto itself', () => {
    // The 100,000-neuron recurrent network of the Brian2 benchmark (fan-in 100) as one population:
    // it used to keep 256 neurons per PE and 220 KB of SRAM, because every slice of itself counted
    // as a population-table entry of every PE, with or without a synapse from it.
    it.each([[100_000, 100], [20_000, 1000], [4000, 80]])('finds the largest slice that fits for %i neurons with fan-in %i, as without the self-projection', async (size, fanIn) => {
        for (const recurrent of [true, false]) {
            const { ctx, sizing, atomLimits } = await sized(recurrentNetwork(size, fanIn, recurrent), target('spinnaker2-board48'));
            const exc = sizing[1];
            expect(exc.n).toBe(bruteForce(ctx, 1, atomLimits[1]));
            expect(exc.n).toBeGreaterThan(0);
            expect(costAt(ctx, 1, exc.n)).toBeLessThanOrEqual(WINDOW);
            if (exc.n < atomLimits[1]) expect([exc.source, costAt(ctx, 1, exc.n + 1) > WINDOW]).toEqual(['sram-fit', true]);
        }
    });

    it('maps the recurrent 100,000-neuron population within the SRAM window, the self-projection costing fewer population-table entries than slices', async () => {
        const mapping = await mapWith(recurrentNetwork(100_000, 100, true), target('spinnaker2-board48'));
        const exc = mapping.nodes[1];
        expect([exc.neuronsPerCoreSource, exc.fittingNeuronsPerCore]).toEqual(['sram-fit', exc.neuronsPerCore]);
        expect(exc.maxSramBytes).toBeLessThanOrEqual(WINDOW);
        // One 12-byte entry for the input's 4 slices at most, and fewer for its own slices than it has.
        const slices = Math.ceil(100_000 / exc.neuronsPerCore!);
        expect(exc.sramBreakdown!.populationTable).toBeLessThan(12 * (slices + 4));
        expect(exc.sramBreakdown!.populationTable).toBeGreaterThan(12 * slices * 0.5);
    });

    it('expects a population-table entry from a random slice only with the chance that it has a synapse here', () => {
        const c = fixedProbability(10, 7, 0.1);
        // Two full slices of 4 pre neurons and one of 2, onto 2 post neurons: 8, 8 and 4 possible synapses.
        expect(c.sourceSlices!(0, 2, 4)).toBeCloseTo(2 * (1 - 0.9 ** 8) + (1 - 0.9 ** 4), 12);
        expect(c.sourceSlices!(3, 1, 10)).toBeCloseTo(1 - 0.9 ** 10, 12);
        expect(fixedProbability(10, 7, 1 - 1e-18).sourceSlices!(0, 1, 3)).toBeCloseTo(4, 12);
    });
});

describe('the exact-fit edge of slice sizing', () => {
    const generated = spec([
        'in: {type: Input, shape: [400]}',
        'fc: {type: Linear, weight: {shape: [1000, 400], normal: {mean: 0, std: 1, seed: 1}}}',
        `lif: {type: LIF, shape: [1000], ${LIF}}`,
    ], ['[in, fc]', '[fc, lif]']);
    // The same shape with explicit weights, which sizing bisects instead of scanning: 30 × 20, no zero.
    const explicitRows = Array.from({ length: 30 }, (_, i) => `[${Array.from({ length: 20 }, (_, j) => 1 + ((i + j) % 3)).join(', ')}]`).join(', ');
    const explicit = spec([
        'in: {type: Input, shape: [20]}',
        `fc: {type: Linear, weight: [${explicitRows}]}`,
        `lif: {type: LIF, shape: [30], ${LIF}}`,
    ], ['[in, fc]', '[fc, lif]']);
    // By hand: 64 fixed + 92 B of state and buffers per neuron + 16 per population-table entry (mpt_entry_bytes)
    // + per input neuron a 4-byte row header and n 16-bit words padded to 32 bits.
    const byHand = (inputs: number, entries: number) => (n: number) => 64 + 92 * n + 16 * entries + inputs * (4 + Math.ceil((2 * n) / 4) * 4);

    it.each([
        ['scanned (generated weights)', generated, byHand(400, 2), 72],
        ['bisected (explicit weights)', explicit, byHand(20, 1), 13],
    ] as const)('%s: a window of exactly a size\'s cost takes that size, one byte less the size below', async (_name, text, sram, n) => {
        for (const [window, expected] of [[sram(n), n], [sram(n) - 1, n - 1], [sram(n + 1) - 1, n], [sram(n + 1), n + 1]]) {
            const { sizing } = await sized(text, target('spinnaker2-chip', { sram_data_window_bytes: window }));
            expect([window, sizing[1].n, sizing[1].fitting, sizing[1].source]).toEqual([window, expected, expected, 'sram-fit']);
        }
    });

    it('keeps the limit and reports no fitting size when not even one neuron fits', async () => {
        const { sizing } = await sized(explicit, target('spinnaker2-chip', { sram_data_window_bytes: byHand(20, 1)(1) - 1 }));
        expect(sizing[1]).toEqual<Sizing>({ n: 30, source: 'model-limit', fitting: 0 });
    });
});

describe('bisection over explicit weights with a projection onto itself', () => {
    /** Input → Linear → LIF of `size`, with a dense explicit recurrent matrix (a few zeros by `seed`). */
    const denseRecurrent = (size: number, seed: number) => {
        const row = (i: number) => `[${Array.from({ length: size }, (_, j) => ((i * 7 + j * 3 + seed) % 11 === 0 ? 0 : 1)).join(', ')}]`;
        return spec([
            'in: {type: Input, shape: [8]}',
            `fin: {type: Linear, weight: {shape: [${size}, 8], ones: true}}`,
            `exc: {type: LIF, shape: [${size}], ${LIF}}`,
            `ee: {type: Linear, weight: [${Array.from({ length: size }, (_, i) => row(i)).join(', ')}]}`,
        ], ['[in, fin]', '[fin, exc]', '[exc, ee]', '[ee, exc]']);
    };

    it('finds the largest fitting size when one neuron per PE does not fit (its own slices fill the population table)', async () => {
        const text = denseRecurrent(60, 1);
        const probe = await sized(text, target('spinnaker2-chip'));
        const cost = (n: number) => costAt(probe.ctx, 1, n);
        // Pick a window that one neuron overflows but two per PE fit (half the population-table entries, rows of the same padded size).
        const window = Math.floor((cost(1) + cost(2)) / 2);
        expect(cost(1)).toBeGreaterThan(window);
        const { ctx, sizing, atomLimits } = await sized(text, target('spinnaker2-chip', { sram_data_window_bytes: window }));
        expect(sizing[1].n).toBe(bruteForce(ctx, 1, atomLimits[1]));
        expect(sizing[1].n).toBeGreaterThan(1);
    });

    it('agrees with trying every size, on random recurrent networks and windows', async () => {
        await fc.assert(
            fc.asyncProperty(fc.integer({ min: 2, max: 48 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1000, max: 12_000 }), async (size, seed, window) => {
                const { ctx, sizing, atomLimits } = await sized(denseRecurrent(size, seed), target('spinnaker2-chip', { sram_data_window_bytes: window }));
                const best = bruteForce(ctx, 1, atomLimits[1]);
                expect(sizing[1]).toEqual({ n: best || atomLimits[1], fitting: best, source: best === atomLimits[1] || best === 0 ? 'model-limit' : 'sram-fit' });
            }),
            { numRuns: 40, seed: 20261203 },
        );
    });
});

describe('cheapestSize', () => {
    it('finds the minimum of a cost that falls and then rises, wherever it lies', () => {
        for (let hi = 1; hi <= 40; hi++) {
            for (let min = 1; min <= hi; min++) {
                let calls = 0;
                const cost = (n: number) => (calls++, Math.abs(n - min) * 3 + (n > min ? 1 : 0));
                expect(cheapestSize(cost, hi)).toBe(min);
                expect(calls).toBeLessThanOrEqual(4 * Math.ceil(Math.log(hi + 1) / Math.log(1.5)) + 4);
            }
        }
    });
});
