import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    createEngine, OperationCancelled, resolveTarget, runChecks, withSettingOverrides, type GraphAnalysis, type HardwareTarget, type MappingResult,
} from '../../../engine/src/index.js';
import { buildRoutingTables, RouteSet } from '../../../engine/src/routing/index.js';
import { analyseSpec } from '../machine/analysis-fixture.js';

const engine = createEngine();
const LIF = 'tau: 0.02, r: 1, v_leak: 0, v_threshold: 1';

const spec = (nodes: string, edges: string) => `node:\n  type: NIRGraph\n  nodes:\n${nodes}\n  edges:\n${edges}\n`;

function target(id: string, overrides: Record<string, number> = {}): HardwareTarget {
    const t = resolveTarget(engine.registry, id).target;
    if (!t) throw new Error(`no target ${id}`);
    const changed = withSettingOverrides(t, overrides);
    if ('error' in changed) throw new Error(changed.error);
    return changed;
}

async function map(analysis: GraphAnalysis, t: HardwareTarget, steps = 1000): Promise<MappingResult> {
    const mapper = engine.registry.mappers.get('greedy');
    if (!mapper) throw new Error('no greedy mapper');
    return mapper.map(analysis, t, undefined, { steps, neuronModels: engine.registry.neuronModels });
}

/** Mapping and resource checks together, as `nirmesh map` runs them. */
async function mapAndCheck(text: string, t: HardwareTarget, steps = 1000) {
    const analysis = await analyseSpec(text);
    const mapping = await map(analysis, t, steps);
    const problems = runChecks(analysis, engine.registry, { categories: ['fast', 'slow'], target: t, mapping });
    return { mapping, problems, text };
}

const TWO_POPULATIONS = spec(
    `    in: {type: Input, shape: [4]}
    fc: {type: Affine, weight: [[1, 0, 0.5, 0.25], [0, 1, 0, 0], [0.5, 0.5, 0.5, 0.5]], bias: 0}
    lif: {type: LIF, shape: [3], ${LIF}}
    out: {type: Output, shape: [3]}`,
    '    - [in, fc]\n    - [fc, lif]\n    - [lif, out]',
);

describe('the greedy mapper on hand-checkable networks', () => {
    it('places a 2-population network on one chip with the SRAM, keys and table worked out by hand', async () => {
        const { mapping, problems } = await mapAndCheck(TWO_POPULATIONS, target('spinnaker2-chip'), 100);
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect([mapping.targetId, mapping.chipsUsed, mapping.pesUsed, mapping.pesNeeded]).toEqual(['spinnaker2-chip', 1, 2, 2]);
        const [input, lif] = mapping.nodes;
        // The source: fixed 64 + routing info 12 + 4 (one target) + 4 neurons × (8 bytes + one expected spike
        // time of 4 B: 10 Hz over 100 steps of 1 ms).
        expect(input.pes).toEqual([{ chip: [0, 0], pe: 0, first: 0, count: 4, sramBytes: 128, key: 0, mask: 0xfffffffc }]);
        // The LIF slice: fixed 64 + state 3 × 28 + input buffers 3 × 8 slots × 2 types × 4 B + 4 rows of 2 synapses × 8 B
        // + 1 population-table entry × 16 + spikes (⌈3/32⌉ + 2 words) × 100 steps × 4 B.
        expect(lif.pes).toEqual([{ chip: [0, 0], pe: 1, first: 0, count: 3, sramBytes: 64 + 84 + 192 + 32 + 16 + 1200 }]);
        expect(lif.sramBreakdown).toEqual({ fixed: 64, neurons: 84, inputBuffers: 192, synapses: 32, populationTable: 16, routingInfo: 0, recording: 1200 });
        expect([lif.neuronsPerCore, lif.neuronsPerCoreSource, lif.fittingNeuronsPerCore, lif.synapsesIn, lif.synapsesExact]).toEqual([3, 'model-limit', 3, 8, true]);
        expect(mapping.chips).toEqual([{ x: 0, y: 0, pesUsed: 2, dramBytes: 0, routerEntries: 1, routerEntriesUncompressed: 1 }]);
        expect([input.routerEntries, lif.routerEntries]).toEqual([1, 0]);
        expect(mapping.keyBits).toEqual({ used: 2, available: 32 });
    });

    it('routes the source key to the LIF PE in chip (0,0)\'s table', async () => {
        const analysis = await analyseSpec(TWO_POPULATIONS);
        const mapping = await map(analysis, target('spinnaker2-chip'));
        const slice = mapping.nodes[0].pes[0];
        const routed = buildRoutingTables(target('spinnaker2-chip').topology!, [
            { key: slice.key!, mask: slice.mask!, chip: { x: 0, y: 0 }, destinations: [{ chip: { x: 0, y: 0 }, pe: 1 }] },
        ]);
        expect(routed.tables.get('0,0')).toEqual([{ key: 0, mask: 0xfffffffc, route: RouteSet.of([], [1]), source: 0 }]);
    });

    it('sizes slices to the SRAM window when no hint says otherwise', async () => {
        const { mapping, problems } = await mapAndCheck(spec(
            `    in: {type: Input, shape: [400]}\n    fc: {type: Linear, weight: {shape: [1000, 400], normal: {mean: 0, std: 1, seed: 1}}}\n    lif: {type: LIF, shape: [1000], ${LIF}}`,
            '    - [in, fc]\n    - [fc, lif]',
        ), target('spinnaker2-chip'));
        const lif = mapping.nodes[1];
        // A row of n 16-bit synapses per input, 92 B of state and buffers per neuron, 64 B fixed and two
        // population-table entries (the 400 inputs are 2 slices): 400 × (4 + ⌈2n/4⌉·4) + 92 n + 96 ≤ 67,328.
        const sram = (n: number) => 400 * (4 + Math.ceil((2 * n) / 4) * 4) + 92 * n + 96;
        expect([sram(72), sram(73)]).toEqual([65920, 67612]);
        expect([lif.neuronsPerCore, lif.neuronsPerCoreSource, lif.pesNeeded, lif.maxSramBytes]).toEqual([72, 'sram-fit', 14, 65920]);
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    });

    it('reports an SRAM overflow caused by a hint on the hint, with a neurons_per_core that fits', async () => {
        const { problems, text } = await mapAndCheck(spec(
            `    in: {type: Input, shape: [400]}\n    fc: {type: Linear, weight: {shape: [1000, 400], normal: {mean: 0, std: 1, seed: 1}}}\n    lif: {type: LIF, shape: [1000], ${LIF}, metadata: {spinnaker2: {neurons_per_core: 200}}}`,
            '    - [in, fc]\n    - [fc, lif]',
        ), target('spinnaker2-chip'));
        const [p] = problems.filter((q) => q.code === 'spinnaker2/sram-per-pe');
        expect(text.slice(p.origin.span!.start, p.origin.span!.end)).toBe('200');
        expect(p.data).toEqual({ fix: 'set-neurons-per-core', value: 72 });
        expect(p.message).toMatch(/^a PE of 'lif' \(200 neurons\) needs 180,096 bytes of SRAM \(synapse rows 161,600 B, .*a PE of spinnaker2-chip has a 67,328-byte data window\. Suggestion: set neurons_per_core to 72 \(14 PEs\)\.$/);
    });

    it('suggests a shorter recording when recording is what overflows', async () => {
        const { problems } = await mapAndCheck(spec(
            `    in: {type: Input, shape: [8]}\n    fc: {type: Linear, weight: {shape: [8, 8], ones: true}}\n    lif: {type: LIF, shape: [8], ${LIF}, metadata: {spinnaker2: {record: [spikes, v]}}}`,
            '    - [in, fc]\n    - [fc, lif]',
        ), target('spinnaker2-chip'), 10000);
        const [p] = problems.filter((q) => q.code === 'spinnaker2/sram-per-pe');
        // Spikes 3 words + voltages 9 words per step: 48 B per step; the rest takes 976 B: (67,328 − 976) / 48 = 1,382.
        expect(p.message).toMatch(/needs 480,976 bytes of SRAM \(recording 480,000 B, .* for 10,000 recorded steps; .* Suggestion: record at most 1,382 steps\.$/);
    });

    it('reports too many PEs on each node left over, naming a target that is big enough', async () => {
        const { mapping, problems } = await mapAndCheck(spec(
            `    in: {type: Input, shape: [100]}\n    fc: {type: Linear, weight: {shape: [40000, 100], fixed_probability: {p: 0.1, weight: 1, seed: 1}}}\n    lif: {type: LIF, shape: [40000], ${LIF}}`,
            '    - [in, fc]\n    - [fc, lif]',
        ), target('spinnaker2-chip'));
        expect([mapping.pesUsed, mapping.pesNeeded]).toEqual([148, 158]);
        const [p] = problems.filter((q) => q.code === 'spinnaker2/too-many-pes');
        expect(p.origin.path).toBe('/node/nodes/lif');
        expect(p.message).toBe("10 of the 157 PEs 'lif' needs could not be placed: the network needs 158 PEs and spinnaker2-chip has 148 PEs (1 chip × 148). Suggestion: map onto spinnaker2-board48.");
        expect(p.data).toEqual({ fix: 'use-target', value: 'spinnaker2-board48' });
    });

    it('honours a fixed placement and reports one that cannot be honoured on its hint', async () => {
        const { mapping, problems, text } = await mapAndCheck(spec(
            `    in: {type: Input, shape: [4], metadata: {spinnaker2: {chip: [2, 1], core: 7}}}
    fc: {type: Linear, weight: {shape: [4, 4], ones: true}}
    lif: {type: LIF, shape: [4], ${LIF}, metadata: {spinnaker2: {chip: [7, 0]}}}`,
            '    - [in, fc]\n    - [fc, lif]',
        ), target('spinnaker2-board48'));
        expect(mapping.nodes[0].pes.map((s) => [s.chip, s.pe])).toEqual([[[2, 1], 7]]);
        const [p] = problems.filter((q) => q.code === 'spinnaker2/unplaceable');
        expect(text.slice(p.origin.span!.start, p.origin.span!.end)).toBe('[7, 0]');
        expect(p.message).toMatch(/^'lif' cannot be placed where its hint says on spinnaker2-board48: the target has no chip \(7, 0\);/);
        expect(mapping.nodes[1].pes).toHaveLength(1); // placed elsewhere for the report
    });

    it('keeps a population that spans chips on neighbouring chips, and routes to all of them', async () => {
        const { mapping, problems } = await mapAndCheck(spec(
            `    in: {type: Input, shape: [100]}\n    fc: {type: Linear, weight: {shape: [60000, 100], fixed_probability: {p: 0.05, weight: 1, seed: 1}}}\n    lif: {type: LIF, shape: [60000], ${LIF}}`,
            '    - [in, fc]\n    - [fc, lif]',
        ), target('spinnaker2-board48'));
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
        const chips = new Set(mapping.nodes[1].pes.map((s) => s.chip.join(',')));
        expect(chips.size).toBe(2);
        expect([...chips]).toEqual(['0,0', '0,1']); // the Hilbert curve's first chips, neighbours by the N link
        for (const chip of mapping.chips) expect(chip.routerEntries).toBeLessThanOrEqual(chip.routerEntriesUncompressed);
        expect(mapping.links?.map((l) => [l.x, l.y, l.link, l.trees])).toEqual([[0, 0, 2, 1]]);
        expect(mapping.links?.[0].packetsPerSecond).toBe(100 * 10);
    });

    it('is deterministic', async () => {
        const analysis = await analyseSpec(TWO_POPULATIONS);
        const strip = (m: MappingResult) => ({ ...m, timingsMs: undefined });
        expect(strip(await map(analysis, target('spinnaker2-board48')))).toEqual(strip(await map(analysis, target('spinnaker2-board48'))));
    });

    it('stops when cancelled', async () => {
        const analysis = await analyseSpec(TWO_POPULATIONS);
        const mapper = engine.registry.mappers.get('greedy')!;
        await expect(mapper.map(analysis, target('spinnaker2-chip'), { isCancellationRequested: true })).rejects.toBeInstanceOf(OperationCancelled);
    });
});

describe('resource limits through overridden settings', () => {
    const dense = spec(
        `    in: {type: Input, shape: [64]}\n    fc: {type: Linear, weight: {shape: [512, 64], ones: true}}\n    lif: {type: LIF, shape: [512], ${LIF}}`,
        '    - [in, fc]\n    - [fc, lif]',
    );

    it('reports routing tables over the router limit on the population that fills them', async () => {
        const { problems } = await mapAndCheck(dense, target('spinnaker2-board48', { router_entries_per_chip: 0 }));
        const [p] = problems.filter((q) => q.code === 'spinnaker2/router-entries');
        expect(p.origin.path).toBe('/node/nodes/in');
        expect(p.message).toMatch(/^the routing table of chip \(0, 0\), mostly routes of 'in', needs 1 entries after minimisation \(1 before\); a spinnaker2-board48 router holds 0\./);
    });

    it('reports DRAM per chip on SpiNNaker1, where synapses live in SDRAM', async () => {
        const { mapping, problems } = await mapAndCheck(dense, target('spinnaker1-board48', { dram_per_chip_bytes: 1000 }));
        expect(mapping.chips[0].dramBytes).toBe(64 * (12 + 256 * 4) * 2);
        expect(problems.find((q) => q.code === 'spinnaker2/dram-per-chip')?.origin.path).toBe('/node/nodes/lif');
    });

    it('reports a key space that is too small', async () => {
        const { problems } = await mapAndCheck(dense, target('spinnaker2-chip', { key_bits: 4 }));
        expect(problems.find((q) => q.code === 'spinnaker2/key-space')?.message).toMatch(/need more than 4 bits/);
    });
});

describe('mapping through the engine pipeline (check --map, the editor on save)', () => {
    it('maps with the slow checks and reports resource problems next to the rest', async () => {
        const text = spec(
            `    in: {type: Input, shape: [784]}\n    fc: {type: Linear, weight: {shape: [128, 784], ones: true}}\n    lif: {type: LIF, shape: [128], ${LIF}, metadata: {spinnaker2: {neurons_per_core: 128}}}`,
            '    - [in, fc]\n    - [fc, lif]',
        );
        const result = await engine.analyze({ kind: 'spec', text }, { target: 'spinnaker2-board48', categories: ['fast', 'slow'] });
        expect(result.mapping?.pesUsed).toBe(5);
        expect(result.problems.map((p) => p.code)).toContain('spinnaker2/sram-per-pe');
        const fast = await engine.analyze({ kind: 'spec', text }, { target: 'spinnaker2-board48' });
        expect([fast.mapping, fast.problems.map((p) => p.code)]).toEqual([undefined, expect.not.arrayContaining(['spinnaker2/sram-per-pe'])]);
    });
});

describe('the route budget', () => {
    it('maps a 50 M-neuron random network on 720 boards without routing it, and says why', async () => {
        const text = readFileSync(join(import.meta.dirname, 'fixtures', 'random-50m.nir.yaml'), 'utf8');
        const result = await engine.analyze({ kind: 'spec', text }, { target: 'spinnaker2-boards:720', categories: ['fast', 'slow'], mapDespiteTargetRuleErrors: true });
        const tooMany = result.problems.filter((p) => p.code === 'spinnaker2/too-many-routes');
        expect(tooMany).toHaveLength(1);
        expect(tooMany[0].message).toMatch(/needs [\d,]+ multicast routes .* more than the 1,000,000 NIRmesh builds.*'exc' alone sends/);
        expect(tooMany[0].origin.path).toBe('/node/nodes/exc');
        expect(result.mapping?.pesUsed).toBeGreaterThan(190_000);
        expect(result.mapping?.chips.every((c) => c.routerEntries === 0)).toBe(true);
        expect(result.mapping?.cost).toBeUndefined();
        expect(process.memoryUsage().rss).toBeLessThan(1.5 * 2 ** 30);
    });
});
