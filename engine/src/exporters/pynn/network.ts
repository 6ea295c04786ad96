import type { ExportRequest } from '../../plugins/exporter.js';
import type { Problem } from '../../diagnostics/problem.js';
import type { Population } from '../../machine/machine-graph.js';
import type { SynapseRows } from '../../simulation/synapse-rows.js';
import { machineGraphOf } from '../../machine/lower.js';
import { buildNetwork } from '../../simulation/network.js';
import { graphDtMs } from '../../simulation/builtin-simulator.js';
import { NEURON_PARAMS } from '../../simulation/neuron-dynamics.js';
import { perNeuron } from '../../simulation/weight-values.js';
import { asTensor } from '../../machine/tensor-values.js';
import { secondsPer } from '../../plugins/check.js';
import { nirPathOf, uniqueNames } from '../population-names.js';
import { PYNN_MODELS, type PynnModel } from './models.js';

/** One parameter: a number when every neuron has the same value, else one per neuron. */
export type PynnParam = number | readonly number[];

/** A population as `run.py` creates it: a spike source (an Input node) or a neuron node. */
export interface PynnPopulation {
    /** The name in the script (the node's name, or its path where nested graphs repeat a name). */
    readonly name: string;
    /** The NIR path segments from the root graph, for the NIRData the script writes back. */
    readonly nirPath: readonly string[];
    /** The NIR type (`LIF`, `Input`). */
    readonly type: string;
    readonly size: number;
    /** How run.py builds it (docs/pynn.md); absent for spike sources. */
    readonly model?: PynnModel;
    /**
     * The node's NIR parameters, every time constant (`tau`, `tau_mem`, `tau_syn`) in ms; the
     * other values as the file has them (voltages are read as mV).
     */
    readonly params: Readonly<Record<string, PynnParam>>;
    /** The constant input of its projections' biases (NIR input units, added every tick); 0 when none. */
    readonly bias: PynnParam;
}

/**
 * One sign of one projection, as PyNN wants it: every weight has the sign of its receptor
 * (`excitatory` ≥ 0, `inhibitory` < 0, after the post neuron's own sign, that of `r`, or of
 * `r·w_in` for the current-based types). Columnar and sorted by post neuron (then pre), so that
 * each MPI rank reads only the rows of its own neurons.
 */
export interface PynnProjection {
    readonly pre: string;
    readonly post: string;
    /** The NIR nodes on the way, for the script's comments. */
    readonly via: readonly string[];
    readonly receptor: 'excitatory' | 'inhibitory';
    readonly preIndex: Int32Array;
    readonly postIndex: Int32Array;
    /** The NIR weight of each synapse (what a unit spike adds to the post neuron's input S). */
    readonly weight: Float64Array;
    /** The delay beyond NIR's one tick into every population, in ms (Delay nodes); absent when all are 0. */
    readonly extraDelayMs?: Float64Array;
}

/** The network `run.py` builds, in NIR's values with time in ms. */
export interface PynnNetwork {
    readonly populations: readonly PynnPopulation[];
    readonly projections: readonly PynnProjection[];
    /** The tick the export was written for (the graph's `metadata.dt`, else 1 ms). */
    readonly dtMs: number;
    /** Milliseconds per unit of the document's time values, for input files and the NIRData written back. */
    readonly msPerUnit: number;
}

/** Parameters that are times, converted to ms. */
const TIME_PARAMS = new Set(['tau', 'tau_mem', 'tau_syn']);

/**
 * The network as PyNN populations and projections: the synapses NIRmesh's simulator would run
 * (`buildNetwork` with exact numerics: every chain of weight, convolution, pooling, flatten, scale
 * and delay nodes listed as synapses, biases folded into a constant input per neuron), split by
 * sign and sorted by post neuron. Problems (with origins) for what PyNN cannot run.
 */
export function pynnNetwork(request: ExportRequest): { network?: PynnNetwork; problems: Problem[] } {
    const { analysis } = request;
    const msPerUnit = secondsPer(request.timeUnit) * 1000;
    const dtMs = graphDtMs(analysis, request.timeUnit);
    const built = buildNetwork(analysis, { dt: dtMs / msPerUnit, single: false, storage: {}, integration: 'exponential', reset: 'to-reset' });
    const problems: Problem[] = [...built.problems];
    const cannot = (message: string, origin: Problem['origin']) => problems.push({ code: 'export/cannot-write', severity: 'error', message, origin });
    const graph = machineGraphOf(analysis);
    const pops = graph.populations;
    const names = uniqueNames(pops);

    const populations = built.populations.map((sim): PynnPopulation => {
        const pop = sim.population;
        const common = { name: names[pop.index], nirPath: nirPathOf(pop.path), type: pop.type, size: pop.size, bias: compact(sim.constant ?? [0]) };
        if (pop.isSource) return { ...common, params: {} };
        const model = PYNN_MODELS[pop.type];
        if (!model) cannot(`PyNN has no model for '${pop.name}' (${pop.type}); see docs/pynn.md for the types it runs.`, pop.node.node.typeOrigin);
        if (model && !model.spiking && pop.outgoing.length > 0) {
            cannot(`'${pop.name}' (${pop.type}) sends its value v on, and PyNN projections carry spikes only; a non-spiking node can only be a readout.`, pop.node.node.origin);
        }
        return { ...common, model, params: nirParams(pop, msPerUnit) };
    });

    const projections: PynnProjection[] = [];
    for (const sim of built.projections) {
        const post = pops[sim.post];
        const sign = postSign(populations[sim.post]);
        const via = graph.projections[sim.index].ops.map((op) => op.node.node.name);
        for (const receptor of ['excitatory', 'inhibitory'] as const) {
            const part = sortedSide(sim.rows, post.size, sign, receptor, dtMs);
            if (part) projections.push({ pre: names[sim.pre], post: names[sim.post], via, receptor, ...part });
        }
    }
    return { network: problems.some((p) => p.severity === 'error') ? undefined : { populations, projections, dtMs, msPerUnit }, problems };
}

/** A node's NIR parameters (missing ones at the simulator's defaults), time constants in ms. */
function nirParams(pop: Population, msPerUnit: number): Record<string, PynnParam> {
    const params: Record<string, PynnParam> = {};
    for (const [name, fallback] of NEURON_PARAMS[pop.type] ?? []) {
        const values = perNeuron(asTensor(pop.node.node.params.get(name)), pop.size, fallback) ?? new Float64Array(pop.size).fill(fallback);
        params[name] = compact(TIME_PARAMS.has(name) ? values.map((v) => v * msPerUnit) : values);
    }
    return params;
}

/** The sign (+1 or −1) a weight takes on the way into each post neuron: that of `r`, times that of `w_in` for current-based types. */
function postSign(pop: PynnPopulation): Int8Array {
    const sign = new Int8Array(pop.size).fill(1);
    for (const name of ['r', 'w_in']) {
        const value = pop.params[name];
        if (value === undefined) continue;
        for (let n = 0; n < pop.size; n++) if ((typeof value === 'number' ? value : value[n]) < 0) sign[n] = -sign[n];
    }
    return sign;
}

/**
 * The synapses of one receptor (those whose weight, times the post neuron's sign, is ≥ 0 for
 * `excitatory`, < 0 for `inhibitory`), sorted by post neuron then pre neuron (a counting sort over
 * the rows, which are already by pre neuron); undefined when there are none.
 */
export function sortedSide(rows: SynapseRows, postSize: number, sign: Int8Array, receptor: 'excitatory' | 'inhibitory', dtMs: number): Omit<PynnProjection, 'pre' | 'post' | 'via' | 'receptor'> | undefined {
    const preSize = rows.start.length - 1;
    const keep = (k: number) => (rows.weight[k] * sign[rows.post[k]] >= 0) === (receptor === 'excitatory');
    const counts = new Int32Array(postSize + 1);
    for (let k = 0; k < rows.post.length; k++) if (keep(k)) counts[rows.post[k] + 1]++;
    for (let j = 0; j < postSize; j++) counts[j + 1] += counts[j];
    const n = counts[postSize];
    if (n === 0) return undefined;
    const preIndex = new Int32Array(n);
    const postIndex = new Int32Array(n);
    const weight = new Float64Array(n);
    const extra = rows.delay ? new Float64Array(n) : undefined;
    for (let i = 0; i < preSize; i++) {
        for (let k = rows.start[i]; k < rows.start[i + 1]; k++) {
            if (!keep(k)) continue;
            const at = counts[rows.post[k]]++;
            preIndex[at] = i;
            postIndex[at] = rows.post[k];
            weight[at] = rows.weight[k];
            if (extra && rows.delay) extra[at] = (rows.delay[k] - 1) * dtMs;
        }
    }
    return { preIndex, postIndex, weight, extraDelayMs: extra?.some((d) => d > 0) ? extra : undefined };
}

/** One number when all values agree, else the list. */
function compact(values: ArrayLike<number>): PynnParam {
    const list = Array.from(values);
    return list.length > 0 && list.every((v) => v === list[0]) ? list[0] : list;
}
