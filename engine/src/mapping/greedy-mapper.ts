import type { GraphAnalysis } from '../graph/analysis.js';
import type { HardwareTarget } from '../plugins/target.js';
import type { MapOptions, Mapper, MappingResult } from '../plugins/mapper.js';
import type { NeuronModel } from '../plugins/neuron-model.js';
import type { CancellationToken } from '../util/cancellation.js';
import { createInterrupter, throwIfCancelled } from '../util/cancellation.js';
import { machineGraphOf } from '../machine/lower.js';
import { peCostModel, spikeListBytesPerNeuron } from '../machine/pe-cost-model.js';
import { SPINNAKER_NEURON_MODELS_BY_TYPE as OWN_MODELS } from '../targets/neuron-models.js';
import { synapsePlan } from '../machine/synapse-plan.js';
import { settingValue } from '../targets/setting.js';
import { machineLimits } from './machine-limits.js';
import { sizePopulations, type FixedSize } from './slice-sizing.js';
import { hilbertChipOrder } from './chip-order.js';
import { placeSlices } from './placement.js';
import { allocateKeys } from './keys.js';
import { buildSources } from './multicast-sources.js';
import { routeAndMinimise, unrouted } from './routing-stage.js';
import { routeBudgetProblem, routesByPopulation } from './route-budget.js';
import { linkTraffic, costSummary } from './traffic.js';
import { assembleResult } from './assemble-result.js';
import type { MachineProgram } from './machine-program.js';

/** Steps of recording budgeted when the caller names none. */
export const DEFAULT_STEPS = 1000;

/**
 * The `greedy` mapper: sizes slices to the SRAM window, fills PEs along a Hilbert curve with the
 * populations in breadth-first order, allocates zoned keys, routes and minimises every table.
 * Deterministic. Work is per population and per slice, never per neuron or synapse (except a scan
 * of explicit weight arrays); routing is skipped, with a problem, beyond `MAX_ROUTES` routes.
 */
export const greedyMapper: Mapper = {
    id: 'greedy',
    title: 'Greedy: SRAM-sized slices along a Hilbert curve, breadth-first from the inputs',
    map: (analysis, target, token, options) => mapGreedy(analysis, target, token, options),
};

async function mapGreedy(analysis: GraphAnalysis, target: HardwareTarget, token: CancellationToken | undefined, options: MapOptions = {}): Promise<MappingResult> {
    const timings: Record<string, number> = {};
    let mark = performance.now();
    const lap = (stage: string) => {
        const now = performance.now();
        timings[stage] = (timings[stage] ?? 0) + (now - mark);
        mark = now;
    };
    throwIfCancelled(token);
    const interrupt = createInterrupter(token);
    const pause = async () => {
        throwIfCancelled(token);
        await interrupt();
    };
    const steps = options.steps ?? DEFAULT_STEPS;
    const limits = machineLimits(target);
    if (!limits) {
        return {
            targetId: target.id, mapperId: 'greedy', chipsUsed: 0, pesUsed: 0, nodes: [], chips: [], estimatesUsed: [],
            problems: [{ code: 'engine/internal-error', severity: 'error', message: `target ${target.id} has no chip mesh, which the greedy mapper needs`, origin: analysis.document.root.origin }],
        };
    }
    const graph = machineGraphOf(analysis);
    const model = peCostModel(target);
    lap('lower');

    // The machine model follows the synapse plan (delays, convolutions), as the exporters write it.
    const plan = synapsePlan(graph, target, { get: (type) => modelFor(type, options) });
    const models = graph.populations.map((p, i) => ({ ...modelFor(p.type, options), machineModel: plan.populations[i].machineModel }));
    const spikeListBytes = spikeListBytesPerNeuron(target, steps);
    const bytesPerNeuron = models.map((m) => m.bytesPerNeuron + (m.source ? spikeListBytes : 0));
    const atomLimits = graph.populations.map((p, i) => Math.max(1, Math.min(limits.maxNeuronsPerPe, models[i].maxNeuronsPerCore ?? limits.maxNeuronsPerPe, p.size)));
    const neuronsPerCore = graph.populations.map(() => 1);
    const ctx = { graph, model, steps, neuronsPerCore, bytesPerNeuron };
    const fixed = graph.populations.map((p, i): FixedSize | undefined => {
        const hint = p.hints.neuronsPerCore?.value;
        if (hint !== undefined) return { n: hint, source: 'hint' };
        const preset = options.neuronsPerCore?.[p.type];
        return preset !== undefined && preset >= 1 ? { n: Math.min(Math.floor(preset), atomLimits[i]), source: 'default' } : undefined;
    });
    const sizing = sizePopulations(ctx, atomLimits, fixed);
    await pause();
    lap('size');

    const placement = placeSlices(graph, neuronsPerCore, hilbertChipOrder(limits.topology), limits.pesPerChip);
    await pause();
    lap('place');

    const senders = graph.populations
        .filter((p) => p.size > 0 && p.outgoing.some((i) => graph.projections[i].connectivity.synapses > 0))
        .map((p) => ({ index: p.index, neuronsPerCore: neuronsPerCore[p.index], slices: placement.chipOf[p.index].length }));
    const keys = allocateKeys(senders, graph.populations.length, limits.keyBits);
    const sourceSet = buildSources(graph, neuronsPerCore, placement, keys.keys);
    await pause();
    lap('keys');

    const overBudget = routeBudgetProblem(graph, routesByPopulation(sourceSet, graph.populations.length));
    const routed = overBudget ? unrouted(overBudget) : await routeAndMinimise(limits.topology, sourceSet, limits.physicalPesPerChip, pause);
    lap('route');
    timings.minimise = routed.minimiseMs;
    timings.route -= routed.minimiseMs;

    const traffic = {
        rateHz: settingValue(target, 'mean_firing_rate_hz'),
        packetBits: settingValue(target, 'packet_bits'),
        linkBitsPerSecond: settingValue(target, 'link_bandwidth_bits_per_s'),
        routerJoulesPerBit: settingValue(target, 'energy_per_router_bit_j'),
        synapticJoulesPerEvent: settingValue(target, 'energy_per_synaptic_event_j'),
        idleWattsPerChip: settingValue(target, 'idle_power_per_chip_w'),
        activeWattsPerPe: settingValue(target, 'active_power_per_pe_w'),
    };
    const links = linkTraffic(limits.topology, routed.trees, sourceSet, traffic);
    const result = await assembleResult({
        analysis, target, graph, limits, ctx, sizing, models, placement, keys, sourceSet, routed, links, steps, pause,
        cost: (chipsUsed, pesUsed) => (overBudget ? undefined : costSummary(graph, links, chipsUsed, pesUsed, traffic)),
    });
    lap('assemble');
    const program: MachineProgram | undefined = options.program
        ? {
            topology: limits.topology, pesPerChip: limits.physicalPesPerChip, chips: placement.chips,
            populations: graph.populations.map((p) => ({ neuronsPerCore: neuronsPerCore[p.index], chipOf: placement.chipOf[p.index], peOf: placement.peOf[p.index], keys: keys.keys[p.index] })),
            sources: sourceSet.sources, sourcePopulation: sourceSet.population, trees: routed.trees, tables: routed.minimised,
        }
        : undefined;
    return { ...result, timingsMs: timings, ...(program ? { program } : {}) };
}

/** The neuron model of a NIR type: the caller's registry first, then the mapper's own; LIF's costs for unknown types. */
function modelFor(type: string, options: MapOptions): NeuronModel {
    return options.neuronModels?.get(type) ?? OWN_MODELS.get(type) ?? { ...(OWN_MODELS.get('LIF') as NeuronModel), id: type };
}
