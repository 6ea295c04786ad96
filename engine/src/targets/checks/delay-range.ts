import type { Projection } from '../../machine/machine-graph.js';
import type { Origin } from '../../nir/origin.js';
import { spinnakerCheck, fmt, type RuleContext } from './target-check.js';
import { settingValue } from '../setting.js';
import { asTensor, scalarOf, tensorRange } from '../../machine/tensor-values.js';
import { synapsePlan, type ProjectionSynapses } from '../../machine/synapse-plan.js';
import { secondsPer, type TimeUnit } from '../../plugins/check.js';

/**
 * The simulation step in seconds: the graph's `metadata.dt` (in the document's time unit) when it
 * is a positive number, else the target's `timestep_s`.
 */
export function stepSeconds(rc: RuleContext): number {
    const dt = scalarOf(rc.ctx.analysis.document.root.metadata.entries.get('dt'));
    return dt !== undefined && dt > 0 ? dt * secondsPer(rc.ctx.timeUnit) : settingValue(rc.target, 'timestep_s');
}

/** A time given in seconds, written in the document's time unit with the unit (`0.007 s`, `7 ms`). */
function timeIn(seconds: number, unit: TimeUnit): string {
    return `${fmt(seconds / secondsPer(unit))} ${unit}`;
}

/** A projection's delay in steps and the place that sets it. */
interface DelayOf {
    readonly steps: number;
    readonly conv: boolean;
    readonly origin: Origin;
    readonly how: string;
}

/**
 * A projection's delay: its hint, else the plan's (`default_delay_steps`, or `conv_delay_steps`
 * for a Conv2DProjection), plus its Delay nodes' values (in the document's time unit) over the step `dt` (seconds).
 */
function delayOf(rc: RuleContext, p: Projection, planned: ProjectionSynapses, dt: number): DelayOf {
    const unit = rc.ctx.timeUnit ?? 's';
    const conv = planned.conv !== undefined;
    const base = p.delayHint?.steps ?? planned.delaySteps;
    let steps = base;
    let origin = p.delayHint?.origin ?? p.origin;
    const parts = [p.delayHint ? `the delay hint's ${base} step${base === 1 ? '' : 's'}` : `the default ${base}-step synaptic delay`];
    for (const op of p.ops) {
        if (op.role !== 'delay') continue;
        const tensor = asTensor(op.node.node.params.get('delay'));
        const range = tensor && tensorRange(tensor);
        if (!tensor || !range) continue;
        const nodeSteps = Math.round((range.max * secondsPer(unit)) / dt);
        steps += nodeSteps;
        origin = tensor.origin;
        parts.push(`Delay '${op.node.node.name}' up to ${fmt(range.max)} ${unit} at dt ${timeIn(dt, unit)} = ${nodeSteps} steps`);
    }
    return { steps, conv, origin, how: parts.join(' plus ') };
}

/**
 * `spinnaker2/delay-range`: a synaptic delay the post population's model cannot encode
 * (`synapsePlan`): a Conv2DProjection takes `conv_delay_steps`; the delayed model (`lif`) takes
 * `min_delay_steps`..`max_delay_steps`; a population fed by a Conv2DProjection (`lif_conv2d`) has
 * no delay field, so its other projections take `default_delay_steps`.
 */
export const delayRange = spinnakerCheck(
    'spinnaker2/delay-range',
    'error',
    'A synaptic delay outside the range the synapse word encodes',
    'target',
    (rc) => {
        const dt = stepSeconds(rc);
        const unit = rc.ctx.timeUnit ?? 's';
        const min = settingValue(rc.target, 'min_delay_steps');
        const max = settingValue(rc.target, 'max_delay_steps');
        const convDelay = settingValue(rc.target, 'conv_delay_steps');
        const fixedDelay = settingValue(rc.target, 'default_delay_steps');
        const plan = synapsePlan(rc.graph, rc.target, rc.ctx.registry.neuronModels);
        const reported = new Set<string>();
        for (const p of rc.graph.projections) {
            const d = delayOf(rc, p, plan.projections[p.index], dt);
            const model = plan.populations[p.post];
            const noField = !d.conv && model.variant === 'conv';
            const ok = d.conv ? d.steps === convDelay : noField ? d.steps === fixedDelay : d.steps >= min && d.steps <= max;
            if (ok || reported.has(d.origin.path)) continue;
            reported.add(d.origin.path);
            const { name: pre } = rc.graph.populations[p.pre];
            const { name: post } = rc.graph.populations[p.post];
            const allowed = d.conv
                ? `exactly ${convDelay} steps for a Conv2DProjection`
                : noField ? `only ${fixedDelay} step${fixedDelay === 1 ? '' : 's'} into '${post}', which runs ${model.machineModel} (fed by a convolution, no delay field)` : `${min}..${max} steps`;
            const fix = d.conv
                ? `remove the delay from the convolution path (a convolution projection takes ${convDelay} steps)`
                : noField ? `remove the delay hint, or feed '${post}' through a layer without convolution`
                    : `keep the delay within ${min}..${max} steps (at most ${timeIn(max * dt, unit)} at dt ${timeIn(dt, unit)})`;
            rc.ctx.report({
                code: 'spinnaker2/delay-range',
                severity: 'error',
                message: `the projection '${pre}' → '${post}' needs a delay of ${d.steps} steps (${d.how}); ${rc.target.id} encodes ${allowed}. Suggestion: ${fix}.`,
                origin: d.origin,
            });
        }
    },
);
