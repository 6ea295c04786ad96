import type { MappedExportRequest } from '../../plugins/exporter.js';
import type { Problem } from '../../diagnostics/problem.js';
import type { Conv2dLayout } from '../../machine/conv2d-layout.js';
import { machineGraphOf } from '../../machine/lower.js';
import { synapsePlan } from '../../machine/synapse-plan.js';
import { chainBias, chainSynapses } from '../../machine/chain-synapses.js';
import { quantiseToLevel } from '../../machine/quantisation.js';
import { asTensor, scalarOf } from '../../machine/tensor-values.js';
import { materializeTensor } from '../../nir/materialize.js';
import { readElementAsNumber } from '../../nir/dtype-codec.js';
import { secondsPer } from '../../plugins/check.js';
import { settingValue } from '../../targets/setting.js';
import { neuronParams, type NeuronParams } from './neuron-params.js';
import { nirPathOf, uniqueNames } from '../population-names.js';

/** A population as the script creates it. */
export interface ExportPopulation {
    /** The name py-spinnaker2 gets (the node's name, or its path where names repeat across nested graphs). */
    readonly name: string;
    /** The NIR path segments from the root graph, for the NIRData the script writes back. */
    readonly nirPath: readonly string[];
    readonly size: number;
    readonly model: string;
    readonly params: NeuronParams;
    readonly maxAtomsPerCore: number;
    readonly record: readonly string[];
    /** For spike_list sources: the spikes, as (neuron, step) pairs. */
    readonly spikes?: Int32Array;
}

/** A projection as the script creates it: a connection list or a Conv2DProjection. */
export type ExportProjection = {
    readonly pre: string;
    readonly post: string;
    /** The NIR nodes on the way, for the script's comments. */
    readonly via: readonly string[];
} & (
    /** Rows `[pre, post, weight, delay field]`, int32. */
    | { readonly kind: 'connections'; readonly rows: Int32Array; readonly count: number }
    /** Kernel `[C_in, C_out, kH, kW]`, int8 (s2_nir.py get_conv2d_params swaps the NIR axes 0 and 1). */
    | { readonly kind: 'conv2d'; readonly kernel: Int8Array; readonly kernelShape: readonly number[]; readonly layout: Conv2dLayout }
);

/** The network the script builds, with everything in the integers the machine stores. */
export interface ExportNetwork {
    readonly populations: readonly ExportPopulation[];
    readonly projections: readonly ExportProjection[];
    /** Seconds per step, and seconds per unit of the document's time values. */
    readonly dtSeconds: number;
    readonly secondsPerUnit: number;
}

const RECORDABLES = [['spikes', 'spikes'], ['v', 'v'], ['vLast', 'v_last'], ['timeDone', 'time_done']] as const;

/**
 * The network as py-spinnaker2 populations and projections: the models, integer weights and
 * delays of `synapsePlan`, the neurons per core the mapping chose, neuron parameters scaled to the
 * weights, and the input spikes on the step grid. Problems (with origins) for what it cannot write.
 */
export function exportNetwork(request: MappedExportRequest): { network?: ExportNetwork; problems: Problem[] } {
    const { analysis, target, mapping } = request;
    const graph = machineGraphOf(analysis);
    const plan = synapsePlan(graph, target, request.neuronModels);
    const problems: Problem[] = [];
    const fail = (message: string, origin = analysis.document.root.origin) => problems.push({ code: 'export/cannot-write', severity: 'error', message, origin });

    const secondsPerUnit = secondsPer(request.timeUnit);
    const dtMeta = scalarOf(analysis.document.root.metadata.entries.get('dt'));
    const dtSeconds = dtMeta !== undefined && dtMeta > 0 ? dtMeta * secondsPerUnit : settingValue(target, 'timestep_s');
    const names = uniqueNames(graph.populations);

    const biases = graph.populations.map((pop) => new Float64Array(pop.isSource ? 0 : pop.size));
    const projections: ExportProjection[] = [];
    for (const p of graph.projections) {
        const [pre, post] = [graph.populations[p.pre], graph.populations[p.post]];
        const planned = plan.projections[p.index];
        const grid = plan.populations[p.post];
        const via = p.ops.map((op) => op.node.node.name);
        const bias = chainBias(p, post.size);
        if (bias.error) fail(`cannot fold the bias into '${post.name}': ${bias.error}`, p.origin);
        bias.bias?.forEach((b, j) => (biases[p.post][j] += b));
        if (planned.conv) {
            const kernel = convKernel(p.ops[p.ops.length - 1].node.node.params.get('weight'), grid.scale, grid.levels);
            if (typeof kernel === 'string') fail(kernel, p.origin);
            else projections.push({ pre: names[p.pre], post: names[p.post], via, kind: 'conv2d', ...kernel, layout: planned.conv });
            continue;
        }
        const listed = chainSynapses(p, pre.size);
        if (listed.error !== undefined) {
            fail(`cannot list the synapses '${pre.name}' → '${post.name}': ${listed.error}`, p.origin);
            continue;
        }
        const { synapses } = listed;
        const count = synapses.pre.length;
        const rows = new Int32Array(count * 4);
        for (let k = 0; k < count; k++) {
            rows[k * 4] = synapses.pre[k];
            rows[k * 4 + 1] = synapses.post[k];
            rows[k * 4 + 2] = quantiseToLevel(synapses.weight[k], grid.scale, grid.levels);
            rows[k * 4 + 3] = planned.delayField;
        }
        projections.push({ pre: names[p.pre], post: names[p.post], via, kind: 'connections', rows, count });
    }

    const populations: ExportPopulation[] = [];
    const inputs = new Map((request.inputs ?? []).map((i) => [i.node, i]));
    for (const pop of graph.populations) {
        const node = mapping.nodes.find((n) => n.path === pop.path);
        const model = plan.populations[pop.index].machineModel;
        if (!model) {
            fail(`py-spinnaker2 has no model for '${pop.name}' (${pop.type})`, pop.node.node.typeOrigin);
            continue;
        }
        const record = RECORDABLES.filter(([k]) => pop.record[k]).map(([, name]) => name);
        const common = { name: names[pop.index], nirPath: nirPathOf(pop.path), size: pop.size, model, maxAtomsPerCore: node?.neuronsPerCore ?? pop.size, record };
        if (pop.isSource) {
            const given = inputs.get(pop.name) ?? inputs.get(pop.path);
            const spikes = new Int32Array((given?.idx.length ?? 0) * 2);
            given?.idx.forEach((neuron, k) => spikes.set([neuron, Math.floor((given.time[k] * secondsPerUnit) / dtSeconds + 1e-9)], k * 2));
            populations.push({ ...common, params: {}, spikes });
            continue;
        }
        const params = neuronParams(pop.node.node, pop.size, plan.populations[pop.index], dtSeconds / secondsPerUnit, biases[pop.index]);
        if (typeof params === 'string') fail(params, pop.node.node.origin);
        else populations.push({ ...common, params });
    }
    return { network: problems.length > 0 ? undefined : { populations, projections, dtSeconds, secondsPerUnit }, problems };
}

/** A Conv2d kernel `[C_out, C_in, kH, kW]` as py-spinnaker2's int8 `[C_in, C_out, kH, kW]`, rounded on the population's grid. */
function convKernel(value: Parameters<typeof asTensor>[0], scale: number, levels: number): { kernel: Int8Array; kernelShape: number[] } | string {
    const tensor = asTensor(value);
    if (!tensor || tensor.shape.length !== 4) return 'a Conv2d weight must be a [C_out, C_in, kH, kW] tensor';
    const m = materializeTensor(tensor);
    if (m.error !== undefined) return m.error;
    const [co, ci, kh, kw] = tensor.shape;
    const kernel = new Int8Array(co * ci * kh * kw);
    const plane = kh * kw;
    for (let o = 0; o < co; o++) {
        for (let i = 0; i < ci; i++) {
            for (let k = 0; k < plane; k++) {
                const w = readElementAsNumber(tensor.dtype, m.data, (o * ci + i) * plane + k);
                kernel[(i * co + o) * plane + k] = quantiseToLevel(w, scale, levels);
            }
        }
    }
    return { kernel, kernelShape: [ci, co, kh, kw] };
}
