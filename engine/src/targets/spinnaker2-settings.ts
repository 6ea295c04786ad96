import { setting, type NamedSetting } from './setting.js';

// Every number below comes from /work/shared/reference/spinnaker2-facts.md (the "facts"); the
// `source` of each row names the primary source the facts cite and the row of its §1 table.
// Rows the facts mark E (estimate), or that the facts do not give, have confidence 'estimate'.

const VERSION_SPIN2 = 'SpiNNMachine spinn_machine/version/version_spin2.py';
const NESTML_TEMPLATE = 'NESTML SpiNNaker2 template @NEURON_NAME@.py.jinja2 (py-spinnaker2 app layout)';

/** SpiNNaker2's processing elements, memory, router and links (facts §1 rows 1–25, §2.1–2.4). */
const CHIP: readonly NamedSetting[] = [
    setting('pes_per_chip', 152, 'PEs', 'documented', 'spinncloud.com; Gonzalez et al. 2024, arXiv 2401.04491 (facts #2)',
        'Application processing elements (ARM Cortex-M4F) per chip.'),
    setting('reserved_pes_per_chip', 0, 'PEs', 'estimate', `py-spinnaker2's reservation not found; ${VERSION_SPIN2} keeps SCAMP cores outside these 152 (facts #1, #4, §7)`,
        'PEs per chip kept for system software, not available to the network.'),
    setting('pes_per_qpe', 4, 'PEs', 'documented', 'spinncloud.com; version_spin2.py QUAD_MAP (facts #6)',
        'PEs per quad processing element (QPE).'),
    setting('qpes_per_chip', 38, 'QPEs', 'documented', 'version_spin2.py QUAD_MAP: 38 (qx,qy) pairs (facts #7, §2.2)',
        'QPEs per chip, on a 7×6 grid with four holes.'),
    setting('sram_per_pe_bytes', 131072, 'B', 'documented', 'NESTML qpe.ld.jinja2 (ITCM 32K + DTCM 96K); Gonzalez 2024 (facts #9)',
        'Local SRAM per PE, code and data.'),
    setting('sram_data_window_bytes', 0x1f000 - 0xe900, 'B', 'documented', `${NESTML_TEMPLATE}: first_address 0xE900 to the heap/stack at 0x1F000 (facts #11, §2.1; one app's layout)`,
        'The SRAM a PE has for data regions: neuron parameters, synapse rows, the population table and recordings.'),
    setting('dram_per_chip_bytes', 1073741824, 'B', 'documented', `${VERSION_SPIN2} max_sdram_per_chip (facts #13; the hardware has 2 GB, #12)`,
        'DRAM per chip as the toolchain budgets it.'),
    setting('router_entries_per_chip', 16384, 'entries', 'documented', `${VERSION_SPIN2} n_router_entries; SpiNNaker2 datasheet (facts #18)`,
        'Multicast routing-table entries per chip router.'),
    setting('key_bits', 32, 'bits', 'estimate', 'PACMAN constants BITS_IN_KEY = 32 for SpiNNaker1; assumed for SpiNNaker2 (facts #20)',
        'Width of a multicast routing key.'),
    setting('mask_bits', 32, 'bits', 'estimate', 'PACMAN FULL_MASK for SpiNNaker1; assumed for SpiNNaker2 (facts #20)',
        'Width of a routing-table mask.'),
    setting('links_per_chip', 6, 'links', 'documented', 'SpiNNMachine router.py MAX_LINKS_PER_ROUTER = 6 (facts #21)',
        'Chip-to-chip links per router: E, NE, N, W, SW, S.'),
];

/** Synapse words, delays and neurons per PE (facts #40–45, §3.3, §7). */
const SYNAPSES: readonly NamedSetting[] = [
    setting('synapse_word_bits', 16, 'bits', 'documented', `${NESTML_TEMPLATE}: SynapseWordSpec(word_size=SIZE_16) (facts #44)`,
        'Bits of one stored synapse.'),
    setting('synapse_weight_bits', 4, 'bits', 'documented', `${NESTML_TEMPLATE}: weight=4; the sign is the synapse type bit (facts #44, §3.3)`,
        'Bits of weight magnitude in a synapse word.'),
    setting('synapse_delay_bits', 3, 'bits', 'documented', `${NESTML_TEMPLATE}: delay=3 (facts #44)`,
        'Bits of delay in a synapse word.'),
    setting('synapse_type_bits', 1, 'bits', 'documented', `${NESTML_TEMPLATE}: synapse_type=1, excitatory or inhibitory (facts #44)`,
        'Bits of synapse type (excitatory/inhibitory) in a synapse word.'),
    setting('synapse_target_bits', 8, 'bits', 'documented', `${NESTML_TEMPLATE}: target=8, at most 256 neurons per PE (facts #44)`,
        'Bits of post-neuron index in a synapse word.'),
    setting('conv_weight_bits', 8, 'bits', 'documented', 'py-spinnaker2 s2_nir.py casts Conv2d weights to np.int8 (facts #45, §3.4)',
        'Bits of a convolution kernel weight (signed).'),
    setting('weight_levels', 127, 'levels', 'documented', 'py-spinnaker2 s2_nir.py: w_scale = 127.0 / max_abs_weight, conv weights cast to np.int8 (facts #45, §3.4)',
        'Non-zero weight magnitudes a NIR weight is rounded to (the largest magnitude becomes the top level).'),
    setting('min_delay_steps', 0, 'steps', 'documented', `${NESTML_TEMPLATE}: 3-bit delay field, 0..7 (facts §7)`,
        'Shortest synaptic delay a synapse word encodes.'),
    setting('max_delay_steps', 7, 'steps', 'documented', `${NESTML_TEMPLATE}: 3-bit delay field, 0..7 (facts §7)`,
        'Longest synaptic delay a synapse word encodes.'),
    setting('default_delay_steps', 1, 'steps', 'documented', 'py-spinnaker2 s2_nir ConversionConfig conn_delay=1 (facts §3.3, §3.4)',
        'The delay of a projection that names none.'),
    setting('conv_delay_steps', 0, 'steps', 'documented', 'py-spinnaker2 Conv2DProjection asserts delay == 0 (facts §3.3)',
        'The only delay a convolution projection accepts.'),
    setting('max_neurons_per_pe', 256, 'neurons', 'estimate', 'the 8-bit synapse target field (facts #44, §3.2, §6 item 6: built-in limits not found)',
        'The most neurons one PE runs; a neuron model may allow fewer.'),
];

/** Clocks and power levels (facts #15–17, §2.3). */
const CLOCKS: readonly NamedSetting[] = [
    setting('timestep_s', 0.001, 's', 'estimate', 'py-spinnaker2 default timestep not found; examples use 1 ms ticks (facts #46)',
        'Simulation tick, used to turn NIR delays into steps when the graph metadata has no `dt`.'),
    setting('clock_low_hz', 150e6, 'Hz', 'documented', `${VERSION_SPIN2} clock_speeds_hz (facts #15)`, 'The lower PE clock the toolchain knows.'),
    setting('clock_high_hz', 300e6, 'Hz', 'documented', `${VERSION_SPIN2} clock_speeds_hz (facts #15)`, 'The higher PE clock the toolchain knows.'),
    setting('dvfs_pl1_voltage_v', 0.5, 'V', 'estimate', 'final-chip V/f pairs not found; facts #17 estimate PL1 ≈ 0.50 V / 150 MHz',
        'Supply voltage of DVFS performance level 1 (at clock_low_hz).'),
    setting('dvfs_pl2_voltage_v', 0.6, 'V', 'estimate', 'final-chip V/f pairs not found; facts #17 estimate PL2 ≈ 0.60 V / 300 MHz',
        'Supply voltage of DVFS performance level 2 (at clock_high_hz).'),
];

/** The per-PE data regions the mapper budgets (facts §2.1, §3.3). */
const LAYOUT: readonly NamedSetting[] = [
    setting('pe_fixed_data_bytes', 64, 'B', 'estimate', `${NESTML_TEMPLATE} regions TIMER_CONFIG (2 words), GLOBAL_PARAMS, MPT_INFO; sizes not given (facts §2.1, §3.3)`,
        'Fixed data regions of every PE: timer configuration, global parameters, population-table header.'),
    setting('routing_info_header_bytes', 12, 'B', 'documented', `${NESTML_TEMPLATE}: routing info [key_offset, n_targets, routing_targets_addr] (facts §3.3)`,
        'The routing-info header of a PE that sends spikes.'),
    setting('routing_info_bytes_per_target', 4, 'B', 'documented', `${NESTML_TEMPLATE}: routing info "+ targets", one word each (facts §3.3)`,
        'Routing-info bytes per outgoing projection of a PE.'),
    setting('mpt_entry_bytes', 12, 'B', 'estimate', 'N_WORDS_MPT_ENTRY not found; 3 words (key, mask, row address) as in sPyNNaker (facts §3.3, §4.2)',
        'Master-population-table bytes per source PE that sends to this PE.'),
    setting('synapse_row_header_bytes', 4, 'B', 'estimate', 'py-spinnaker2 row format not found; one length word assumed (sPyNNaker uses 3 words, facts §4.3)',
        'Header of one synapse row (one row per pre-synaptic neuron with synapses on this PE).'),
    setting('input_buffer_slots', 8, 'slots', 'estimate', 'one slot per encodable delay (3-bit delay field, facts #44); buffer layout not found',
        'Delay slots of each neuron\'s synaptic input buffer.'),
    setting('input_buffer_entry_bytes', 4, 'B', 'estimate', 'accumulator width not found; 32-bit assumed',
        'Bytes of one input-buffer entry (per neuron, slot and synapse type).'),
    setting('conv_params_bytes', 64, 'B', 'estimate', 'py-spinnaker2 Conv2DProjection parameter block not found',
        'Convolution parameters (shapes, stride, padding, pooling) stored with a kernel.'),
    setting('spike_record_extra_words', 2, 'words', 'documented', `${NESTML_TEMPLATE}: spikes take ((n + 31)//32 + 2) words per step (facts §2.1)`,
        'Words per recorded step of spikes beyond one bit per neuron.'),
    setting('synapses_in_dram', 0, 'flag', 'documented', `${NESTML_TEMPLATE}: SYN_ROW is a PE SRAM region (facts §2.1)`,
        '1 when synapse rows live in chip DRAM instead of PE SRAM.'),
    setting('recording_in_dram', 0, 'flag', 'documented', `${NESTML_TEMPLATE}: SPIKE_RECORD and VOLTAGE_RECORD are PE SRAM regions (facts §2.1)`,
        '1 when recordings live in chip DRAM instead of PE SRAM.'),
];

/** Traffic and energy: SpiNNaker1 constants as a labelled placeholder (facts #28–31, §2.6, §6 item 5). */
const ENERGY: readonly NamedSetting[] = [
    setting('mean_firing_rate_hz', 10, 'Hz', 'estimate', 'a planning figure (PACMAN PR #44 design point: 10 Hz, perf-anchors §B)',
        'Mean firing rate assumed for link-traffic and energy estimates before a simulation.'),
    setting('packet_bits', 40, 'bits', 'estimate', 'SpiNNaker2 packet formats not found; SpiNNaker1 MC packet without payload (facts #23, §6 item 2)',
        'Bits of a multicast spike packet on a link.'),
    setting('link_bandwidth_bits_per_s', 1e9, 'bit/s', 'estimate', 'not found; "Gbit/s-class serial links" (facts #22, §6 item 1)',
        'Capacity of one chip-to-chip link.'),
    setting('energy_per_router_bit_j', 25e-12, 'J/bit', 'estimate', 'SpiNNaker2 not found; SpiNNaker1 JOULES_PER_ROUTER_BIT (facts #28, #30)',
        'Router energy per packet bit per hop.'),
    setting('idle_power_per_chip_w', 0.35, 'W', 'estimate', 'SpiNNaker2 not found ("Spin2 idle energy unknown"); SpiNNaker1 WATTS_PER_IDLE_CHIP (facts #29, #30)',
        'Power of a powered, idle chip.'),
    setting('active_power_per_pe_w', 0.034, 'W', 'estimate', 'SpiNNaker2 not found; SpiNNaker1 WATTS_PER_CORE_ACTIVE_OVERHEAD (facts #29, #30)',
        'Extra power of a busy PE.'),
    setting('energy_per_synaptic_event_j', 43e-9, 'J', 'estimate', 'SpiNNaker2 not found; SpiNNaker1 system figure 43 nJ per PSP, Sharp et al. 2012 (perf-anchors §B)',
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
