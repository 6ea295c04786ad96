/**
 * How `run.py` builds a NIR neuron type in PyNN (docs/pynn.md has the parameter mapping):
 * - `delta`: a voltage jump per spike: `IF_curr_delta` where the backend has it, else
 *   `IF_curr_exp` with a synaptic time constant of one tick;
 * - `current`: an exponentially decaying synaptic current: `IF_curr_exp`.
 */
export interface PynnModel {
    readonly synapse: 'delta' | 'current';
    /** False for a leak-free integrator (IF, I): PyNN's cells always leak, so τ_m is made very long. */
    readonly leaky: boolean;
    /** False for readouts (LI, CubaLI, I): the cell never fires (`v_thresh` far away) and its `v` is recorded. */
    readonly spiking: boolean;
    /** Each way the PyNN cell differs from NIR's discrete-time node, one sentence each (the README's list and the node's warnings). */
    readonly approximations: readonly string[];
}

const ON_NEURON = 'On backends without IF_curr_delta (NEURON, sPyNNaker) it runs as IF_curr_exp with tau_syn = dt/10 and a current that moves v by the same amount over one tick, so each input arrives spread over that tick instead of at once.';
const NO_LEAK = 'NIR\'s integrator has no leak and PyNN\'s cells always leak: tau_m is 1e9 ms (the membrane loses a fraction dt/1e9 per tick).';
const READOUT = 'A non-spiking node runs as a cell whose threshold is 1e9 mV (it never fires); its v is recorded every tick into observables/v of the NIRData file.';
const CURRENT = 'IF_curr_exp integrates its synaptic current continuously where NIR holds it for each tick; on Brian2 the weights, bias and initial current are set so that v follows NIR\'s update tick for tick, but NEURON integrates v with its own fixed-step method, so there v differs slightly.';

/** The NIR neuron types `run.py` builds (every type the simulator runs but Threshold, which has no PyNN cell). */
export const PYNN_MODELS: Readonly<Record<string, PynnModel>> = {
    LIF: { synapse: 'delta', leaky: true, spiking: true, approximations: [ON_NEURON] },
    IF: { synapse: 'delta', leaky: false, spiking: true, approximations: [NO_LEAK, ON_NEURON] },
    LI: { synapse: 'delta', leaky: true, spiking: false, approximations: [READOUT, ON_NEURON] },
    I: { synapse: 'delta', leaky: false, spiking: false, approximations: [READOUT, NO_LEAK, ON_NEURON] },
    CubaLIF: { synapse: 'current', leaky: true, spiking: true, approximations: [CURRENT] },
    CubaLI: { synapse: 'current', leaky: true, spiking: false, approximations: [READOUT, CURRENT] },
};
