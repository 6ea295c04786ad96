import type { GraphAnalysis } from '../graph/analysis.js';
import type { Problem } from '../diagnostics/problem.js';
import type { CancellationToken } from '../util/cancellation.js';
import type { HardwareTarget } from './target.js';

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
}

/** Places a network on a target. Deterministic for the same input. */
export interface Mapper {
    readonly id: string;
    readonly title: string;
    map(analysis: GraphAnalysis, target: HardwareTarget, token?: CancellationToken): Promise<MappingResult>;
}
