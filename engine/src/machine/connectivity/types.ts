/** A half-open range of neuron indices `[start, end)`. */
export type IndexRange = readonly [number, number];

/** Which neurons a range of neurons reaches: every one, or these ranges. */
export type Reach = 'all' | readonly IndexRange[];

/** How the target stores synapses, for costing a PE's share of a projection. */
export interface SynapseFormat {
    /** Bytes of one synapse (the synapse word). */
    readonly synapseBytes: number;
    /** Bytes of the header of one synapse row. */
    readonly rowHeaderBytes: number;
    /** Bits of one convolution kernel weight, and the bytes of a kernel's parameter block. */
    readonly convWeightBits: number;
    readonly convParamsBytes: number;
}

/** What one PE's slice of post neurons stores for one projection. */
export interface SliceLoad {
    /** Synapse rows: pre neurons with at least one synapse onto the slice. */
    readonly rows: number;
    /** Synapses onto the slice (for a convolution: the connections its kernel makes). */
    readonly synapses: number;
    /** Bytes of rows (headers, words padded to 32 bits) or of the kernel. */
    readonly bytes: number;
}

/** Fan-in per post neuron: synapses arriving at one neuron. */
export interface FanIn {
    readonly max: number;
    readonly mean: number;
    /** A post neuron that has the maximum. */
    readonly argMax: number;
}

/**
 * The synapses of one projection, as a cost model: counts are exact for explicit weights and
 * expectations for random generators, and nothing here holds one number per synapse.
 */
export interface Connectivity {
    /** How py-spinnaker2 would store it. */
    readonly kind: 'dense' | 'sparse' | 'one-to-one' | 'conv' | 'pool' | 'none';
    /** False when the counts are expectations of a random generator. */
    readonly exact: boolean;
    readonly preSize: number;
    readonly postSize: number;
    /** Total synapses. */
    readonly synapses: number;
    fanIn(): FanIn;
    /**
     * Slices of `n` post neurons starting at multiples of `n` repeat their `load` every this many
     * slices: 1 when the cost depends only on the slice size, Infinity when it follows no pattern
     * (explicit weights). Lets the mapper cost a handful of slices instead of all of them.
     */
    slicePeriod(n: number): number;
    /** What the post neurons `first … first + count − 1` store. */
    load(first: number, count: number, format: SynapseFormat): SliceLoad;
    /** The post neurons that the pre neurons `first … first + count − 1` send to. */
    reach(first: number, count: number): Reach;
    /** The pre neurons that send to the post neurons `first … first + count − 1`. */
    sources(first: number, count: number): Reach;
    /**
     * The expected number of slices of `sliceSize` pre neurons with at least one synapse onto the
     * post neurons `first … first + count − 1`, for a random generator, whose `sources` can only
     * say "every pre neuron" (when absent, the slices that `sources` touches are counted).
     */
    sourceSlices?(first: number, count: number, sliceSize: number): number;
}

/** Bytes of a row of `length` synapses: its header and its words, padded to 32 bits. */
export function rowBytes(length: number, format: SynapseFormat): number {
    return format.rowHeaderBytes + Math.ceil((length * format.synapseBytes) / 4) * 4;
}

/** The connectivity of a projection without synapses (all-zero weights). */
export function noSynapses(preSize: number, postSize: number): Connectivity {
    return {
        kind: 'none', exact: true, preSize, postSize, synapses: 0, slicePeriod: () => 1,
        fanIn: () => ({ max: 0, mean: 0, argMax: 0 }),
        load: () => ({ rows: 0, synapses: 0, bytes: 0 }),
        reach: () => [],
        sources: () => [],
    };
}
