import type { HardwareTarget } from '../plugins/target.js';
import type { SynapseFormat } from './connectivity/types.js';
import type { RecordSet } from './hints.js';
import { optionalSetting, settingValue } from '../targets/setting.js';
import type { SettingName } from '../targets/setting-names.js';

/** A target's per-PE memory layout, read once from its settings (docs/targets.md, "memory layout"). */
export interface PeCostModel {
    /** SRAM a PE has for data. */
    readonly windowBytes: number;
    readonly format: SynapseFormat;
    readonly fixedBytes: number;
    readonly routingHeaderBytes: number;
    readonly routingBytesPerTarget: number;
    readonly mptEntryBytes: number;
    /** Input-buffer bytes per neuron: slots × synapse types × entry size. */
    readonly inputBufferBytesPerNeuron: number;
    readonly spikeRecordExtraWords: number;
    readonly synapsesInDram: boolean;
    readonly recordingInDram: boolean;
    /** The settings this model read, for the report's list of estimates. */
    readonly settingsUsed: readonly SettingName[];
}

const USED: readonly SettingName[] = [
    'sram_data_window_bytes', 'synapse_word_bits', 'synapse_row_header_bytes', 'conv_weight_bits', 'conv_params_bytes',
    'pe_fixed_data_bytes', 'routing_info_header_bytes', 'routing_info_bytes_per_target', 'mpt_entry_bytes',
    'input_buffer_slots', 'synapse_type_bits', 'input_buffer_entry_bytes', 'spike_record_extra_words', 'synapses_in_dram', 'recording_in_dram',
];

/** Reads a target's per-PE memory layout. Throws only when the target lacks a setting (a plugin bug). */
export function peCostModel(target: HardwareTarget): PeCostModel {
    const v = (name: SettingName) => settingValue(target, name);
    return {
        windowBytes: v('sram_data_window_bytes'),
        format: {
            synapseBytes: v('synapse_word_bits') / 8,
            rowHeaderBytes: v('synapse_row_header_bytes'),
            convWeightBits: v('conv_weight_bits'),
            convParamsBytes: v('conv_params_bytes'),
        },
        fixedBytes: v('pe_fixed_data_bytes'),
        routingHeaderBytes: v('routing_info_header_bytes'),
        routingBytesPerTarget: v('routing_info_bytes_per_target'),
        mptEntryBytes: v('mpt_entry_bytes'),
        inputBufferBytesPerNeuron: v('input_buffer_slots') * 2 ** v('synapse_type_bits') * v('input_buffer_entry_bytes'),
        spikeRecordExtraWords: v('spike_record_extra_words'),
        synapsesInDram: v('synapses_in_dram') !== 0,
        recordingInDram: v('recording_in_dram') !== 0,
        settingsUsed: USED,
    };
}

/**
 * Bytes a PE of `n` neurons records over `steps` steps, by py-spinnaker2's layout (the NESTML SpiNNaker2 template @NEURON_NAME@.py.jinja2):
 * spikes ⌈n/32⌉ + 2 words per step, voltages 1 + n words per step (or once for `v_last`), and one
 * word per step for `time_done`.
 */
export function recordingBytes(record: RecordSet, n: number, steps: number, model: PeCostModel): number {
    let words = 0;
    if (record.spikes) words += (Math.ceil(n / 32) + model.spikeRecordExtraWords) * steps;
    if (record.v) words += (1 + n) * steps;
    else if (record.vLast) words += 1 + n;
    if (record.timeDone) words += steps;
    return words * 4;
}

/**
 * The most synapses one neuron can receive: alone on a PE, every synapse is a row of its own (a
 * header and one padded word), and they share the data window with the PE's fixed regions, the
 * neuron's state and input buffer, and one population-table entry.
 */
export function maxFanInPerNeuron(model: PeCostModel, bytesPerNeuron: number): number {
    if (model.synapsesInDram) return Infinity;
    const free = model.windowBytes - model.fixedBytes - model.routingHeaderBytes - bytesPerNeuron - model.inputBufferBytesPerNeuron - model.mptEntryBytes;
    const perSynapse = model.format.rowHeaderBytes + Math.ceil(model.format.synapseBytes / 4) * 4;
    return Math.max(0, Math.floor(free / perSynapse));
}

/**
 * PE bytes a spike_list source keeps per neuron for its spike times over `steps` steps: the
 * target's `spike_list_bytes_per_spike` for each spike expected at `mean_firing_rate_hz`
 * (0 for targets without those settings).
 */
export function spikeListBytesPerNeuron(target: HardwareTarget, steps: number): number {
    const perSpike = optionalSetting(target, 'spike_list_bytes_per_spike', 0);
    const spikes = optionalSetting(target, 'mean_firing_rate_hz', 0) * optionalSetting(target, 'timestep_s', 0) * steps;
    return Math.ceil(perSpike * spikes);
}
