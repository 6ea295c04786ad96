import type { Diagnostic, WorkDoneProgressParams } from 'vscode-languageserver-protocol';

/**
 * The wire types of running a network in the language server: `nirmesh/run` runs a document and
 * answers with a summary and a run id; `nirmesh/traceChunk` fetches the run's trace one chunk at
 * a time, so that a view draws a long run without one huge message. Plain JSON both ways: the
 * server converts the engine's run result and trace chunks to these types at its edge, so an
 * engine change cannot silently change the wire. Typed arrays travel as plain JSON number arrays
 * (float32 values as the nearest double, which reads back to the same float32). Nothing here
 * imports the engine, the server or vscode.
 */

/** `nirmesh/run`: runs a document on a target (`RunParams` → `RunReport`). Cancellable; `$/progress` with a `workDoneToken`. */
export const RUN_REQUEST = 'nirmesh/run';

/** `nirmesh/traceChunk`: one chunk of a run's trace (`TraceChunkParams` → `TraceChunkWire`). */
export const TRACE_CHUNK_REQUEST = 'nirmesh/traceChunk';

/** The arithmetic of a run: float32 and quantised weights as the target stores them, or float64 unquantised. */
export type NumericsWire = 'hardware' | 'exact';

/** Spikes that drive one Input node: neuron `idx[k]` spikes at `time[k]` (the graph's time unit). */
export interface InputSpikesWire {
    /** The Input node's name (its NIR path for nested graphs). */
    readonly node: string;
    readonly idx: number[];
    readonly time: number[];
}

/** The neurons of a node whose state (`v`, or `i` for current-based nodes) is recorded every tick. */
export interface ProbeWire {
    readonly node: string;
    /** Flat neuron indices; every neuron of the node when absent. */
    readonly indices?: number[];
}

/**
 * How to run, as `nirmesh run`'s options say it. Every field is optional with the command line's
 * default; two requests with equal options (in any key order) share a cached run.
 */
export interface RunOptionsWire {
    /** Ticks to simulate; default 1000. */
    readonly steps?: number;
    /** Tick length in milliseconds; default the graph's `metadata.dt`, else 1. */
    readonly dtMs?: number;
    /** Seed of every random choice (Poisson inputs); default 0. */
    readonly seed?: number;
    /** Default `hardware`. */
    readonly numerics?: NumericsWire;
    /** After a spike: `to-reset` (default) sets `v` to `v_reset`, `subtract` subtracts the threshold. */
    readonly reset?: 'to-reset' | 'subtract';
    /** Default `exponential`. */
    readonly integration?: 'exponential' | 'forward-euler';
    readonly inputs?: InputSpikesWire[];
    /** Poisson spikes at `rateHz` for every neuron of an Input node. */
    readonly poisson?: { readonly node: string; readonly rateHz: number }[];
    /** Node names whose spikes are recorded; default every spiking node. */
    readonly record?: string[];
    readonly probes?: ProbeWire[];
    /** Ticks per trace chunk; default 1000. */
    readonly chunkSteps?: number;
    /** Run a network that does not fit its target (as `nirmesh run --ignore-fit`); default false. */
    readonly ignoreFit?: boolean;
}

/** Params of `nirmesh/run`. */
export interface RunParams extends WorkDoneProgressParams {
    /** The document's URI: an open `*.nir.yaml` document, or a `.nir` file (read from disk if not open). */
    readonly uri: string;
    /** A target id for this request only, or `none` for the graph alone; the `nirmesh.target` setting when absent. */
    readonly target?: string;
    readonly options?: RunOptionsWire;
}

/** One recorded node or probe; `channel` numbers in a chunk index this list. */
export interface TraceChannelWire {
    readonly name: string;
    /** The node's NIR path (`/node/nodes/lif`), for revealing it in the editor. */
    readonly path: string;
    readonly type: string;
    /** Neurons in the node (flattened); for a probe, how many are recorded. */
    readonly size: number;
    /** A probe's recorded neuron indices. */
    readonly indices?: number[];
}

/** Spikes of one node per run. */
export interface NodeActivityWire {
    readonly name: string;
    readonly path: string;
    readonly type: string;
    readonly neurons: number;
    readonly spikes: number;
}

/** Traffic through a router (no `link`) or a link (0 E, 1 NE, 2 N, 3 W, 4 SW, 5 S) of chip (x, y). */
export interface TrafficWire {
    readonly x: number;
    readonly y: number;
    readonly link?: number;
    readonly packets: number;
    readonly dropped: number;
    readonly peakPerTick: number;
}

/** Synaptic events one PE processed. */
export interface PeLoadWire {
    readonly x: number;
    readonly y: number;
    readonly pe: number;
    readonly synapticEvents: number;
    readonly peakPerTick: number;
}

/** The energy estimate: a named model, its terms (each from a target setting), and which settings are placeholders. */
export interface EnergyWire {
    readonly joules: number;
    readonly model: string;
    readonly terms: { readonly name: string; readonly count: number; readonly joulesEach: number; readonly joules: number; readonly setting: string }[];
    readonly placeholders: string[];
}

/** What a run produced, without its trace (fetched by chunk with `nirmesh/traceChunk`). */
export interface RunSummaryWire {
    readonly simulatorId: string;
    /** The target id, or `none`. */
    readonly targetId: string;
    readonly steps: number;
    readonly dtMs: number;
    readonly numerics: NumericsWire;
    readonly nodes: NodeActivityWire[];
    readonly channels: TraceChannelWire[];
    readonly synapticEvents: number;
    readonly packets: number;
    readonly droppedPackets: number;
    readonly routers: TrafficWire[];
    readonly links: TrafficWire[];
    readonly pes: PeLoadWire[];
    readonly energy?: EnergyWire;
    /** Seconds building the run, and in the tick loop alone. */
    readonly setupS: number;
    readonly simS: number;
    /** Set when the run stopped early (the counts cover the ticks that ran). */
    readonly stopped?: 'cancelled';
    /** Chunks of the trace, numbered 0 … chunks − 1 in tick order. */
    readonly chunks: number;
}

/** The result of `nirmesh/run`. `runId` and `run` are null when `blocked`. */
export interface RunReport {
    readonly uri: string;
    /** The document version the run is of (for `.nir` files, the count of reads). */
    readonly version: number;
    /** The target id used, or `none`. */
    readonly target: string;
    /** Every problem of the document, the mapping's included, as LSP diagnostics. */
    readonly diagnostics: Diagnostic[];
    /** True when errors (or a network that does not fit, without `ignoreFit`) kept the run from starting. */
    readonly blocked: boolean;
    /** The handle of the run's trace for `nirmesh/traceChunk`; the server keeps the last few runs. */
    readonly runId: string | null;
    /** True when the answer is a run already made for this version, target and options. */
    readonly cached: boolean;
    readonly run: RunSummaryWire | null;
}

/** Params of `nirmesh/traceChunk`: chunk `index` of run `runId`. */
export interface TraceChunkParams {
    readonly runId: string;
    readonly index: number;
}

/** Spikes of one channel in one chunk: neuron `neuron[k]` spiked in tick `step[k]` (ascending ticks). */
export interface SpikeColumnsWire {
    readonly channel: number;
    readonly step: number[];
    readonly neuron: number[];
}

/** A probe's values in one chunk: `values[t * indices.length + j]` for tick `firstStep + t`. */
export interface ProbeColumnsWire {
    readonly channel: number;
    readonly values: number[];
}

/** One chunk of a trace: ticks `firstStep … firstStep + steps − 1`. Machine counters are absent for target `none`. */
export interface TraceChunkWire {
    readonly runId: string;
    readonly index: number;
    readonly firstStep: number;
    readonly steps: number;
    readonly spikes: SpikeColumnsWire[];
    readonly probes: ProbeColumnsWire[];
    /** Per tick: packets sent, packets dropped, synaptic events processed. */
    readonly packets?: number[];
    readonly dropped?: number[];
    readonly synapticEvents?: number[];
}

/** `nirmesh/saveTrace`: writes a kept run's trace as a NIRData HDF5 file (`SaveTraceParams` → `SaveTraceResult`). */
export const SAVE_TRACE_REQUEST = 'nirmesh/saveTrace';

/** Params of `nirmesh/saveTrace`: run `runId`'s recorded spikes and probes, written to the `file:` URI `uri`. */
export interface SaveTraceParams {
    readonly runId: string;
    readonly uri: string;
}

/** The result of `nirmesh/saveTrace`: the bytes written. */
export interface SaveTraceResult {
    readonly bytes: number;
}
