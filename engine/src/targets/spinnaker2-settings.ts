import { setting, type NamedSetting } from './setting.js';

// The `source` of each row names the primary source of its number: toolchain code (SpiNNMachine,
// PACMAN, py-spinnaker2, the NESTML SpiNNaker2 templates), a datasheet or a paper. Numbers that no
// public source gives, or that only an inference gives, have confidence 'estimate'.

const VERSION_SPIN2 = 'SpiNNMachine spinn_machine/version/version_spin2.py';
const NESTML_TEMPLATE = 'NESTML SpiNNaker2 template @NEURON_NAME@.py.jinja2 (py-spinnaker2 app layout)';

/** SpiNNaker2's processing elements, memory, router and links. */
const CHIP: readonly NamedSetting[] = [
    setting('pes_per_chip', 152, 'PEs', 'documented', 'spinncloud.com; Gonzalez et al. 2024, arXiv 2401.04491',
        'Application processing elements (ARM Cortex-M4F) per chip.'),
    setting('reserved_pes_per_chip', 4, 'PEs', 'estimate', `py-spinnaker2 docs (hardware tutorial): SpiNNaker2Chip has 148 usable cores, SpiNNcloud48NodeBoard 7,104 (48 × 148); docs, not code. ${VERSION_SPIN2} counts 153 cores less 2 for SCAMP`,
        'PEs per chip kept for system software, not available to the network.'),
    setting('pes_per_qpe', 4, 'PEs', 'documented', 'spinncloud.com; version_spin2.py QUAD_MAP',
        'PEs per quad processing element (QPE).'),
    setting('qpes_per_chip', 38, 'QPEs', 'documented', 'version_spin2.py QUAD_MAP: 38 (qx,qy) pairs',
        'QPEs per chip, on a 7×6 grid with four holes.'),
    setting('sram_per_pe_bytes', 131072, 'B', 'documented', 'NESTML qpe.ld.jinja2 (ITCM 32K + DTCM 96K); Gonzalez 2024',
        'Local SRAM per PE, code and data.'),
    setting('sram_data_window_bytes', 0x1f000 - 0xe900, 'B', 'documented', `${NESTML_TEMPLATE}: first_address 0xE900 to the heap/stack at 0x1F000`,
        'The SRAM a PE has for data regions: neuron parameters, synapse rows, the population table and recordings.'),
    setting('dram_per_chip_bytes', 1073741824, 'B', 'documented', `${VERSION_SPIN2} max_sdram_per_chip`,
        'DRAM per chip as the toolchain budgets it.'),
    setting('router_entries_per_chip', 16384, 'entries', 'documented', `${VERSION_SPIN2} n_router_entries; SpiNNaker2 datasheet`,
        'Multicast routing-table entries per chip router.'),
    setting('key_bits', 32, 'bits', 'estimate', 'PACMAN constants BITS_IN_KEY = 32 for SpiNNaker1; assumed for SpiNNaker2',
        'Width of a multicast routing key.'),
    setting('mask_bits', 32, 'bits', 'estimate', 'PACMAN FULL_MASK for SpiNNaker1; assumed for SpiNNaker2',
        'Width of a routing-table mask.'),
    setting('links_per_chip', 6, 'links', 'documented', 'SpiNNMachine router.py MAX_LINKS_PER_ROUTER = 6',
        'Chip-to-chip links per router: E, NE, N, W, SW, S.'),
];

/** Synapse words, delays and neurons per PE. */
const SYNAPSES: readonly NamedSetting[] = [
    setting('synapse_word_bits', 16, 'bits', 'documented', `${NESTML_TEMPLATE}: SynapseWordSpec(word_size=SIZE_16)`,
        'Bits of one stored synapse.'),
    setting('synapse_weight_bits', 4, 'bits', 'documented', `${NESTML_TEMPLATE}: SynapseWordSpec weight=4; the sign is the synapse type bit`,
        'Bits of weight magnitude in the synapse word of the delayed model (`lif`): 2^bits − 1 = 15 levels per sign.'),
    setting('synapse_delay_bits', 3, 'bits', 'documented', `${NESTML_TEMPLATE}: delay=3`,
        'Bits of delay in a synapse word.'),
    setting('synapse_type_bits', 1, 'bits', 'documented', `${NESTML_TEMPLATE}: synapse_type=1, excitatory or inhibitory`,
        'Bits of synapse type (excitatory/inhibitory) in a synapse word.'),
    setting('synapse_target_bits', 8, 'bits', 'documented', `${NESTML_TEMPLATE}: target=8, at most 256 neurons per PE`,
        'Bits of post-neuron index in a synapse word.'),
    setting('conv_weight_bits', 8, 'bits', 'documented', 'py-spinnaker2 s2_nir.py casts Conv2d weights to np.int8',
        'Bits of a convolution kernel weight (signed).'),
    setting('weight_levels', 127, 'levels', 'documented', 'py-spinnaker2 spinnaker2/s2_nir.py create_populations (w_scale = 127.0 / max_abs_weight) and get_conv2d_params (astype(np.int8))',
        'Weight magnitudes per sign of the default (`lif_no_delay`) and convolution (`lif_conv2d`) models; one population\'s largest |w| becomes the top level.'),
    setting('min_delay_steps', 1, 'steps', 'documented', `${NESTML_TEMPLATE}: 3-bit delay field 0..7, plus delay_field_offset_steps`,
        'Shortest synaptic delay the delayed model (`lif`) encodes.'),
    setting('max_delay_steps', 8, 'steps', 'documented', `${NESTML_TEMPLATE}: 3-bit delay field 0..7, plus delay_field_offset_steps`,
        'Longest synaptic delay the delayed model (`lif`) encodes.'),
    setting('delay_field_offset_steps', 1, 'steps', 'estimate', 'py-spinnaker2 `lif`: the hardware delay is the delay field + 1 step; the model\'s source could not be read here',
        'Steps added to the synapse word\'s delay field: a delay of d steps is written as d − offset.'),
    setting('default_delay_steps', 1, 'steps', 'documented', 'py-spinnaker2 spinnaker2/s2_nir.py ConversionConfig.conn_delay = 1',
        'The delay of a projection that names none; the only delay of the models without a delay field (`lif_no_delay`).'),
    setting('conv_delay_steps', 0, 'steps', 'documented', 'py-spinnaker2 spinnaker2/s2_nir.py create_conv2d_projection asserts delay == 0',
        'The only delay a Conv2DProjection accepts.'),
    setting('max_neurons_per_pe', 256, 'neurons', 'estimate', 'the 8-bit synapse target field',
        'The most neurons one PE runs; a neuron model may allow fewer.'),
];

/** Clocks and power levels. */
const CLOCKS: readonly NamedSetting[] = [
    setting('timestep_s', 0.001, 's', 'estimate', 'py-spinnaker2 default timestep not found; examples use 1 ms ticks',
        'Simulation tick, used to turn NIR delays into steps when the graph metadata has no `dt`.'),
    setting('clock_low_hz', 150e6, 'Hz', 'documented', `${VERSION_SPIN2} clock_speeds_hz`, 'The lower PE clock the toolchain knows.'),
    setting('clock_high_hz', 300e6, 'Hz', 'documented', `${VERSION_SPIN2} clock_speeds_hz`, 'The higher PE clock the toolchain knows.'),
    setting('dvfs_pl1_voltage_v', 0.5, 'V', 'estimate', 'final-chip V/f pairs not found; estimate PL1 ≈ 0.50 V / 150 MHz',
        'Supply voltage of DVFS performance level 1 (at clock_low_hz).'),
    setting('dvfs_pl2_voltage_v', 0.6, 'V', 'estimate', 'final-chip V/f pairs not found; estimate PL2 ≈ 0.60 V / 300 MHz',
        'Supply voltage of DVFS performance level 2 (at clock_high_hz).'),
];

/** The per-PE data regions the mapper budgets. */
const LAYOUT: readonly NamedSetting[] = [
    setting('pe_fixed_data_bytes', 64, 'B', 'estimate', `${NESTML_TEMPLATE} regions TIMER_CONFIG (2 words), GLOBAL_PARAMS, MPT_INFO; sizes not given`,
        'Fixed data regions of every PE: timer configuration, global parameters, population-table header.'),
    setting('routing_info_header_bytes', 12, 'B', 'documented', `${NESTML_TEMPLATE}: routing info [key_offset, n_targets, routing_targets_addr]`,
        'The routing-info header of a PE that sends spikes.'),
    setting('routing_info_bytes_per_target', 4, 'B', 'documented', `${NESTML_TEMPLATE}: routing info "+ targets", one word each`,
        'Routing-info bytes per outgoing projection of a PE.'),
    setting('mpt_entry_bytes', 16, 'B', 'estimate', 'py-spinnaker2 issue #127: the master population table allocates 4 words per entry (N_WORDS_MPT_ENTRY not read in code)',
        'Master-population-table bytes per source PE that sends to this PE.'),
    setting('synapse_row_header_bytes', 4, 'B', 'estimate', 'py-spinnaker2 row format not found; one length word assumed (sPyNNaker uses 3 words, synapse_row.h)',
        'Header of one synapse row (one row per pre-synaptic neuron with synapses on this PE).'),
    setting('input_buffer_slots', 8, 'slots', 'estimate', 'one slot per encodable delay (3-bit delay field); buffer layout not found',
        'Delay slots of each neuron\'s synaptic input buffer.'),
    setting('input_buffer_entry_bytes', 4, 'B', 'estimate', 'accumulator width not found; 32-bit assumed',
        'Bytes of one input-buffer entry (per neuron, slot and synapse type).'),
    setting('conv_params_bytes', 64, 'B', 'estimate', 'py-spinnaker2 Conv2DProjection parameter block not found',
        'Convolution parameters (shapes, stride, padding, pooling) stored with a kernel.'),
    setting('spike_record_extra_words', 2, 'words', 'documented', `${NESTML_TEMPLATE}: spikes take ((n + 31)//32 + 2) words per step`,
        'Words per recorded step of spikes beyond one bit per neuron.'),
    setting('spike_list_bytes_per_spike', 4, 'B', 'estimate', 'py-spinnaker2 spike_list takes {neuron: [spike steps]} and keeps the times on the PE; one word per spike assumed',
        'PE bytes per input spike of a spike_list source; the mapper budgets mean_firing_rate_hz × steps of them per neuron.'),
    setting('synapses_in_dram', 0, 'flag', 'documented', `${NESTML_TEMPLATE}: SYN_ROW is a PE SRAM region`,
        '1 when synapse rows live in chip DRAM instead of PE SRAM.'),
    setting('recording_in_dram', 0, 'flag', 'documented', `${NESTML_TEMPLATE}: SPIKE_RECORD and VOLTAGE_RECORD are PE SRAM regions`,
        '1 when recordings live in chip DRAM instead of PE SRAM.'),
];

/** Traffic and energy: SpiNNaker1 constants as a labelled placeholder. */
const ENERGY: readonly NamedSetting[] = [
    setting('mean_firing_rate_hz', 10, 'Hz', 'estimate', 'a planning figure (PACMAN PR #44 design point: 10 Hz)',
        'Mean firing rate assumed for link-traffic and energy estimates before a simulation.'),
    setting('packet_bits', 40, 'bits', 'estimate', 'SpiNNaker2 packet formats not found; SpiNNaker1 MC packet without payload',
        'Bits of a multicast spike packet on a link.'),
    setting('link_bandwidth_bits_per_s', 1e9, 'bit/s', 'estimate', 'not found; "Gbit/s-class serial links"',
        'Capacity of one chip-to-chip link.'),
    setting('energy_per_router_bit_j', 25e-12, 'J/bit', 'estimate', 'SpiNNaker2 not found; SpiNNaker1 JOULES_PER_ROUTER_BIT',
        'Router energy per packet bit per hop.'),
    setting('idle_power_per_chip_w', 0.35, 'W', 'estimate', 'SpiNNaker2 not found ("Spin2 idle energy unknown"); SpiNNaker1 WATTS_PER_IDLE_CHIP',
        'Power of a powered, idle chip.'),
    setting('active_power_per_pe_w', 0.034, 'W', 'estimate', 'SpiNNaker2 not found; SpiNNaker1 WATTS_PER_CORE_ACTIVE_OVERHEAD',
        'Extra power of a busy PE.'),
    setting('energy_per_synaptic_event_j', 43e-9, 'J', 'estimate', 'SpiNNaker2 not found; SpiNNaker1 system figure 43 nJ per PSP, Sharp et al. 2012',
        'Energy per synaptic event.'),
    setting('router_packets_per_tick', 100000, 'packets/tick', 'estimate', 'not published; one packet per router clock at an assumed 100 MHz over a 1 ms tick',
        'Packets one router forwards in a tick; the simulator drops what comes after (scale it with --dt).'),
    setting('link_packets_per_tick', 25000, 'packets/tick', 'estimate', 'link_bandwidth_bits_per_s / packet_bits over a 1 ms tick (1 Gbit/s / 40 bits), both estimates',
        'Packets one chip-to-chip link carries in a tick; the simulator drops what comes after (scale it with --dt).'),
    setting('weight_error_warning', 0.05, 'ratio', 'estimate', 'a NIRmesh choice, not a hardware number',
        'Mean relative weight-quantisation error above which `spinnaker2/weight-quantisation` is a warning.'),
];

/** Every setting of one SpiNNaker2 chip; the board and multi-board targets share it. */
export const SPINNAKER2_SETTINGS: readonly NamedSetting[] = [...CHIP, ...SYNAPSES, ...CLOCKS, ...LAYOUT, ...ENERGY];
