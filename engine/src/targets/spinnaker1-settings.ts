import { setting, type NamedSetting } from './setting.js';
import { SPINNAKER2_SETTINGS } from './spinnaker2-settings.js';

// SpiNNaker1 numbers, each with the primary source it comes from (SpiNNMachine, sPyNNaker, PACMAN,
// published papers). The target exists to prove the plugin seam: same code, another table.

const VERSION_SPIN1 = 'SpiNNMachine spinn_machine/version/version_spin1.py';

/** Rows that differ from SpiNNaker2. */
const DIFFERENT: readonly NamedSetting[] = [
    setting('pes_per_chip', 18, 'cores', 'documented', 'Mundy, Heathcote, Garside, HPSR 2016', 'ARM968 cores per chip.'),
    setting('reserved_pes_per_chip', 2, 'cores', 'estimate', `${VERSION_SPIN1} n_scamp_cores = 1, plus the extra monitor core sPyNNaker places on every chip: 16 application cores (the Ethernet chip's speed-up core, 759 per board, is not modelled per chip)`,
        'Cores per chip kept for SCAMP and the extra monitor.'),
    setting('pes_per_qpe', 1, 'cores', 'documented', 'SpiNNaker1 has no quad PEs', 'Cores per group; each SpiNNaker1 core stands alone.'),
    setting('qpes_per_chip', 18, 'groups', 'documented', 'SpiNNaker1 has no quad PEs', 'Core groups per chip (one core each).'),
    setting('sram_per_pe_bytes', 65536, 'B', 'documented', `${VERSION_SPIN1} dtcm_bytes = 2**16`, 'DTCM per core.'),
    setting('sram_data_window_bytes', 57344, 'B', 'estimate', 'DTCM less 8 KiB for stack, heap and system data; the split is not published',
        'DTCM a core has for neuron state, input buffers and the population table.'),
    setting('dram_per_chip_bytes', 123469792, 'B', 'documented', `${VERSION_SPIN1} max_sdram_per_chip`, 'Usable SDRAM per chip.'),
    setting('router_entries_per_chip', 1023, 'entries', 'documented', `${VERSION_SPIN1} n_router_entries`, 'Multicast routing-table entries per chip (1024 physical, one for the system).'),
    setting('key_bits', 32, 'bits', 'documented', 'PACMAN constants BITS_IN_KEY', 'Width of a multicast routing key.'),
    setting('mask_bits', 32, 'bits', 'documented', 'PACMAN FULL_MASK', 'Width of a routing-table mask.'),
    setting('synapse_word_bits', 32, 'bits', 'documented', 'sPyNNaker synapse_row.h: one 32-bit word per fixed synapse', 'Bits of one stored synapse.'),
    setting('synapse_weight_bits', 16, 'bits', 'documented', 'sPyNNaker synapse_row.h SYNAPSE_WEIGHT_BITS 16', 'Bits of weight in a synapse word.'),
    setting('synapse_delay_bits', 6, 'bits', 'documented', 'sPyNNaker MAX_SUPPORTED_DELAY_TICS = 64 sizes the delay field', 'Bits of delay in a synapse word.'),
    setting('synapse_type_bits', 1, 'bits', 'estimate', 'excitatory/inhibitory; the width is model-dependent in sPyNNaker', 'Bits of synapse type in a synapse word.'),
    setting('synapse_target_bits', 8, 'bits', 'documented', 'sPyNNaker SYNAPSE_INDEX_BITS 8 default', 'Bits of post-neuron index in a synapse word.'),
    setting('conv_weight_bits', 16, 'bits', 'estimate', 'no SpiNNaker1 convolution format found; the synapse weight width is assumed', 'Bits of a convolution kernel weight.'),
    setting('weight_levels', 65535, 'levels', 'documented', 'sPyNNaker 16-bit unsigned weights, the sign in the synapse type', 'Non-zero weight magnitudes a weight is rounded to.'),
    setting('min_delay_steps', 1, 'steps', 'documented', 'sPyNNaker MIN_SUPPORTED_DELAY = 1', 'Shortest native synaptic delay.'),
    setting('max_delay_steps', 1024, 'steps', 'documented', 'sPyNNaker delay extensions: MAX_DELAY_BLOCKS = 64 blocks × MAX_TIMER_TICS_SUPPORTED_PER_BLOCK = 16 ticks', 'Longest synaptic delay, with a delay extension vertex beyond the native field.'),
    setting('delay_field_offset_steps', 0, 'steps', 'documented', 'sPyNNaker synapse_row.h: the delay field holds the delay in ticks', 'Steps added to the delay field.'),
    setting('default_delay_steps', 1, 'steps', 'documented', 'sPyNNaker MIN_SUPPORTED_DELAY = 1', 'The delay of a projection that names none.'),
    setting('conv_delay_steps', 1, 'steps', 'estimate', 'no SpiNNaker1 convolution projection found; the minimum delay is assumed', 'The only delay a convolution projection accepts.'),
    setting('max_neurons_per_pe', 256, 'neurons', 'documented', 'sPyNNaker DEFAULT_MAX_ATOMS_PER_CORE = POP_TABLE_MAX_ROW_LENGTH = 256', 'The most neurons one core runs.'),
    setting('timestep_s', 0.001, 's', 'documented', 'SpiNNFrontEndCommon spinnaker.cfg simulation_time_step = 1000 µs', 'Simulation tick.'),
    setting('synapse_row_header_bytes', 12, 'B', 'documented', 'sPyNNaker SYNAPTIC_ROW_HEADER_WORDS = 2 + 1', 'Header of one synaptic row.'),
    setting('input_buffer_slots', 16, 'slots', 'estimate', 'sPyNNaker ring buffers, one slot per delay tick of a 4-bit field; not published', 'Delay slots of each neuron\'s ring buffer.'),
    setting('input_buffer_entry_bytes', 2, 'B', 'estimate', 'sPyNNaker 16-bit ring-buffer entries; not published', 'Bytes of one ring-buffer entry.'),
    setting('synapses_in_dram', 1, 'flag', 'documented', 'sPyNNaker SplitterPopulationVertexFixed: synaptic matrix in MultiRegionSDRAM', '1: synaptic rows live in SDRAM.'),
    setting('recording_in_dram', 1, 'flag', 'documented', 'PACMAN get_total_sdram(n_timesteps) includes recording', '1: recordings live in SDRAM.'),
    setting('packet_bits', 40, 'bits', 'documented', `${VERSION_SPIN1} JOULES_PER_PACKET … * 40`, 'Bits of a multicast packet without payload.'),
    setting('energy_per_router_bit_j', 25e-12, 'J/bit', 'documented', `${VERSION_SPIN1} JOULES_PER_ROUTER_BIT`, 'Router energy per packet bit per hop.'),
    setting('idle_power_per_chip_w', 0.35, 'W', 'documented', `${VERSION_SPIN1} WATTS_PER_IDLE_CHIP`, 'Power of a powered, idle chip.'),
    setting('active_power_per_pe_w', 0.034, 'W', 'documented', `${VERSION_SPIN1} WATTS_PER_CORE_ACTIVE_OVERHEAD`, 'Extra power of a busy core.'),
    setting('energy_per_synaptic_event_j', 43e-9, 'J', 'documented', 'Sharp et al., J. Neurosci. Methods 210:110 (2012), 43 nJ per PSP', 'Energy per synaptic event.'),
];

/** SpiNNaker2 rows that have no SpiNNaker1 counterpart in the sources. */
const NOT_ON_SPINNAKER1 = new Set(['clock_low_hz', 'clock_high_hz', 'dvfs_pl1_voltage_v', 'dvfs_pl2_voltage_v']);

/** Every setting of one SpiNNaker1 chip: SpiNNaker2's shared rows with the SpiNNaker1 values on top. */
export const SPINNAKER1_SETTINGS: readonly NamedSetting[] = [
    ...SPINNAKER2_SETTINGS.filter((row) => !NOT_ON_SPINNAKER1.has(row.name) && !DIFFERENT.some((d) => d.name === row.name)),
    ...DIFFERENT,
];
