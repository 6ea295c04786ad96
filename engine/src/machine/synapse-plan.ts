import type { HardwareTarget } from '../plugins/target.js';
import type { NeuronModel } from '../plugins/neuron-model.js';
import type { Origin } from '../nir/origin.js';
import type { Tensor } from '../nir/value.js';
import type { MachineGraph, Population, Projection } from './machine-graph.js';
import { optionalSetting, settingValue } from '../targets/setting.js';
import { asTensor } from './tensor-values.js';
import { weightMaxAbs } from './quantisation.js';
import { poolWindow } from './connectivity/window-params.js';
import { conv2dLayout, type Conv2dLayout } from './conv2d-layout.js';

/** How a population's synapses are stored: its machine model and the integer grid its weights round to. */
export interface PopulationSynapses {
    /** py-spinnaker2's model (`lif_no_delay`, `lif`, `lif_conv2d`, `spike_list`); undefined when the machine has none. */
    readonly machineModel?: string;
    /** Why that model: the default, a delay other than the default, or a Conv2DProjection into it. */
    readonly variant: 'default' | 'delayed' | 'conv';
    /** Weights round to the integers −levels … levels. */
    readonly levels: number;
    /** The largest |weight| arriving over any projection (a bound for generated weights); 0 when none. */
    readonly maxAbs: number;
    /** The one factor every weight into the population is multiplied by before rounding: levels / maxAbs (1 without weights). */
    readonly scale: number;
    /** The weight one level stands for (maxAbs / levels). */
    readonly step: number;
}

/** How one projection is written: its delay and, for a Conv2DProjection, its layout. */
export interface ProjectionSynapses {
    /** The delay in steps, and the synapse word's delay field that encodes it (steps − the target's `delay_field_offset_steps`). */
    readonly delaySteps: number;
    readonly delayField: number;
    /**
     * The delay in steps the machine applies (what the simulator's hardware numerics use): the
     * delayed model's `delaySteps` clipped to `min_delay_steps`..`max_delay_steps` (what its delay
     * field can hold); `default_delay_steps` into a model without a delay field; for a
     * Conv2DProjection `conv_delay_steps`, at least `min_delay_steps` (a spike reaches the next step).
     */
    readonly machineDelaySteps: number;
    /** Where the delay is set (its hint), when it is not the default. */
    readonly delayOrigin?: Origin;
    /** Set when the projection is a Conv2DProjection; otherwise it is a connection list. */
    readonly conv?: Conv2dLayout;
    /** The largest |weight| of this projection alone (the weight tensor's, times an AvgPool2d's 1/k²). */
    readonly maxAbs: number;
}

/** Models, grids and delays for every population and projection of a machine graph. */
export interface SynapsePlan {
    readonly populations: readonly PopulationSynapses[];
    readonly projections: readonly ProjectionSynapses[];
}

/** Where to look up neuron models by NIR type (the engine's `registry.neuronModels`). */
export interface NeuronModelLookup {
    get(id: string): NeuronModel | undefined;
}

/**
 * The one place that decides how a network's synapses become integers on the machine; the
 * `spinnaker2/weight-quantisation` and `delay-range` checks, the mapper's model names, the
 * exporters and the simulator's hardware numerics all read it.
 *
 * - A population fed by a Conv2DProjection runs the model's conv variant (`lif_conv2d`,
 *   s2_nir.py create_populations); one with any projection whose delay is not the target's
 *   `default_delay_steps` runs the delayed variant (`lif`), whose synapse word has a delay field;
 *   else the default (`lif_no_delay`, s2_nir.py's choice).
 * - The delayed variant stores 2^`synapse_weight_bits` − 1 levels per sign (±15); the others
 *   `weight_levels` (±127, s2_nir.py's int8 range).
 * - One scale per population, levels / the largest |w| over every projection into it, as
 *   s2_nir.py get_max_abs_weight does with `scale_weights=True`; rounded to nearest
 *   (`quantiseToLevel`), where s2_nir.py truncates conv weights with `astype(np.int8)`.
 */
export function synapsePlan(graph: MachineGraph, target: HardwareTarget, models: NeuronModelLookup): SynapsePlan {
    let byModels = cache.get(graph);
    if (!byModels) cache.set(graph, (byModels = new Map()));
    let byTarget = byModels.get(models);
    if (!byTarget) byModels.set(models, (byTarget = new Map()));
    const key = `${target.id}\0${[...target.settings.values()].map((s) => s.value).join(',')}`;
    let plan = byTarget.get(key);
    if (!plan) byTarget.set(key, (plan = buildPlan(graph, target, models)));
    return plan;
}

/** Plans by graph, neuron-model lookup, and target id with its settings. */
const cache = new WeakMap<MachineGraph, Map<NeuronModelLookup, Map<string, SynapsePlan>>>();

function buildPlan(graph: MachineGraph, target: HardwareTarget, models: NeuronModelLookup): SynapsePlan {
    const defaultDelay = settingValue(target, 'default_delay_steps');
    const convDelay = settingValue(target, 'conv_delay_steps');
    const offset = optionalSetting(target, 'delay_field_offset_steps', 0);
    const planned = graph.projections.map((p) => {
        const conv = models.get(graph.populations[p.post].type)?.convMachineModel !== undefined ? conv2dLayout(p) : undefined;
        const delaySteps = conv ? convDelay : p.delayHint?.steps ?? defaultDelay;
        return { delaySteps, delayField: delaySteps - offset, delayOrigin: p.delayHint?.origin, conv, maxAbs: projectionMaxAbs(p) };
    });
    const populations = graph.populations.map((pop) => populationSynapses(pop, planned, target, models.get(pop.type), defaultDelay));
    const min = settingValue(target, 'min_delay_steps');
    const max = settingValue(target, 'max_delay_steps');
    const projections = planned.map((p, i): ProjectionSynapses => {
        const delayed = !p.conv && populations[graph.projections[i].post].variant === 'delayed';
        const machineDelaySteps = p.conv ? Math.max(min, convDelay) : delayed ? Math.min(max, Math.max(min, p.delaySteps)) : defaultDelay;
        return { ...p, machineDelaySteps };
    });
    return { populations, projections };
}

function populationSynapses(
    pop: Population, projections: readonly Omit<ProjectionSynapses, 'machineDelaySteps'>[], target: HardwareTarget,
    model: NeuronModel | undefined, defaultDelay: number,
): PopulationSynapses {
    const incoming = pop.incoming.map((i) => projections[i]);
    const conv = incoming.some((p) => p.conv);
    const delayed = !conv && incoming.some((p) => !p.conv && p.delaySteps !== defaultDelay);
    const variant = conv ? 'conv' : delayed ? 'delayed' : 'default';
    const machineModel = conv ? model?.convMachineModel : delayed ? (model?.delayedMachineModel ?? model?.machineModel) : model?.machineModel;
    const levels = variant === 'delayed' ? 2 ** settingValue(target, 'synapse_weight_bits') - 1 : settingValue(target, 'weight_levels');
    const maxAbs = incoming.reduce((m, p) => Math.max(m, p.maxAbs), 0);
    const scale = maxAbs > 0 ? levels / maxAbs : 1;
    return { machineModel, variant, levels, maxAbs, scale, step: maxAbs > 0 ? maxAbs / levels : 0 };
}

/** The largest |weight| a projection makes: its weight tensor's (or Scale's), times 1/k² for each AvgPool2d, 1 without weights. */
function projectionMaxAbs(p: Projection): number {
    let factor = 1;
    for (const op of p.ops) {
        const node = op.node.node;
        if (op.role === 'weight') {
            const tensor = asTensor(node.params.get(node.type === 'Scale' ? 'scale' : 'weight'));
            factor *= tensor ? weightMaxAbs(tensor) : 0;
        } else if (node.type === 'AvgPool2d') {
            const w = poolWindow(node);
            factor /= w.kh * w.kw;
        }
    }
    return factor;
}

/**
 * The integer grid of one weight tensor on the way of projection `p`: its population's `levels`,
 * and the `step` one level stands for in the tensor's own units (the population's step, divided by
 * the factor pooling on the way applies). The weight-quantisation check measures on it, and the
 * simulator's hardware numerics store `quantiseToLevel(w, 1 / step, levels) × step`.
 * Undefined when the projection carries no weight.
 */
export function weightGrid(plan: SynapsePlan, p: Projection, tensor: Tensor): { readonly step: number; readonly levels: number } | undefined {
    const post = plan.populations[p.post];
    const through = plan.projections[p.index].maxAbs;
    if (!(through > 0) || !(post.step > 0)) return undefined;
    return { step: (post.step * weightMaxAbs(tensor)) / through, levels: post.levels };
}
