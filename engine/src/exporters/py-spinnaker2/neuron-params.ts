import type { NirNode } from '../../nir/graph.js';
import type { PopulationSynapses } from '../../machine/synapse-plan.js';
import { asTensor } from '../../machine/tensor-values.js';
import { materializeTensor } from '../../nir/materialize.js';
import { readElementAsNumber } from '../../nir/dtype-codec.js';

/** One parameter: a number when every neuron has the same value, else one per neuron. */
export type ParamValue = number | string | readonly number[];

/** The `params` of a py-spinnaker2 population. */
export type NeuronParams = Record<string, ParamValue>;

/**
 * The parameters of a LIF, IF or CubaLIF node as py-spinnaker2's LIF family takes them, with the
 * membrane scaled so that the population's integer weights (`scale` × the NIR weight) add to it
 * what NIRmesh's simulation semantics add: per step `dt` (in the document's time unit)
 *
 * - LIF: α = exp(−dt/τ); v scaled by scale / ((1 − α)·r), so a weight w adds scale·w; the leak
 *   toward v_leak becomes i_offset = (1 − α)·v_leak (scaled), as s2_nir.py convert_LIF does with
 *   the exponential integrator;
 * - IF: v += r·S·dt, so v is scaled by scale / (r·dt) (s2_nir.py convert_IF leaves dt out);
 * - CubaLIF: β = exp(−dt/τ_syn) as the synaptic decay; the current is scaled by 1 / ((1 − β)·w_in)
 *   as in s2_nir.py convert_CubaLIF.
 *
 * The bias (the Affine's or convolution's, folded by the caller) adds to i_offset × scale. Reset
 * goes to v_reset (NIR's rule; s2_nir.py defaults to subtraction and passes no v_reset); the
 * initial voltage is v_leak (0 for IF).
 */
export function neuronParams(node: NirNode, size: number, plan: PopulationSynapses, dt: number, bias: Float64Array): NeuronParams | string {
    const p = (name: string, fallback?: number) => perNeuron(node, name, size, fallback);
    const s = plan.scale;
    const out: Record<string, number[] | string> = {};
    if (node.type === 'IF') {
        const [r, vth, vReset] = [p('r', 1), p('v_threshold'), p('v_reset', 0)];
        if (typeof r === 'string' || typeof vth === 'string' || typeof vReset === 'string') return firstError(r, vth, vReset);
        const v = r.map((ri) => s / (ri * dt));
        out.threshold = vth.map((x, i) => x * v[i]);
        out.alpha_decay = r.map(() => 1);
        out.i_offset = bias.length ? Array.from(bias, (b) => b * s) : r.map(() => 0);
        out.v_reset = vReset.map((x, i) => x * v[i]);
        out.v_init = r.map(() => 0);
    } else if (node.type === 'LIF' || node.type === 'CubaLIF') {
        const cuba = node.type === 'CubaLIF';
        const [tau, r, vLeak, vth, vReset] = [p(cuba ? 'tau_mem' : 'tau'), p('r', 1), p('v_leak', 0), p('v_threshold'), p('v_reset', 0)];
        const [tauSyn, wIn] = cuba ? [p('tau_syn'), p('w_in', 1)] : [tau, r];
        if ([tau, r, vLeak, vth, vReset, tauSyn, wIn].some((x) => typeof x === 'string')) return firstError(tau, r, vLeak, vth, vReset, tauSyn, wIn);
        const [T, R, VL, VT, VR, TS, WI] = [tau, r, vLeak, vth, vReset, tauSyn, wIn] as number[][];
        const alpha = T.map((t) => Math.exp(-dt / t));
        const beta = TS.map((t) => Math.exp(-dt / t));
        const currentScale = cuba ? beta.map((b, i) => 1 / ((1 - b) * WI[i])) : alpha.map(() => 1);
        const v = alpha.map((a, i) => (s * currentScale[i]) / ((1 - a) * R[i]));
        out.threshold = VT.map((x, i) => x * v[i]);
        out.alpha_decay = alpha;
        out.i_offset = alpha.map((a, i) => (1 - a) * VL[i] * v[i] + (bias[i] ?? 0) * s * (cuba ? WI[i] * currentScale[i] : 1));
        out.v_reset = VR.map((x, i) => x * v[i]);
        out.v_init = VL.map((x, i) => x * v[i]);
        if (cuba) {
            out.exc_decay = beta;
            out.inh_decay = beta;
            out.t_refrac = beta.map(() => 0);
        }
    } else {
        return `py-spinnaker2 has no model for NIR type '${node.type}'`;
    }
    const params: NeuronParams = { reset: 'reset_to_v_reset' };
    for (const [name, values] of Object.entries(out)) params[name] = typeof values === 'string' ? values : compact(values);
    return params;
}

/** A parameter's values for every neuron (a scalar or one-element tensor broadcast), or why not. */
function perNeuron(node: NirNode, name: string, size: number, fallback?: number): number[] | string {
    const tensor = asTensor(node.params.get(name));
    if (!tensor) return fallback !== undefined ? new Array<number>(size).fill(fallback) : `'${node.name}' has no parameter '${name}'`;
    const m = materializeTensor(tensor);
    if (m.error !== undefined) return m.error;
    const n = m.data.length;
    if (n !== 1 && n !== size) return `'${node.name}'.${name} has ${n} values for ${size} neurons`;
    return Array.from({ length: size }, (_, i) => readElementAsNumber(tensor.dtype, m.data, n === 1 ? 0 : i));
}

function firstError(...values: (number[] | string)[]): string {
    return values.find((v): v is string => typeof v === 'string') ?? '';
}

/** One number when all neurons share it, else the list. */
function compact(values: readonly number[]): ParamValue {
    return values.every((v) => v === values[0]) && values.length > 0 ? values[0] : values;
}
