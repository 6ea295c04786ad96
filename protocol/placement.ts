/**
 * A placement on the wire: where every node went, the load on every chip and link, and the machine
 * it was measured against. Optional engine values are `null` here, never absent.
 */

/** A slice of one population on one processing element. */
export interface PeSliceWire {
    /** Chip coordinates `[x, y]` in the target's mesh. */
    readonly chip: readonly [number, number];
    /** The PE index within the chip. */
    readonly pe: number;
    /** The first neuron of the population held here, and how many. */
    readonly first: number;
    readonly count: number;
    /** SRAM bytes the slice uses on its PE. */
    readonly sramBytes: number;
    /** The routing key and mask of the slice's spikes; null when it sends nothing. */
    readonly key: number | null;
    readonly mask: number | null;
    /** Chip DRAM bytes the slice uses. */
    readonly dramBytes: number;
}

/** Where a slice's SRAM goes, in bytes. */
export interface SramBreakdownWire {
    readonly fixed: number;
    readonly neurons: number;
    readonly inputBuffers: number;
    readonly synapses: number;
    readonly populationTable: number;
    readonly routingInfo: number;
    readonly recording: number;
}

/** Where neurons per PE came from: a node hint, a default for its type, the model's limit, or what fits the SRAM. */
export type NeuronsPerCoreSource = 'hint' | 'default' | 'model-limit' | 'sram-fit';

/** Where one NIR node went. Weight nodes fold into the populations they feed and have no PEs. */
export interface NodePlacementWire {
    readonly name: string;
    /** The node's NIR tree path (`/node/nodes/fc1`), unique across nested graphs. */
    readonly path: string;
    /** The NIR type and the machine's model for it (`lif_no_delay`). */
    readonly type: string | null;
    readonly model: string | null;
    readonly neurons: number;
    readonly neuronsPerCore: number | null;
    readonly neuronsPerCoreSource: NeuronsPerCoreSource | null;
    /** PEs the node needs, placed or not. */
    readonly pesNeeded: number;
    readonly maxSramBytes: number | null;
    readonly sramBreakdown: SramBreakdownWire | null;
    /** Routing-table entries this node's outgoing traffic adds, summed over chips. */
    readonly routerEntries: number;
    readonly synapsesIn: number | null;
    readonly synapsesExact: boolean | null;
    readonly pes: readonly PeSliceWire[];
}

/** The load on one chip. */
export interface ChipUsageWire {
    readonly x: number;
    readonly y: number;
    readonly pesUsed: number;
    readonly dramBytes: number;
    /** Routing-table entries after minimisation, and before. */
    readonly routerEntries: number;
    readonly routerEntriesUncompressed: number;
    /** The node path using the most DRAM here, and the one whose routes add the most entries. */
    readonly dramMainNode: string | null;
    readonly routerMainNode: string | null;
}

/** Estimated spike traffic on one chip-to-chip link. */
export interface LinkTrafficWire {
    /** The chip it leaves and the link id (0 E, 1 NE, 2 N, 3 W, 4 SW, 5 S). */
    readonly x: number;
    readonly y: number;
    readonly link: number;
    readonly trees: number;
    readonly packetsPerSecond: number;
    /** The share of the link's bandwidth used, 0–1 (more when overloaded). */
    readonly utilisation: number;
}

/** The machine's limits the placement was measured against. */
export interface MappingLimitsWire {
    readonly chips: number;
    readonly pesPerChip: number;
    readonly pes: number;
    readonly sramBytesPerPe: number;
    readonly dramBytesPerChip: number;
    readonly routerEntriesPerChip: number;
}

/** Power and energy estimates, with the firing rate they assume. */
export interface CostSummaryWire {
    readonly meanFiringRateHz: number;
    readonly powerW: number;
    readonly synapticEventsPerSecond: number;
    readonly linkPacketsPerSecond: number;
    readonly energyPerSecondJ: number;
}

/**
 * The chips of the target's machine, used or not: a width × height box (wrapping or not) and the
 * coordinates that hold a chip, flattened `[x0, y0, x1, y1, …]` row by row (34,560 chips for 720 boards).
 */
export interface MeshWire {
    readonly width: number;
    readonly height: number;
    readonly wrapX: boolean;
    readonly wrapY: boolean;
    readonly chips: readonly number[];
}

/** A whole placement. */
export interface PlacementWire {
    readonly targetId: string;
    readonly mapperId: string;
    readonly chipsUsed: number;
    readonly pesUsed: number;
    /** PEs the network needs, placed or not. */
    readonly pesNeeded: number | null;
    /** Steps of recording budgeted. */
    readonly steps: number | null;
    readonly limits: MappingLimitsWire | null;
    readonly nodes: readonly NodePlacementWire[];
    readonly chips: readonly ChipUsageWire[];
    readonly links: readonly LinkTrafficWire[];
    readonly cost: CostSummaryWire | null;
    /** The names of the estimated (not documented) settings the result depends on. */
    readonly estimatesUsed: readonly string[];
    /** Fixed placements (`chip`/`core` hints) the mapper could not honour. */
    readonly placementFailures: readonly { readonly path: string; readonly reason: string }[];
    /** Routing-key bits the allocation needs, and the key width. */
    readonly keyBits: { readonly used: number; readonly available: number } | null;
    /** Milliseconds per mapping stage, for benchmarks. */
    readonly timingsMs: Readonly<Record<string, number>> | null;
    /** The machine; null for a target without a chip mesh. */
    readonly mesh: MeshWire | null;
}
