import type { ParamSpec } from '../../plugins/node-kind.js';
import { optional, required, type NirNodeKind } from './nir-node-kind.js';
import { elementwiseShapes } from './elementwise.js';

/**
 * The six neuron models. Every parameter is per neuron and all share one shape, which is the
 * node's input and output shape. Spiking models emit z (0/1), the others their voltage v.
 */

const TAU = required('tau', 'tensor', 'The membrane time constant τ.', { unit: 'ms' });
const TAU_MEM = required('tau_mem', 'tensor', 'The membrane time constant τ_mem.', { unit: 'ms' });
const TAU_SYN = required('tau_syn', 'tensor', 'The synaptic current time constant τ_syn.', { unit: 'ms' });
const R = required('r', 'tensor', 'The membrane resistance R: how strongly the input drives the voltage.', { unit: 'Ω' });
const V_LEAK = required('v_leak', 'tensor', 'The leak (resting) voltage the membrane decays to.', { unit: 'mV' });
const V_THRESHOLD = required('v_threshold', 'tensor', 'The voltage above which the neuron spikes.', { unit: 'mV' });
const V_RESET = optional('v_reset', 'tensor', 'The voltage after a spike. Files from before NIR 1.0.6 lack it; NIR reads them with 0.', { unit: 'mV', defaultValue: 0, legacy: true });
const W_IN = optional('w_in', 'tensor', 'The input weight of the synaptic current. Older files lack it; NIR reads them with 1.', { defaultValue: 1, legacy: true });

const SPIKE = 'z = H(v − v_threshold); when z = 1, v ← v_reset';

interface NeuronDef {
    readonly id: string;
    readonly summary: string;
    readonly equation: string;
    readonly params: readonly ParamSpec[];
    readonly spiking: boolean;
    /** The parameter whose shape NIR's reference takes as the node's shape. */
    readonly shapeFrom: string;
}

function neuron(def: NeuronDef): NirNodeKind {
    const order = [def.shapeFrom, ...def.params.map((p) => p.name).filter((n) => n !== def.shapeFrom)];
    return {
        id: def.id,
        category: 'neuron',
        summary: def.summary,
        equation: def.equation,
        params: def.params,
        stateful: true,
        spiking: def.spiking,
        shapeRule: `Input and output shape are the shape of the parameters (all must share one; if they disagree, the shape most of them have, else that of \`${def.shapeFrom}\`).`,
        shapes: (node) => elementwiseShapes(node, order),
    };
}

/** Integrator. */
export const I_NEURON = neuron({
    id: 'I', summary: 'An integrator: the voltage sums the input (no leak, no spikes). Emits v.',
    equation: 'dv/dt = R·I', params: [R], spiking: false, shapeFrom: 'r',
});

/** Leaky integrator. */
export const LI_NEURON = neuron({
    id: 'LI', summary: 'A leaky integrator: the voltage follows the input and decays to v_leak (no spikes). Emits v.',
    equation: 'τ·dv/dt = (v_leak − v) + R·I', params: [TAU, R, V_LEAK], spiking: false, shapeFrom: 'r',
});

/** Leaky integrate-and-fire. */
export const LIF_NEURON = neuron({
    id: 'LIF', summary: 'A leaky integrate-and-fire neuron. Emits spikes z.',
    equation: `τ·dv/dt = (v_leak − v) + R·I; ${SPIKE}`, params: [TAU, R, V_LEAK, V_THRESHOLD, V_RESET], spiking: true, shapeFrom: 'r',
});

/** Integrate-and-fire. */
export const IF_NEURON = neuron({
    id: 'IF', summary: 'An integrate-and-fire neuron (no leak). Emits spikes z.',
    equation: `dv/dt = R·I; ${SPIKE}`, params: [R, V_THRESHOLD, V_RESET], spiking: true, shapeFrom: 'r',
});

/** Current-based leaky integrator. */
export const CUBA_LI_NEURON = neuron({
    id: 'CubaLI', summary: 'A current-based leaky integrator: a synaptic current filters the input and drives a leaky voltage (no spikes). Emits v.',
    equation: 'τ_syn·dI/dt = −I + w_in·S; τ_mem·dv/dt = (v_leak − v) + R·I',
    params: [TAU_SYN, TAU_MEM, R, V_LEAK, W_IN], spiking: false, shapeFrom: 'v_leak',
});

/** Current-based leaky integrate-and-fire. */
export const CUBA_LIF_NEURON = neuron({
    id: 'CubaLIF', summary: 'A current-based leaky integrate-and-fire neuron: a synaptic current filter feeding a LIF. Emits spikes z.',
    equation: `τ_syn·dI/dt = −I + w_in·S; τ_mem·dv/dt = (v_leak − v) + R·I; ${SPIKE}`,
    params: [TAU_SYN, TAU_MEM, R, V_LEAK, V_THRESHOLD, V_RESET, W_IN], spiking: true, shapeFrom: 'v_threshold',
});
