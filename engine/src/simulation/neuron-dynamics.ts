import type { NirNode } from '../nir/graph.js';
import type { IntegrationScheme, ResetMode } from './types.js';
import { asTensor } from '../machine/tensor-values.js';
import { perNeuron } from './weight-values.js';

/** Float storage of a run: float32 (hardware) or float64 (exact). */
export type FloatArray = Float32Array | Float64Array;

/**
 * The state of one population and its update for one tick. `step` reads the summed input of
 * the tick (`input[offset + n]` plus `constant[n]`, added in the input's precision, for neuron
 * n; the slot is left at zero for its next use), updates the state, and for spiking nodes writes
 * the neurons that fired into `fired` and returns their number; non-spiking nodes return −1 and
 * their output is `output` (the state `v`).
 */
export interface NeuronDynamics {
    readonly spiking: boolean;
    /** The recorded state: `v` (for Threshold, the input of the last tick). */
    readonly output: FloatArray;
    step(input: FloatArray, offset: number, constant: Float64Array, fired: Int32Array): number;
}

/**
 * Neuron input at `at` for this tick: what arrived plus the constant, rounded as the buffer stores
 * it (the same as adding the constant in a pass of its own); clears the slot. One pass over the
 * slot instead of three (add constants, update, clear).
 */
function drain(input: FloatArray, at: number, constant: number): number {
    input[at] += constant;
    const x = input[at];
    input[at] = 0;
    return x;
}

/** How to discretise, and in what time unit `dt` is (the document's). */
export interface DynamicsOptions {
    /** The tick length in the unit of the document's time constants. */
    readonly dt: number;
    readonly integration: IntegrationScheme;
    readonly reset: ResetMode;
    /** float32 state and parameters. */
    readonly single: boolean;
}

/** The NIR neuron types the simulator runs, and whether each spikes. */
export const NEURON_TYPES: Readonly<Record<string, boolean>> = { LIF: true, IF: true, CubaLIF: true, Threshold: true, LI: false, I: false, CubaLI: false };

/**
 * The dynamics of one neuron node (docs/simulation.md, "Semantics"), or a message naming the
 * parameter that does not fit its size. With α = exp(−dt/τ), β = exp(−dt/τ_syn), S the input:
 * LI/LIF `v ← v_leak + (v − v_leak)·α + r·S·(1 − α)`; I/IF `v ← v + r·S·dt`; CubaLI/CubaLIF
 * `i ← i·β + w_in·S·(1 − β)` then the LI update with `i` for S; spiking nodes spike when
 * `v > v_threshold` and reset; Threshold outputs 1 where `S > threshold`.
 */
export function neuronDynamics(node: NirNode, size: number, options: DynamicsOptions): NeuronDynamics | string {
    const read = (name: string, fallback: number): Float64Array | string =>
        perNeuron(asTensor(node.params.get(name)), size, fallback) ?? `its '${name}' has neither 1 nor ${size} elements`;
    const names = NEURON_PARAMS[node.type];
    if (!names) return `the simulator cannot run ${node.type} nodes`;
    const p: Record<string, Float64Array> = {};
    for (const [name, fallback] of names) {
        const values = read(name, fallback);
        if (typeof values === 'string') return values;
        p[name] = values;
    }
    const alloc = (n: number): FloatArray => (options.single ? new Float32Array(n) : new Float64Array(n));
    const copy = (values: Float64Array): FloatArray => (options.single ? Float32Array.from(values) : values);
    const decay = (tau: Float64Array): FloatArray => copy(tau.map((t) => decayFactor(options, t)));
    switch (node.type) {
        case 'LIF': case 'LI': {
            const v = copy(p.v_leak.slice());
            return leaky(v, decay(p.tau), copy(p.r), copy(p.v_leak), node.type === 'LIF' ? threshold(p, copy, options) : undefined);
        }
        case 'IF': case 'I': {
            const v = alloc(size);
            return integrating(v, copy(p.r.map((r) => r * options.dt)), node.type === 'IF' ? threshold(p, copy, options) : undefined);
        }
        case 'CubaLIF': case 'CubaLI': {
            const v = copy(p.v_leak.slice());
            const args = [v, alloc(size), decay(p.tau_syn), copy(p.w_in), decay(p.tau_mem), copy(p.r), copy(p.v_leak)] as const;
            const firing = node.type === 'CubaLIF' ? threshold(p, copy, options) : undefined;
            return currentBasedUniform(...args, firing, options.single) ?? currentBased(...args, firing);
        }
        default:
            return heaviside(alloc(size), copy(p.threshold));
    }
}

/** The parameters of each NIR neuron type the simulator runs, with the value a missing one takes. */
export const NEURON_PARAMS: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
    LIF: [['tau', 1], ['r', 1], ['v_leak', 0], ['v_threshold', 1], ['v_reset', 0]],
    LI: [['tau', 1], ['r', 1], ['v_leak', 0]],
    IF: [['r', 1], ['v_threshold', 1], ['v_reset', 0]],
    I: [['r', 1]],
    CubaLIF: [['tau_syn', 1], ['tau_mem', 1], ['r', 1], ['v_leak', 0], ['v_threshold', 1], ['v_reset', 0], ['w_in', 1]],
    CubaLI: [['tau_syn', 1], ['tau_mem', 1], ['r', 1], ['v_leak', 0], ['w_in', 1]],
    Threshold: [['threshold', 0]],
};

/**
 * The factor the leaky update keeps of the old value each tick: exp(−dt/τ) (exponential Euler);
 * 1 − dt/τ (forward Euler). A factor α stands for the same update in both schemes:
 * `x ← target + (x − target)·α`.
 */
function decayFactor(options: DynamicsOptions, tau: number): number {
    return options.integration === 'exponential' ? Math.exp(-options.dt / tau) : 1 - options.dt / tau;
}

/** Threshold and reset of a spiking node. */
interface Firing {
    readonly threshold: FloatArray;
    readonly reset: FloatArray;
    readonly subtract: boolean;
}

function threshold(p: Record<string, Float64Array>, copy: (v: Float64Array) => FloatArray, options: DynamicsOptions): Firing {
    return { threshold: copy(p.v_threshold), reset: copy(p.v_reset), subtract: options.reset === 'subtract' };
}

/** Spikes where `v > threshold`, resetting; returns the count. */
function fire(v: FloatArray, f: Firing, fired: Int32Array): number {
    let count = 0;
    const { threshold: th, reset, subtract } = f;
    for (let n = 0; n < v.length; n++) {
        if (v[n] > th[n]) {
            v[n] = subtract ? v[n] - th[n] : reset[n];
            fired[count++] = n;
        }
    }
    return count;
}

function leaky(v: FloatArray, alpha: FloatArray, r: FloatArray, leak: FloatArray, firing: Firing | undefined): NeuronDynamics {
    return {
        spiking: firing !== undefined,
        output: v,
        step(input, offset, constant, fired) {
            for (let n = 0; n < v.length; n++) {
                const a = alpha[n];
                v[n] = leak[n] + (v[n] - leak[n]) * a + r[n] * drain(input, offset + n, constant[n]) * (1 - a);
            }
            return firing ? fire(v, firing, fired) : -1;
        },
    };
}

function integrating(v: FloatArray, rdt: FloatArray, firing: Firing | undefined): NeuronDynamics {
    return {
        spiking: firing !== undefined,
        output: v,
        step(input, offset, constant, fired) {
            for (let n = 0; n < v.length; n++) v[n] = v[n] + rdt[n] * drain(input, offset + n, constant[n]);
            return firing ? fire(v, firing, fired) : -1;
        },
    };
}

function currentBased(
    v: FloatArray, i: FloatArray, beta: FloatArray, wIn: FloatArray, alpha: FloatArray, r: FloatArray, leak: FloatArray, firing: Firing | undefined,
): NeuronDynamics {
    return {
        spiking: firing !== undefined,
        output: v,
        step(input, offset, constant, fired) {
            for (let n = 0; n < v.length; n++) {
                const b = beta[n];
                i[n] = i[n] * b + wIn[n] * drain(input, offset + n, constant[n]) * (1 - b);
                const a = alpha[n];
                v[n] = leak[n] + (v[n] - leak[n]) * a + r[n] * i[n] * (1 - a);
            }
            return firing ? fire(v, firing, fired) : -1;
        },
    };
}

function heaviside(last: FloatArray, th: FloatArray): NeuronDynamics {
    return {
        spiking: true,
        output: last,
        step(input, offset, constant, fired) {
            let count = 0;
            for (let n = 0; n < last.length; n++) {
                last[n] = drain(input, offset + n, constant[n]);
                if (last[n] > th[n]) fired[count++] = n;
            }
            return count;
        },
    };
}

/** The value every element of an array has, or undefined when they differ. */
function uniformValue(values: FloatArray | undefined): number | undefined {
    if (!values || values.length === 0) return undefined;
    const first = values[0];
    for (let n = 1; n < values.length; n++) if (values[n] !== first) return undefined;
    return first;
}

/**
 * `currentBased` for a population whose parameters are the same for every neuron (the common
 * case of scalars broadcast to the node's shape): the same arithmetic with the parameters held
 * in registers and the threshold test in the same pass, so a tick touches only `v`, `i` and the
 * input. Each new value is rounded as its store rounds it (`Math.fround` for float32 state) and
 * kept in a register rather than read back. Undefined when any parameter differs between neurons.
 */
function currentBasedUniform(
    v: FloatArray, i: FloatArray, betas: FloatArray, wIns: FloatArray, alphas: FloatArray, rs: FloatArray, leaks: FloatArray, firing: Firing | undefined,
    single: boolean,
): NeuronDynamics | undefined {
    const [b, w, a, r, leak] = [betas, wIns, alphas, rs, leaks].map(uniformValue);
    const th = uniformValue(firing?.threshold);
    const reset = uniformValue(firing?.reset);
    if (b === undefined || w === undefined || a === undefined || r === undefined || leak === undefined) return undefined;
    if (firing && (th === undefined || reset === undefined)) return undefined;
    const spiking = firing !== undefined;
    const subtract = firing?.subtract ?? false;
    const threshold = th ?? Infinity;
    const resetTo = reset ?? 0;
    const round = single ? Math.fround : (x: number) => x;
    const keep = 1 - b;
    const gain = 1 - a;
    return {
        spiking,
        output: v,
        step(input, offset, constant, fired) {
            let count = 0;
            for (let n = 0; n < v.length; n++) {
                const current = round(i[n] * b + w * drain(input, offset + n, constant[n]) * keep);
                i[n] = current;
                let u = round(leak + (v[n] - leak) * a + r * current * gain);
                if (spiking && u > threshold) {
                    u = subtract ? round(u - threshold) : resetTo;
                    fired[count++] = n;
                }
                v[n] = u;
            }
            return spiking ? count : -1;
        },
    };
}
