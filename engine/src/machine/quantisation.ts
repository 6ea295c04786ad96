import type { Generator, Tensor } from '../nir/value.js';
import { elementCount } from '../nir/value.js';
import { numericView } from './tensor-values.js';

/** What rounding a tensor's weights to `levels` magnitude steps (scaled so the largest |w| is the top step) does to them. */
export interface QuantisationError {
    /** Largest and mean |q − w| / |w| over the non-zero weights. */
    readonly maxRelative: number;
    readonly meanRelative: number;
    /** Non-zero weights, and how many of them round to 0. */
    readonly nonZero: number;
    readonly zeroed: number;
    /** The weight one step stands for, and the largest |w|. */
    readonly step: number;
    readonly maxAbs: number;
    /** False when the figures come from the generator's distribution rather than every weight. */
    readonly exact: boolean;
}

/** Points of a distribution sampled for generated weights. */
const SAMPLES = 1024;

/**
 * The quantisation error of a weight tensor on a grid of `levels` steps per sign, as
 * py-spinnaker2 scales weights (w_scale = levels / max|w|, facts #45). Dense data is scanned;
 * generators are evaluated on evenly spaced quantiles of their distribution. Undefined when the
 * tensor has no non-zero weight.
 */
export function quantisationError(tensor: Tensor, levels: number): QuantisationError | undefined {
    if (tensor.source.kind === 'dense') {
        const values = numericView(tensor);
        return values ? measure(values, maxAbsOf(values), levels, true) : undefined;
    }
    const sample = generatorSample(tensor.source.generator, elementCount(tensor.shape));
    return sample ? measure(sample.values, sample.maxAbs, levels, sample.exact) : undefined;
}

function maxAbsOf(values: ArrayLike<number>): number {
    let m = 0;
    for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
    return m;
}

function measure(values: ArrayLike<number>, maxAbs: number, levels: number, exact: boolean): QuantisationError | undefined {
    if (!(maxAbs > 0) || !Number.isFinite(maxAbs)) return undefined;
    const step = maxAbs / levels;
    let nonZero = 0;
    let zeroed = 0;
    let sum = 0;
    let max = 0;
    for (let i = 0; i < values.length; i++) {
        const w = Math.abs(values[i]);
        if (w === 0 || !Number.isFinite(w)) continue;
        const q = quantiseMagnitude(w, step, levels);
        const rel = Math.abs(q - w) / w;
        nonZero++;
        if (q === 0) zeroed++;
        sum += rel;
        if (rel > max) max = rel;
    }
    if (nonZero === 0) return undefined;
    return { maxRelative: max, meanRelative: sum / nonZero, nonZero, zeroed, step, maxAbs, exact };
}

/** A magnitude `|w|` as the synapse word stores it: the nearest of `levels` steps of `step`, at most the top step. */
export function quantiseMagnitude(magnitude: number, step: number, levels: number): number {
    return Math.min(levels, Math.round(magnitude / step)) * step;
}

/** A signed weight as the synapse word stores it (the sign is the synapse type). */
export function quantiseWeight(w: number, step: number, levels: number): number {
    return Math.sign(w) * quantiseMagnitude(Math.abs(w), step, levels);
}

/** Evenly spaced quantiles of a generator's values, with the largest |w| expected among `count` draws. */
function generatorSample(g: Generator, count: number): { values: Float64Array; maxAbs: number; exact: boolean } | undefined {
    const quantiles = (f: (u: number) => number) => Float64Array.from({ length: SAMPLES }, (_, k) => f((k + 0.5) / SAMPLES));
    switch (g.kind) {
        case 'zeros': return undefined;
        case 'ones': return { values: Float64Array.of(1), maxAbs: 1, exact: true };
        case 'constant': return { values: Float64Array.of(g.value), maxAbs: Math.abs(g.value), exact: true };
        case 'one_to_one': return { values: Float64Array.of(g.value), maxAbs: Math.abs(g.value), exact: true };
        case 'fixed_probability': return generatorSample(g.weight, Math.max(1, Math.round(count * g.p)));
        case 'uniform': {
            const values = quantiles((u) => g.low + (g.high - g.low) * u);
            return { values, maxAbs: Math.max(Math.abs(g.low), Math.abs(g.high)), exact: false };
        }
        case 'normal': {
            const values = quantiles((u) => g.mean + g.std * inverseNormal(u));
            const tail = Math.abs(g.std) * Math.sqrt(2 * Math.log(Math.max(2, count)));
            return { values, maxAbs: Math.abs(g.mean) + tail, exact: false };
        }
    }
}

const ACKLAM_A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const ACKLAM_B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const ACKLAM_C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const ACKLAM_D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** The standard normal quantile function (Acklam's rational approximation, relative error < 1.2e-9). */
export function inverseNormal(p: number): number {
    const a = ACKLAM_A;
    const b = ACKLAM_B;
    const c = ACKLAM_C;
    const d = ACKLAM_D;
    const low = 0.02425;
    if (p < low) {
        const q = Math.sqrt(-2 * Math.log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) return -inverseNormal(1 - p);
    const q = p - 0.5;
    const r = q * q;
    return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
