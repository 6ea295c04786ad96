import type { HardwareTarget } from '../plugins/target.js';
import type { MappingLimits } from '../plugins/mapper.js';
import type { MeshTopology } from '../routing/types.js';
import { settingValue } from '../targets/setting.js';

/** The machine numbers the mapper places against: its mesh, PEs, memory, router and keys. */
export interface MachineLimits extends MappingLimits {
    readonly topology: MeshTopology;
    /** PEs per chip including reserved ones (for PE numbers in routes). */
    readonly physicalPesPerChip: number;
    readonly maxNeuronsPerPe: number;
    readonly keyBits: number;
}

/** Reads the mapper's limits from a target; undefined when the target has no mesh. */
export function machineLimits(target: HardwareTarget): MachineLimits | undefined {
    const topology = target.topology;
    if (!topology) return undefined;
    let chips = 0;
    for (let y = 0; y < topology.height; y++) for (let x = 0; x < topology.width; x++) if (topology.hasChip(x, y)) chips++;
    const physical = settingValue(target, 'pes_per_chip');
    const pesPerChip = Math.max(0, physical - settingValue(target, 'reserved_pes_per_chip'));
    return {
        topology,
        chips,
        pesPerChip,
        physicalPesPerChip: physical,
        pes: chips * pesPerChip,
        sramBytesPerPe: settingValue(target, 'sram_data_window_bytes'),
        dramBytesPerChip: settingValue(target, 'dram_per_chip_bytes'),
        routerEntriesPerChip: settingValue(target, 'router_entries_per_chip'),
        maxNeuronsPerPe: settingValue(target, 'max_neurons_per_pe'),
        keyBits: settingValue(target, 'key_bits'),
    };
}
