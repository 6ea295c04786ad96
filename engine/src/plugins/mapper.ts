import type { GraphAnalysis } from '../graph/analysis.js';
import type { Problem } from '../diagnostics/problem.js';
import type { CancellationToken } from '../util/cancellation.js';
import type { HardwareTarget } from './target.js';
import type { NeuronModel } from './neuron-model.js';
import type { MachineProgram } from '../mapping/machine-program.js';

/** A slice of one population placed on one processing element. */
export interface PeSlice {
    /** Chip coordinates `[x, y]` in the target's mesh. */
    readonly chip: readonly [number, number];
    /** The PE index within the chip. */
    readonly pe: number;
    /** The first neuron of the population held here, and how many. */
    readonly first: number;
    readonly count: number;
    /** SRAM bytes this slice uses on its PE (state, synapses, tables, recording). */
    readonly sramBytes: number;
    /** The routing key of the slice's spikes (neuron index in the low bits) and its mask; absent when the slice sends nothing. */
    readonly key?: number;
    readonly mask?: number;
    /** Chip DRAM bytes the slice uses (synapses or recordings the target keeps in DRAM). */
    readonly dramBytes?: number;
}

/** Where a slice's SRAM goes, in bytes. */
export interface SramBreakdown {
    readonly fixed: number;
    readonly neurons: number;
    readonly inputBuffers: number;
    readonly synapses: number;
    readonly populationTable: number;
    readonly routingInfo: number;
    readonly recording: number;
}

/** Where one NIR node went. Weight nodes fold into the populations they feed and have no PEs of their own. */
export interface NodePlacement {
    /** The node's name and NIR tree path (the path is unique across nested graphs). */
    readonly name: string;
    readonly path: string;
    readonly neurons: number;
    readonly pes: readonly PeSlice[];
    /** Routing-table entries this node's outgoing traffic adds, summed over chips. */
    readonly routerEntries: number;
    /** The NIR type and the machine's model for it (`lif_no_delay`). */
    readonly type?: string;
    readonly model?: string;
    /** Neurons per PE used, and where that number came from (`default`: `MapOptions.neuronsPerCore` for its type). */
    readonly neuronsPerCore?: number;
    readonly neuronsPerCoreSource?: 'hint' | 'default' | 'model-limit' | 'sram-fit';
    /** PEs the node needs (placed or not). */
    readonly pesNeeded?: number;
    /** The largest SRAM of any of its slices, and where it goes. */
    readonly maxSramBytes?: number;
    readonly sramBreakdown?: SramBreakdown;
    /** The most neurons per PE whose slices all fit the SRAM window (0 when even one neuron does not). */
    readonly fittingNeuronsPerCore?: number;
    /** The most recorded steps that fit at the neurons per PE used (when recording is what overflows). */
    readonly fittingSteps?: number;
    /** Synapses arriving at the node, and whether the count is exact or an expectation. */
    readonly synapsesIn?: number;
    readonly synapsesExact?: boolean;
}

/** The load on one chip. */
export interface ChipUsage {
    readonly x: number;
    readonly y: number;
    readonly pesUsed: number;
    readonly dramBytes: number;
    /** Entries after minimisation, and before. */
    readonly routerEntries: number;
    readonly routerEntriesUncompressed: number;
    /** The node path using the most DRAM here, and the one whose routes add the most entries here. */
    readonly dramMainNode?: string;
    readonly routerMainNode?: string;
}

/** Estimated spike traffic on one chip-to-chip link. */
export interface LinkTraffic {
    /** The chip it leaves and the link id (0 E, 1 NE, 2 N, 3 W, 4 SW, 5 S). */
    readonly x: number;
    readonly y: number;
    readonly link: number;
    /** Multicast trees using the link, packets per second and the share of the link's bandwidth. */
    readonly trees: number;
    readonly packetsPerSecond: number;
    readonly utilisation: number;
}

/** The machine's limits the result was measured against. */
export interface MappingLimits {
    readonly chips: number;
    readonly pesPerChip: number;
    readonly pes: number;
    readonly sramBytesPerPe: number;
    readonly dramBytesPerChip: number;
    readonly routerEntriesPerChip: number;
}

/** A fixed placement (`chip`/`core` hint) the mapper could not honour. */
export interface PlacementFailure {
    readonly path: string;
    readonly reason: string;
}

/** Power and energy estimates, with the rate they assume. */
export interface CostSummary {
    readonly meanFiringRateHz: number;
    readonly powerW: number;
    readonly synapticEventsPerSecond: number;
    readonly linkPacketsPerSecond: number;
    readonly energyPerSecondJ: number;
}

/** The result of placing a network on a target. Plain data; the `map --json` report is built from it. */
export interface MappingResult {
    readonly targetId: string;
    readonly mapperId: string;
    readonly chipsUsed: number;
    readonly pesUsed: number;
    readonly nodes: readonly NodePlacement[];
    readonly chips: readonly ChipUsage[];
    /** The names of the estimated (not documented) settings the result depends on. */
    readonly estimatesUsed: readonly string[];
    readonly problems: readonly Problem[];
    /** Steps of recording budgeted. */
    readonly steps?: number;
    readonly limits?: MappingLimits;
    /** PEs the network needs, placed or not. */
    readonly pesNeeded?: number;
    readonly placementFailures?: readonly PlacementFailure[];
    /** Routing-key bits the allocation needs, and the key width. */
    readonly keyBits?: { readonly used: number; readonly available: number };
    readonly links?: readonly LinkTraffic[];
    readonly cost?: CostSummary;
    /** Milliseconds per stage (lower, size, place, keys, route, minimise), for benchmarks. */
    readonly timingsMs?: Readonly<Record<string, number>>;
    /**
     * What the machine runs (slices, keys, multicast trees, minimised tables), when `MapOptions.program`
     * asked for it; the simulator's input. Not part of any report.
     */
    readonly program?: MachineProgram;
}

/** How to map. */
export interface MapOptions {
    /** Simulation steps the recording buffers must hold; default 1000. */
    readonly steps?: number;
    /** Where to look up neuron models by NIR type (the engine's `registry.neuronModels`); default: the mapper's own. */
    readonly neuronModels?: { get(id: string): NeuronModel | undefined };
    /**
     * Neurons per PE by NIR type (`{LIF: 128}`), used where a node has no `neurons_per_core` hint of
     * its own; capped at the model's and the PE's limit. Types not named are sized to fit the SRAM.
     */
    readonly neuronsPerCore?: Readonly<Record<string, number>>;
    /** Keep the machine program (the minimised tables and the trees) in the result, for a simulation. */
    readonly program?: boolean;
}

/** Places a network on a target. Deterministic for the same input. */
export interface Mapper {
    readonly id: string;
    readonly title: string;
    map(analysis: GraphAnalysis, target: HardwareTarget, token?: CancellationToken, options?: MapOptions): Promise<MappingResult>;
}
