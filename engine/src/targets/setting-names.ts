/**
 * The names of the numbers a SpiNNaker-family target carries. Mappers, checks and the simulator
 * read settings only through these names (docs/targets.md lists each with its meaning), so a new
 * target is a new table of values, not new code.
 */
export const SETTING_NAMES = [
    // Processing elements and memory.
    'pes_per_chip', 'reserved_pes_per_chip', 'pes_per_qpe', 'qpes_per_chip',
    'sram_per_pe_bytes', 'sram_data_window_bytes', 'dram_per_chip_bytes',
    // Router, keys, links.
    'router_entries_per_chip', 'key_bits', 'mask_bits', 'links_per_chip', 'max_boards',
    // Synapse words and delays.
    'synapse_word_bits', 'synapse_weight_bits', 'synapse_delay_bits', 'synapse_type_bits', 'synapse_target_bits',
    'conv_weight_bits', 'weight_levels', 'min_delay_steps', 'max_delay_steps', 'default_delay_steps', 'conv_delay_steps',
    'max_neurons_per_pe',
    // Time and clocks.
    'timestep_s', 'clock_low_hz', 'clock_high_hz', 'dvfs_pl1_voltage_v', 'dvfs_pl2_voltage_v',
    // The per-PE memory layout the mapper budgets.
    'pe_fixed_data_bytes', 'routing_info_header_bytes', 'routing_info_bytes_per_target', 'mpt_entry_bytes',
    'synapse_row_header_bytes', 'input_buffer_slots', 'input_buffer_entry_bytes', 'conv_params_bytes',
    'spike_record_extra_words', 'synapses_in_dram', 'recording_in_dram',
    // Traffic and energy model.
    'mean_firing_rate_hz', 'packet_bits', 'link_bandwidth_bits_per_s', 'energy_per_router_bit_j',
    'idle_power_per_chip_w', 'active_power_per_pe_w', 'energy_per_synaptic_event_j',
    'router_packets_per_tick', 'link_packets_per_tick',
    // Warning thresholds.
    'weight_error_warning',
] as const;

/** One of the setting names above. */
export type SettingName = (typeof SETTING_NAMES)[number];
