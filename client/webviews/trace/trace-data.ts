/**
 * The data the trace view renders, as it arrives in messages: a run's summary, then its trace in
 * chunks. Plain JSON (typed arrays travel as number arrays), shaped like the server's run wire types.
 */

/** One recorded population or probe. */
export interface TraceViewChannel {
    readonly name: string;
    readonly path: string;
    readonly type: string;
    readonly size: number;
    readonly indices?: readonly number[];
}

/** Spikes of one channel in one chunk: neuron `neuron[k]` spiked in tick `step[k]`, ticks ascending. */
export interface TraceViewSpikes {
    readonly channel: number;
    readonly step: ArrayLike<number>;
    readonly neuron: ArrayLike<number>;
}

/** Probed values of one channel in one chunk: `values[t * indices.length + j]`. */
export interface TraceViewProbe {
    readonly channel: number;
    readonly values: ArrayLike<number>;
}

/** Ticks `firstStep … firstStep + steps − 1` of the trace. */
export interface TraceViewChunk {
    readonly firstStep: number;
    readonly steps: number;
    readonly spikes: readonly TraceViewSpikes[];
    readonly probes: readonly TraceViewProbe[];
    readonly packets?: ArrayLike<number>;
    readonly dropped?: ArrayLike<number>;
    readonly synapticEvents?: ArrayLike<number>;
}

/** Traffic through one link over the run (`link`: 0 E, 1 NE, 2 N, 3 W, 4 SW, 5 S). */
export interface TraceViewLink {
    readonly x: number;
    readonly y: number;
    readonly link?: number;
    readonly packets: number;
    readonly dropped: number;
    readonly peakPerTick: number;
}

/** One term of the energy estimate. */
export interface TraceViewEnergyTerm {
    readonly name: string;
    readonly count: number;
    readonly joulesEach: number;
    readonly joules: number;
    readonly setting: string;
}

/** The run's summary: everything but the trace itself. */
export interface TraceViewRun {
    /** The document the run came from, as the user knows it (a file name). */
    readonly source: string;
    readonly targetId: string;
    readonly steps: number;
    readonly dtMs: number;
    readonly numerics: string;
    readonly channels: readonly TraceViewChannel[];
    readonly nodes: readonly { readonly name: string; readonly neurons: number; readonly spikes: number }[];
    readonly synapticEvents: number;
    readonly packets: number;
    readonly droppedPackets: number;
    readonly links: readonly TraceViewLink[];
    readonly energy?: {
        readonly joules: number;
        readonly model: string;
        readonly terms: readonly TraceViewEnergyTerm[];
        readonly placeholders: readonly string[];
    };
    readonly stopped?: string;
    /** How many chunks the trace has; the view shows its progress until all arrived. */
    readonly chunkCount: number;
}
