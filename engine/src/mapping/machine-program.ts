import type { ChipCoord, MeshTopology, MulticastSource, MulticastTree, RoutingEntry } from '../routing/types.js';
import type { PopulationKeys } from './keys.js';

/**
 * Where one population runs: slice `s` holds neurons `s·neuronsPerCore …` on PE `peOf[s]` of chip
 * `chips[chipOf[s]]` (−1: not placed) and sends neuron `i` of the slice with key
 * `keys.base + s·2^neuronBits + i` (no keys: it sends nothing).
 */
export interface PopulationProgram {
    readonly neuronsPerCore: number;
    readonly chipOf: Int32Array;
    readonly peOf: Int16Array;
    readonly keys?: PopulationKeys;
}

/**
 * What the machine runs, beside the mapping report: the populations' slices and keys, the
 * multicast sources and their trees, and every chip's minimised routing table. The simulator
 * routes packets through `tables` only, so a routing or minimisation bug shows up as a wrong
 * delivery. Indices follow the machine graph (`machineGraphOf`) the mapper placed.
 */
export interface MachineProgram {
    readonly topology: MeshTopology;
    /** PEs per chip (the PE numbers the routes name). */
    readonly pesPerChip: number;
    /** The chips in placement order (`chipOf` indexes them). */
    readonly chips: readonly ChipCoord[];
    readonly populations: readonly PopulationProgram[];
    readonly sources: readonly MulticastSource[];
    /** The population each source sends for. */
    readonly sourcePopulation: Int32Array;
    readonly trees: readonly MulticastTree[];
    /** Each chip's minimised table, keyed `"x,y"`; chips without entries are absent. */
    readonly tables: ReadonlyMap<string, readonly RoutingEntry[]>;
}
