import type { HardwareTarget } from '../plugins/target.js';
import type { EnergyEstimate, EnergyTerm } from './types.js';
import type { SettingName } from '../targets/setting-names.js';
import { isEstimate, settingValue } from '../targets/setting.js';

/** What the energy model counts over a run. */
export interface EnergyCounts {
    readonly synapticEvents: number;
    readonly routerPackets: number;
    readonly chipsUsed: number;
    readonly pesUsed: number;
    /** Simulated (biological) seconds. */
    readonly seconds: number;
}

/** The model's name, as docs/simulation.md describes it. */
export const ENERGY_MODEL = 'nirmesh-events-v1';

/**
 * The energy of a run (docs/simulation.md, "Energy"): synaptic events × energy per event, packet
 * bits through routers × energy per bit, and the idle power of the chips and the active power of
 * the PEs used over the simulated time. Every constant is a target setting; those that are
 * estimates are listed as placeholders.
 */
export function energyEstimate(target: HardwareTarget, counts: EnergyCounts): EnergyEstimate {
    const packetBits = settingValue(target, 'packet_bits');
    const term = (name: string, count: number, setting: SettingName, scale = 1): EnergyTerm => {
        const joulesEach = settingValue(target, setting) * scale;
        return { name, count, joulesEach, joules: count * joulesEach, setting };
    };
    const terms = [
        term('synaptic events', counts.synapticEvents, 'energy_per_synaptic_event_j'),
        term('router packets', counts.routerPackets, 'energy_per_router_bit_j', packetBits),
        term('chip-seconds idle', counts.chipsUsed * counts.seconds, 'idle_power_per_chip_w'),
        term('PE-seconds active', counts.pesUsed * counts.seconds, 'active_power_per_pe_w'),
    ];
    const used: SettingName[] = ['energy_per_synaptic_event_j', 'energy_per_router_bit_j', 'packet_bits', 'idle_power_per_chip_w', 'active_power_per_pe_w'];
    return {
        joules: terms.reduce((sum, t) => sum + t.joules, 0),
        model: ENERGY_MODEL,
        terms,
        placeholders: used.filter((name) => isEstimate(target, name)),
    };
}
