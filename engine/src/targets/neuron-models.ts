import type { NeuronModel } from '../plugins/neuron-model.js';

// Per-neuron PE memory of each model, in 32-bit words of parameters and state. py-spinnaker2's
// per-model layouts and atom limits are not public, so every number here
// is an estimate built from the parameter lists py-spinnaker2's models do give; the mapper names them in its
// report. The atom limit is the 8-bit synapse target field (256 neurons, the NESTML SpiNNaker2 template's SynapseWordSpec).

const WORD = 4;
const ATOMS = 256;
const FROM_PARAMS = 'estimate: one word per parameter and state variable py-spinnaker2 lists; max atoms from the 8-bit target field of the synapse word (NESTML SpiNNaker2 template)';
const NOT_ON_SPINNAKER2 = 'estimate: no py-spinnaker2 model (s2_nir.py); one word per NIR parameter and state variable';

function model(id: string, words: number, machineModel: string | undefined, costSource: string, source = false): NeuronModel {
    return { id, bytesPerNeuron: words * WORD, maxNeuronsPerCore: ATOMS, machineModel, source, costSource, costConfidence: 'estimate' };
}

/** The neuron models of NIR as SpiNNaker runs them, by NIR type. */
export const SPINNAKER_NEURON_MODELS: readonly NeuronModel[] = [
    // lif_no_delay: threshold, alpha_decay, i_offset, v_reset, v_init, reset mode; state v.
    model('LIF', 7, 'lif_no_delay', FROM_PARAMS),
    // IF is lif_no_delay without leak (alpha_decay = 1), same layout.
    model('IF', 7, 'lif_no_delay', FROM_PARAMS),
    // lif_curr_exp_no_delay adds exc_decay, inh_decay, t_refrac; state I_exc, I_inh, refractory count.
    model('CubaLIF', 13, 'lif_curr_exp_no_delay', FROM_PARAMS),
    // Not supported by py-spinnaker2; costed so the report still shows their footprint.
    model('LI', 4, undefined, NOT_ON_SPINNAKER2),
    model('I', 3, undefined, NOT_ON_SPINNAKER2),
    model('CubaLI', 8, undefined, NOT_ON_SPINNAKER2),
    model('Threshold', 1, undefined, NOT_ON_SPINNAKER2),
    // spike_list sources: an offset and a count into the spike-time list per neuron (the list itself grows with the input).
    model('Input', 2, 'spike_list', 'estimate: spike_list layout not published; two words per source neuron', true),
];
