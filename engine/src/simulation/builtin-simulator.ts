import type { Problem } from '../diagnostics/problem.js';
import type { GraphAnalysis } from '../graph/analysis.js';
import type { NodeActivity, RunResult, SimulationRequest, Simulator } from './types.js';
import { secondsPer, type TimeUnit } from '../plugins/check.js';
import { scalarOf } from '../machine/tensor-values.js';
import { settingValue } from '../targets/setting.js';
import { buildNetwork } from './network.js';
import { machineGraphOf } from '../machine/lower.js';
import { synapsePlan } from '../machine/synapse-plan.js';
import { SPINNAKER_NEURON_MODELS_BY_TYPE as OWN_MODELS } from '../targets/neuron-models.js';
import { spikeSources } from './spike-sources.js';
import { Recorder } from './recorder.js';
import { runTicks } from './tick-loop.js';
import { meshTransport } from './packet-router.js';
import { energyEstimate } from './energy.js';

/** Defaults of `RunOptions`. */
export const DEFAULT_RUN_STEPS = 1000;
export const DEFAULT_CHUNK_STEPS = 1000;

/**
 * The built-in simulator: time-stepped, every spike a packet with the mapper's key routed hop by
 * hop through the minimised routing tables of the mapped machine (or straight to its synapses
 * under `--target none`). See docs/simulation.md.
 */
export const builtinSimulator: Simulator = {
    id: 'builtin',
    title: 'NIRmesh: time-stepped, packets routed through the mapped mesh',
    run: async (request) => simulate(request),
};

async function simulate(request: SimulationRequest): Promise<RunResult> {
    const started = performance.now();
    const { analysis, target, options } = request;
    const program = request.mapping?.program;
    const problems: Problem[] = [];
    const numerics = options.numerics ?? 'hardware';
    const single = numerics === 'hardware';
    const dtMs = options.dtMs ?? graphDtMs(analysis, options.timeUnit);
    const tick = dtMs / 1000 / secondsPer(options.timeUnit);
    const steps = Math.max(0, Math.floor(options.steps ?? DEFAULT_RUN_STEPS));
    const levels = single && target && program ? settingValue(target, 'weight_levels') : undefined;
    const plan = levels !== undefined && target ? synapsePlan(machineGraphOf(analysis), target, OWN_MODELS) : undefined;
    const network = buildNetwork(analysis, {
        dt: tick, single, storage: { levels }, plan,
        integration: options.integration ?? 'exponential', reset: options.reset ?? 'to-reset',
    });
    problems.push(...network.problems);
    const sources = spikeSources(network, { tick, dtMs, seed: options.seed ?? 0, inputs: options.inputs ?? [], poisson: options.poisson ?? [] }, problems);
    const chunkSteps = Math.max(1, Math.floor(options.chunkSteps ?? DEFAULT_CHUNK_STEPS));
    const recorder = new Recorder(network, options.record, options.probes ?? [], chunkSteps, program !== undefined, options.onChunk, problems);
    const transport = program && target ? meshTransport(network, program, target, problems) : undefined;
    const base = {
        simulatorId: builtinSimulator.id, targetId: target && program ? target.id : 'none', dtMs, numerics, channels: recorder.channels,
    };
    if (problems.some((p) => p.severity === 'error')) {
        return { ...base, steps: 0, nodes: [], synapticEvents: 0, packets: 0, droppedPackets: 0, routers: [], links: [], pes: [], setupS: 0, simS: 0, problems };
    }
    const loopStart = performance.now();
    const totals = await runTicks(network, sources, recorder, transport, { steps, single, token: options.token, onProgress: options.onProgress });
    const simS = (performance.now() - loopStart) / 1000;
    const nodes: NodeActivity[] = network.populations.map((p) => ({
        name: p.population.name, path: p.population.path, type: p.population.type, neurons: p.population.size, spikes: totals.spikes[p.population.index],
    }));
    const traffic = transport?.traffic();
    if (totals.dropped > 0) {
        problems.push({
            code: 'simulation/packets-dropped', severity: 'warning', origin: analysis.document.root.origin,
            message: `${totals.dropped} of ${totals.packets} packets were dropped by routers or links over their capacity (router_packets_per_tick, link_packets_per_tick); the spikes they carried were lost.`,
        });
    }
    return {
        ...base,
        steps: totals.ticks,
        nodes,
        synapticEvents: totals.synapticEvents,
        packets: totals.packets,
        droppedPackets: totals.dropped,
        routers: traffic?.routers ?? [],
        links: traffic?.links ?? [],
        pes: traffic?.pes ?? [],
        energy: target && traffic ? energyEstimate(target, { ...traffic, synapticEvents: totals.synapticEvents, seconds: (totals.ticks * dtMs) / 1000 }) : undefined,
        setupS: (loopStart - started) / 1000,
        simS,
        ...(totals.cancelled ? { stopped: 'cancelled' as const } : {}),
        problems,
    };
}

/** The graph's `metadata.dt` in milliseconds (its value in `timeUnit`), else 1 ms: the tick a run takes when not told. */
export function graphDtMs(analysis: GraphAnalysis, timeUnit: TimeUnit | undefined): number {
    const dt = scalarOf(analysis.document.root.metadata.entries.get('dt'));
    return dt !== undefined && dt > 0 ? dt * secondsPer(timeUnit) * 1000 : 1;
}
