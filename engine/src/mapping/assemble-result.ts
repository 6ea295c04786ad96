import type { GraphAnalysis } from '../graph/analysis.js';
import type { HardwareTarget } from '../plugins/target.js';
import type { ChipUsage, CostSummary, LinkTraffic, MappingResult, NodePlacement, PeSlice } from '../plugins/mapper.js';
import type { NeuronModel } from '../plugins/neuron-model.js';
import type { MachineGraph } from '../machine/machine-graph.js';
import type { MachineLimits } from './machine-limits.js';
import type { CostContext, SliceCost } from './slice-cost.js';
import type { Sizing } from './slice-sizing.js';
import type { Placement } from './placement.js';
import type { KeyAllocation } from './keys.js';
import type { SourceSet } from './multicast-sources.js';
import type { RoutedTables } from './routing-stage.js';
import type { SettingName } from '../targets/setting-names.js';
import { populationPeriod, sliceCost } from './slice-cost.js';
import { sliceKey } from './keys.js';
import { recordingBytes } from '../machine/pe-cost-model.js';
import { isEstimate } from '../targets/setting.js';

/** Everything the mapper worked out, for turning into the plain-data result. */
export interface MappingWork {
    readonly analysis: GraphAnalysis;
    readonly target: HardwareTarget;
    readonly graph: MachineGraph;
    readonly limits: MachineLimits;
    readonly ctx: CostContext;
    readonly sizing: readonly Sizing[];
    readonly models: readonly NeuronModel[];
    readonly placement: Placement;
    readonly keys: KeyAllocation;
    readonly sourceSet: SourceSet;
    readonly routed: RoutedTables;
    readonly links: readonly LinkTraffic[];
    readonly steps: number;
    readonly pause: () => Promise<void>;
    /** The traffic and power summary; undefined when routing was skipped (there is no traffic to sum). */
    readonly cost: (chipsUsed: number, pesUsed: number) => CostSummary | undefined;
}

/** Settings outside the PE layout that a mapping depends on. */
const MAPPING_SETTINGS: readonly SettingName[] = [
    'pes_per_chip', 'reserved_pes_per_chip', 'max_neurons_per_pe', 'spike_list_bytes_per_spike', 'key_bits', 'router_entries_per_chip', 'dram_per_chip_bytes',
    'mean_firing_rate_hz', 'packet_bits', 'link_bandwidth_bits_per_s', 'energy_per_router_bit_j', 'energy_per_synaptic_event_j', 'idle_power_per_chip_w', 'active_power_per_pe_w',
];

/** Builds the `MappingResult`: per-node slices with their SRAM and keys, per-chip load and tables, traffic, cost, estimates. */
export async function assembleResult(w: MappingWork): Promise<Omit<MappingResult, 'timingsMs'>> {
    const { graph, placement, limits } = w;
    const chipDram = new Float64Array(placement.chips.length);
    const dramByChipPop = new Map<number, number>();
    const nodes: NodePlacement[] = [];
    const entriesByPop = new Float64Array(graph.populations.length);
    for (const tree of w.routed.trees) entriesByPop[w.sourceSet.population[tree.sourceIndex]] += tree.nodes.length;

    for (const pop of graph.populations) {
        await w.pause();
        const n = w.sizing[pop.index].n;
        const chipOf = placement.chipOf[pop.index];
        const period = populationPeriod(w.ctx, pop.index, n);
        const memo = new Map<string, SliceCost>();
        const costOf = (s: number, count: number): SliceCost => {
            if (!Number.isFinite(period)) return sliceCost(w.ctx, pop.index, s * n, count);
            const id = `${s % period}:${count}`;
            let c = memo.get(id);
            if (!c) memo.set(id, (c = sliceCost(w.ctx, pop.index, s * n, count)));
            return c;
        };
        const pes: PeSlice[] = [];
        let worst: SliceCost | undefined;
        const popKeys = w.keys.keys[pop.index];
        for (let s = 0; s < chipOf.length; s++) {
            const count = Math.min(n, pop.size - s * n);
            const cost = costOf(s, count);
            if (!worst || cost.sram > worst.sram) worst = cost;
            const chip = chipOf[s];
            if (chip < 0) continue;
            const coord = placement.chips[chip];
            const key = popKeys ? sliceKey(popKeys, s) : undefined;
            pes.push({ chip: [coord.x, coord.y], pe: placement.peOf[pop.index][s], first: s * n, count, sramBytes: cost.sram, ...key, ...(cost.dram > 0 ? { dramBytes: cost.dram } : {}) });
            if (cost.dram > 0) {
                chipDram[chip] += cost.dram;
                const id = chip * graph.populations.length + pop.index;
                dramByChipPop.set(id, (dramByChipPop.get(id) ?? 0) + cost.dram);
            }
        }
        const { sram: _sram, dram: _dram, ...breakdown } = worst ?? emptyCost();
        nodes.push({
            name: pop.name, path: pop.path, neurons: pop.size, pes, routerEntries: entriesByPop[pop.index],
            type: pop.type, model: w.models[pop.index].machineModel,
            neuronsPerCore: n, neuronsPerCoreSource: w.sizing[pop.index].source, pesNeeded: chipOf.length,
            maxSramBytes: worst?.sram ?? 0, sramBreakdown: breakdown, fittingNeuronsPerCore: w.sizing[pop.index].fitting,
            fittingSteps: worst ? fittingSteps(w, pop.index, n, worst) : undefined,
            synapsesIn: pop.incoming.reduce((sum, i) => sum + graph.projections[i].connectivity.synapses, 0),
            synapsesExact: pop.incoming.every((i) => graph.projections[i].connectivity.exact),
        });
    }

    const chips = chipUsage(w, chipDram, dramByChipPop);
    const chipsUsed = chips.filter((c) => c.pesUsed > 0).length;
    return {
        targetId: w.target.id,
        mapperId: 'greedy',
        chipsUsed,
        pesUsed: placement.placed,
        nodes,
        chips,
        estimatesUsed: estimatesUsed(w),
        problems: w.routed.problems,
        steps: w.steps,
        limits: { chips: limits.chips, pesPerChip: limits.pesPerChip, pes: limits.pes, sramBytesPerPe: limits.sramBytesPerPe, dramBytesPerChip: limits.dramBytesPerChip, routerEntriesPerChip: limits.routerEntriesPerChip },
        pesNeeded: placement.needed,
        placementFailures: placement.failures,
        keyBits: { used: w.keys.overflow.length > 0 ? limits.keyBits + 1 : w.keys.bitsUsed, available: limits.keyBits },
        links: w.links,
        cost: w.cost(chipsUsed, placement.placed),
    };
}

function emptyCost(): SliceCost {
    return { fixed: 0, neurons: 0, inputBuffers: 0, synapses: 0, populationTable: 0, routingInfo: 0, recording: 0, sram: 0, dram: 0 };
}

/** The most recorded steps with which the costliest slice fits, when it does not fit now and recording grows with steps. */
function fittingSteps(w: MappingWork, index: number, n: number, worst: SliceCost): number | undefined {
    if (worst.sram <= w.limits.sramBytesPerPe || w.ctx.model.recordingInDram) return undefined;
    const record = w.graph.populations[index].record;
    const once = recordingBytes(record, n, 0, w.ctx.model);
    const perStep = recordingBytes(record, n, 1, w.ctx.model) - once;
    if (perStep <= 0) return undefined;
    const rest = worst.sram - worst.recording;
    return Math.max(0, Math.floor((w.limits.sramBytesPerPe - rest - once) / perStep));
}

/** Per chip: PEs used, DRAM, routing-table sizes, and the node behind the most DRAM or router entries where a limit is passed. */
function chipUsage(w: MappingWork, chipDram: Float64Array, dramByChipPop: Map<number, number>): ChipUsage[] {
    const { placement, graph, limits } = w;
    const popCount = graph.populations.length;
    const over = new Set<string>();
    for (const [chip, size] of w.routed.sizes) if (size.after > limits.routerEntriesPerChip) over.add(chip);
    const routerMain = mainRouterNodes(w, over);
    const usage: ChipUsage[] = [];
    placement.chips.forEach((coord, i) => {
        const key = `${coord.x},${coord.y}`;
        const tables = w.routed.sizes.get(key);
        if (placement.pesUsedPerChip[i] === 0 && !tables) return;
        let dramMain: string | undefined;
        if (chipDram[i] > limits.dramBytesPerChip) {
            let best = -1;
            for (let p = 0; p < popCount; p++) {
                const bytes = dramByChipPop.get(i * popCount + p) ?? 0;
                if (bytes > best) [best, dramMain] = [bytes, graph.populations[p].path];
            }
        }
        usage.push({
            x: coord.x, y: coord.y, pesUsed: placement.pesUsedPerChip[i], dramBytes: Math.ceil(chipDram[i]),
            routerEntries: tables?.after ?? 0, routerEntriesUncompressed: tables?.before ?? 0,
            ...(dramMain ? { dramMainNode: dramMain } : {}),
            ...(routerMain.has(key) ? { routerMainNode: routerMain.get(key) } : {}),
        });
    });
    return usage;
}

/** For each chip over its router limit, the node whose trees pass through it most often. */
function mainRouterNodes(w: MappingWork, chips: ReadonlySet<string>): Map<string, string> {
    const counts = new Map<string, Map<number, number>>();
    if (chips.size === 0) return new Map();
    for (const tree of w.routed.trees) {
        const pop = w.sourceSet.population[tree.sourceIndex];
        for (const node of tree.nodes) {
            const key = `${node.chip.x},${node.chip.y}`;
            if (!chips.has(key)) continue;
            let byPop = counts.get(key);
            if (!byPop) counts.set(key, (byPop = new Map()));
            byPop.set(pop, (byPop.get(pop) ?? 0) + 1);
        }
    }
    const main = new Map<string, string>();
    for (const [chip, byPop] of counts) {
        const [pop] = [...byPop.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
        main.set(chip, w.graph.populations[pop].path);
    }
    return main;
}

/** The estimated settings and neuron-model costs the result rests on. */
function estimatesUsed(w: MappingWork): string[] {
    const names = new Set<string>();
    for (const name of [...w.ctx.model.settingsUsed, ...MAPPING_SETTINGS]) if (isEstimate(w.target, name)) names.add(name);
    for (const m of w.models) if (m.costConfidence === 'estimate') names.add(`neuron_model.${m.id}`);
    if (w.graph.projections.some((p) => !p.connectivity.exact)) names.add('expected_synapses_of_random_connectivity');
    return [...names];
}
