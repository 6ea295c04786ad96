import type { NeuronModel } from '../plugins/neuron-model.js';

// Per-neuron PE memory of each model, in 32-bit words of parameters and state. py-spinnaker2's
// per-model layouts and atom limits could not be read (docs/targets.md, "neuron models"), so every
// number here is an estimate built from the parameter lists its NIR importer passes
// (spinnaker2/s2_nir.py: convert_LIF, convert_IF, convert_CubaLIF); the mapper names them in its
// report. The atom limit is the 8-bit synapse target field (256 neurons).

const WORD = 4;
const ATOMS = 256;
const FROM_PARAMS = 'estimate: one word per parameter and state variable of the py-spinnaker2 model (s2_nir.py convert_LIF/convert_CubaLIF); max atoms from the 8-bit synapse target field';
const NOT_ON_SPINNAKER2 = 'estimate: no py-spinnaker2 model (s2_nir.py create_populations raises NotImplementedError); one word per NIR parameter and state variable';

type Models = Pick<NeuronModel, 'machineModel' | 'delayedMachineModel' | 'convMachineModel'>;

function model(id: string, words: number, machine: Models, costSource: string, source = false): NeuronModel {
    return { id, bytesPerNeuron: words * WORD, maxNeuronsPerCore: ATOMS, ...machine, source, costSource, costConfidence: 'estimate' };
}

/** LIF and IF run as py-spinnaker2's LIF family: without a delay field, with one, or behind a Conv2DProjection. */
const LIF_FAMILY: Models = { machineModel: 'lif_no_delay', delayedMachineModel: 'lif', convMachineModel: 'lif_conv2d' };

/** The neuron models of NIR as SpiNNaker runs them, by NIR type. */
export const SPINNAKER_NEURON_MODELS: readonly NeuronModel[] = [
    // threshold, alpha_decay, i_offset, v_reset, v_init, reset mode; state v.
    model('LIF', 7, LIF_FAMILY, FROM_PARAMS),
    // IF is the LIF family without leak (alpha_decay = 1), same layout.
    model('IF', 7, LIF_FAMILY, FROM_PARAMS),
    // lif_curr_exp adds exc_decay, inh_decay, t_refrac; state I_exc, I_inh, refractory count. No conv variant (s2_nir asserts).
    model('CubaLIF', 13, { machineModel: 'lif_curr_exp_no_delay', delayedMachineModel: 'lif_curr_exp' }, FROM_PARAMS),
    // Not supported by py-spinnaker2; costed so the report still shows their footprint.
    model('LI', 4, {}, NOT_ON_SPINNAKER2),
    model('I', 3, {}, NOT_ON_SPINNAKER2),
    model('CubaLI', 8, {}, NOT_ON_SPINNAKER2),
    model('Threshold', 1, {}, NOT_ON_SPINNAKER2),
    // spike_list sources: an offset and a count into the spike-time list per neuron; the spike
    // times themselves are the target's `spike_list_bytes_per_spike` per expected spike.
    model('Input', 2, { machineModel: 'spike_list' }, 'estimate: spike_list layout not read; two words per source neuron plus its spike times', true),
];

/** The same models by NIR type, for code that looks them up without an engine's registry (the mapper's and the simulator's fallback). */
export const SPINNAKER_NEURON_MODELS_BY_TYPE: ReadonlyMap<string, NeuronModel> = new Map(SPINNAKER_NEURON_MODELS.map((m) => [m.id, m]));
