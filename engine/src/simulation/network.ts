import type { GraphAnalysis } from '../graph/analysis.js';
import type { Problem } from '../diagnostics/problem.js';
import type { Population } from '../machine/machine-graph.js';
import { machineGraphOf } from '../machine/lower.js';
import { chainMap, type ChainMap } from './chain-ops.js';
import { buildSynapseRows, chainConstant, type SynapseRows } from './synapse-rows.js';
import { neuronDynamics, type DynamicsOptions, type NeuronDynamics } from './neuron-dynamics.js';
import type { WeightStorage } from './weight-values.js';
import type { Tensor } from '../nir/value.js';
import { weightGrid, type SynapsePlan } from '../machine/synapse-plan.js';

/** One population as the simulator runs it: a neuron node with its dynamics, or an Input node (a spike source). */
export interface SimPopulation {
    readonly population: Population;
    /** Absent for spike sources. */
    readonly dynamics?: NeuronDynamics;
    /** True when the output is spikes (sources, spiking neurons); false when it is the value `v`. */
    readonly spiking: boolean;
    /** What the chains into it add every tick (biases), when anything. */
    readonly constant?: Float64Array;
    /** Ring-buffer slots: the largest delay of any synapse into it, plus one. */
    readonly slots: number;
}

/** One projection's synapses. */
export interface SimProjection {
    /** Its position in the machine graph's projections. */
    readonly index: number;
    readonly pre: number;
    readonly post: number;
    readonly rows: SynapseRows;
}

/** The network the simulator runs: populations and projections indexed as in the machine graph the mapper used. */
export interface SimNetwork {
    readonly populations: readonly SimPopulation[];
    readonly projections: readonly SimProjection[];
    /** Projections leaving each population. */
    readonly outgoing: readonly (readonly SimProjection[])[];
    readonly problems: readonly Problem[];
}

/** How to build the network. */
export interface NetworkOptions extends DynamicsOptions {
    readonly storage: WeightStorage;
    /** The synapse plan of the mapped machine, whose per-population grids the weights round to under hardware storage. */
    readonly plan?: SynapsePlan;
}

/**
 * Builds the runnable network from the machine graph of an analysis (the same populations and
 * projections the mapper placed): each neuron node's dynamics, each projection's synapse rows
 * and the constant input its biases make. A node the simulator cannot run is an error problem
 * on the node (`simulation/unsupported`), and the network is still built without it.
 */
export function buildNetwork(analysis: GraphAnalysis, options: NetworkOptions): SimNetwork {
    const graph = machineGraphOf(analysis);
    const problems: Problem[] = [];
    const unsupported = (origin: Problem['origin'], what: string, why: string) =>
        problems.push({ code: 'simulation/unsupported', severity: 'error', message: `${what} cannot be simulated: ${why}.`, origin });

    const constants = graph.populations.map((): Float64Array | undefined => undefined);
    const maxDelay = graph.populations.map(() => 1);
    const projections: SimProjection[] = [];
    for (const projection of graph.projections) {
        const pre = graph.populations[projection.pre];
        const post = graph.populations[projection.post];
        const maps: ChainMap[] = [];
        let failed = false;
        const plan = options.plan;
        const storage: WeightStorage = plan && options.storage.levels !== undefined
            ? { ...options.storage, grid: (tensor: Tensor) => weightGrid(plan, projection, tensor) }
            : options.storage;
        for (const op of projection.ops) {
            const map = chainMap(op, { storage, tick: options.dt });
            if (typeof map === 'string') {
                unsupported(op.node.node.origin, `'${op.node.node.name}' (${op.node.node.type})`, map);
                failed = true;
                break;
            }
            maps.push(map);
        }
        if (failed) continue;
        const rows = buildSynapseRows(pre.size, post.size, maps, options.single);
        const constant = chainConstant(post.size, maps);
        if (constant.some((c) => c !== 0)) {
            const sum = (constants[post.index] ??= new Float64Array(post.size));
            for (let n = 0; n < post.size; n++) sum[n] += constant[n];
        }
        maxDelay[post.index] = Math.max(maxDelay[post.index], rows.maxDelay);
        projections.push({ index: projection.index, pre: pre.index, post: post.index, rows });
    }

    const populations = graph.populations.map((population): SimPopulation => {
        const base = { population, constant: constants[population.index], slots: maxDelay[population.index] + 1 };
        if (population.isSource) return { ...base, spiking: true };
        const dynamics = neuronDynamics(population.node.node, population.size, options);
        if (typeof dynamics === 'string') {
            unsupported(population.node.node.origin, `'${population.name}' (${population.type})`, dynamics);
            return { ...base, spiking: true };
        }
        return { ...base, dynamics, spiking: dynamics.spiking };
    });
    const outgoing = populations.map((p) => projections.filter((j) => j.pre === p.population.index));
    return { populations, projections, outgoing, problems };
}
