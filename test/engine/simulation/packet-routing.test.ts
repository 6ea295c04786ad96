import { describe, expect, it } from 'vitest';
import {
    buildNetwork, createEngine, meshTransport, resolveTarget, withSettingOverrides, type HardwareTarget, type MachineProgram, type Problem,
} from '../../../engine/src/index.js';

const engine = createEngine();

/**
 * Input (64) on chip (0, 0) sends to `near` on chip (0, 0) and to `far`, 16 neurons per PE on chip
 * (3, 0): its packets cross chips (1, 0) and (2, 0) in on W and out on E, which default routing
 * does, so the minimised tables of those chips hold no entry for them.
 */
const SPREAD = `node:
  type: NIRGraph
  nodes:
    input: {type: Input, shape: [64], metadata: {spinnaker2: {chip: [0, 0]}}}
    w_near: {type: Linear, weight: {shape: [32, 64], uniform: {low: 0, high: 0.3, seed: 1}}}
    near: {type: LIF, shape: [32], tau: 0.01, r: 1, v_leak: 0, v_threshold: 1, v_reset: 0, metadata: {spinnaker2: {chip: [0, 0], neurons_per_core: 8}}}
    w_far: {type: Linear, weight: {shape: [48, 64], uniform: {low: 0, high: 0.3, seed: 2}}}
    far: {type: LIF, shape: [48], tau: 0.01, r: 1, v_leak: 0, v_threshold: 1, v_reset: 0, metadata: {spinnaker2: {chip: [3, 0], neurons_per_core: 16}}}
  edges: [[input, w_near], [w_near, near], [input, w_far], [w_far, far]]
`;

async function mapped(target: HardwareTarget) {
    const analysed = await engine.analyze({ kind: 'spec', text: SPREAD }, { target, categories: ['fast', 'slow'], program: true });
    const errors = analysed.problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
    return { analysis: analysed.analysis!, program: analysed.mapping!.program! };
}

function board(overrides: Record<string, number> = {}): HardwareTarget {
    const target = withSettingOverrides(resolveTarget(engine.registry, 'spinnaker2-board48').target!, overrides);
    if ('error' in target) throw new Error(target.error);
    return target;
}

function mesh(analysis: Parameters<typeof buildNetwork>[0], program: MachineProgram, target: HardwareTarget, problems: Problem[] = []) {
    const network = buildNetwork(analysis, { dt: 0.001, single: false, storage: {}, integration: 'exponential', reset: 'to-reset' });
    return meshTransport(network, program, target, problems);
}

describe('packet routing through the minimised tables', () => {
    it('delivers every key to exactly the PEs of its multicast source, along its tree', async () => {
        const target = board();
        const { analysis, program } = await mapped(target);
        const run = mesh(analysis, program, target);
        const input = 0;
        let checked = 0;
        for (let neuron = 0; neuron < 64; neuron++) {
            const route = run.routeOf(input, neuron)!;
            const keys = program.populations[input].keys!;
            const key = (keys.base + neuron) >>> 0;
            const sourceIndex = program.sources.findIndex((s) => ((key & s.mask) >>> 0) === s.key);
            const source = program.sources[sourceIndex];
            const expected = source.destinations.map((d) => run.peIndex(d.chip.x, d.chip.y, d.pe)).sort((a, b) => a - b);
            expect([...route.pe].sort((a, b) => a - b)).toEqual(expected);
            const tree = program.trees.find((t) => t.sourceIndex === sourceIndex)!;
            expect([...route.chip].sort((a, b) => a - b)).toEqual(tree.nodes.map((n) => n.chip.y * target.topology!.width + n.chip.x).sort((a, b) => a - b));
            checked++;
        }
        expect(checked).toBe(64);
        // 32 near neurons on 4 PEs and 48 far ones on 3 PEs.
        expect(run.routeOf(input, 0)!.pe.length).toBe(7);
    });

    it('takes default routes: chips between the source and the far chip hold no entry for the key, and the packet still arrives', async () => {
        const target = board();
        const { analysis, program } = await mapped(target);
        const run = mesh(analysis, program, target);
        const route = run.routeOf(0, 5)!;
        const key = (program.populations[0].keys!.base + 5) >>> 0;
        const passedThrough = ['1,0', '2,0'];
        for (const chip of passedThrough) {
            expect(route.chip).toContain(Number(chip.split(',')[0]));
            const matches = (program.tables.get(chip) ?? []).filter((e) => ((key & e.mask) >>> 0) === e.key);
            expect(matches, chip).toEqual([]);
        }
        expect([...route.pe].filter((pe) => Math.floor(pe / program.pesPerChip) === 3)).toHaveLength(3);
    });

    it('shows a broken table as a wrong delivery, never hides it', async () => {
        const target = board();
        const { analysis, program } = await mapped(target);
        const tables = new Map(program.tables);
        tables.set('3,0', []);
        const problems: Problem[] = [];
        const run = mesh(analysis, { ...program, tables }, target, problems);
        const route = run.routeOf(0, 5)!;
        expect([...route.pe].filter((pe) => Math.floor(pe / program.pesPerChip) === 3)).toEqual([]);
        expect(problems.map((p) => p.code)).toContain('simulation/misrouted');
    });

    it('drops and counts what a link or a router cannot take in a tick', async () => {
        const inputAllAtOnce = { node: 'input', idx: Int32Array.from({ length: 64 }, (_, i) => i), time: new Float64Array(64).fill(0.002) };
        const run = async (overrides: Record<string, number>) => {
            const { result } = await engine.run({ kind: 'spec', text: SPREAD }, { target: board(overrides), steps: 10, numerics: 'exact', inputs: [inputAllAtOnce] });
            return result!;
        };
        const free = await run({});
        expect(free.droppedPackets).toBe(0);
        expect(free.links.find((l) => l.x === 0 && l.y === 0 && l.link === 0)).toMatchObject({ packets: 64, dropped: 0, peakPerTick: 64 });

        const narrowLink = await run({ link_packets_per_tick: 10 });
        expect(narrowLink.droppedPackets).toBe(54);
        expect(narrowLink.links.find((l) => l.x === 0 && l.y === 0 && l.link === 0)).toMatchObject({ packets: 64, dropped: 54 });
        expect(narrowLink.links.find((l) => l.x === 1 && l.y === 0 && l.link === 0)).toMatchObject({ packets: 10, dropped: 0 });
        expect(narrowLink.synapticEvents).toBeLessThan(free.synapticEvents);
        expect(narrowLink.problems.map((p) => p.code)).toContain('simulation/packets-dropped');

        const slowRouter = await run({ router_packets_per_tick: 20 });
        expect(slowRouter.routers.find((r) => r.x === 0 && r.y === 0)).toMatchObject({ dropped: 44 });
        expect(slowRouter.droppedPackets).toBe(44);
    });
});
