import type { GraphAnalysis } from '../graph/analysis.js';
import type { Problem } from '../diagnostics/problem.js';
import type { HardwareTarget } from '../plugins/target.js';
import type { TimeUnit } from '../plugins/check.js';
import type { CancellationToken } from '../util/cancellation.js';
import type { MappingResult } from '../plugins/mapper.js';
import type { NeuronModelLookup } from '../machine/synapse-plan.js';

/**
 * The arithmetic of a run. `hardware`: float32 state as on the PE's FPU, weights and delays
 * quantised as the target stores them. `exact`: float64 and unquantised, for comparison with
 * reference simulators.
 */
export type Numerics = 'hardware' | 'exact';

/** What a spiking neuron does after it spikes: set `v` to `v_reset`, or subtract the threshold. */
export type ResetMode = 'to-reset' | 'subtract';

/** How the leaky integration is discretised: exact exponential decay, or forward Euler. */
export type IntegrationScheme = 'exponential' | 'forward-euler';

/** Spikes that drive one Input node: neuron `idx[k]` spikes at `time[k]` (the graph's time unit). */
export interface InputSpikes {
    /** The Input node's name (its NIR path for nested graphs). */
    readonly node: string;
    readonly idx: Int32Array;
    readonly time: Float64Array;
}

/** Poisson spikes at a fixed rate for every neuron of one Input node. */
export interface PoissonInput {
    readonly node: string;
    readonly rateHz: number;
}

/** The neurons of a node whose state variable (`v`, or `i` for current-based nodes) is recorded every tick. */
export interface ProbeRequest {
    readonly node: string;
    /** Flat neuron indices; all of the node's neurons when absent. */
    readonly indices?: readonly number[];
}

/** How to run. Every field has a documented default. */
export interface RunOptions {
    /** Ticks to simulate; default 1000. */
    readonly steps?: number;
    /** Tick length in milliseconds; default the graph's `metadata.dt`, else 1. */
    readonly dtMs?: number;
    /** The unit of the document's time values (`tau`, Delay's `delay`, input spike times); default `s`. */
    readonly timeUnit?: TimeUnit;
    /** Seed of every random choice of the run (Poisson inputs); default 0. */
    readonly seed?: number;
    /** Default `hardware`. */
    readonly numerics?: Numerics;
    /** Default `to-reset`. */
    readonly reset?: ResetMode;
    /** Default `exponential`. */
    readonly integration?: IntegrationScheme;
    readonly inputs?: readonly InputSpikes[];
    readonly poisson?: readonly PoissonInput[];
    /** Node names whose spikes are recorded; default every spiking node. */
    readonly record?: readonly string[];
    readonly probes?: readonly ProbeRequest[];
    /** Ticks per trace chunk handed to `onChunk`; default 1000. */
    readonly chunkSteps?: number;
    /** Receives the trace as it is produced, one chunk at a time, so a long run holds no full trace. */
    onChunk?(chunk: TraceChunk): void;
    /** Called now and then with the ticks done, for progress bars. */
    onProgress?(stepsDone: number, steps: number): void;
    /** Cancelling stops the run after the current tick; the result then has `stopped: 'cancelled'`. */
    readonly token?: CancellationToken;
}

/** One recorded population or probe, as it appears in every chunk of a run. */
export interface TraceChannel {
    /** The node's name and NIR path. */
    readonly name: string;
    readonly path: string;
    readonly type: string;
    /** Neurons in the node (flattened); for a probe, the recorded indices. */
    readonly size: number;
    readonly indices?: readonly number[];
}

/** Spikes of one recorded node in one chunk, columnar: neuron `neuron[k]` spiked in tick `step[k]` (ascending). */
export interface SpikeColumns {
    readonly channel: number;
    readonly step: Int32Array;
    readonly neuron: Int32Array;
}

/** Probed values of one probe in one chunk: `values[t * indices.length + j]` for tick `firstStep + t`. */
export interface ProbeColumns {
    readonly channel: number;
    readonly values: Float32Array;
}

/**
 * A slice of the trace: ticks `firstStep … firstStep + steps − 1`. Per-tick machine counters are
 * absent under `--target none`.
 */
export interface TraceChunk {
    readonly firstStep: number;
    readonly steps: number;
    readonly spikes: readonly SpikeColumns[];
    readonly probes: readonly ProbeColumns[];
    /** Per tick: packets sent, packets dropped anywhere, synaptic events processed. */
    readonly packets?: Int32Array;
    readonly dropped?: Int32Array;
    readonly synapticEvents?: Float64Array;
}

/** What a run produced per node. */
export interface NodeActivity {
    readonly name: string;
    readonly path: string;
    readonly type: string;
    readonly neurons: number;
    readonly spikes: number;
}

/** Traffic through one router or one link over the run. `link` is absent for routers. */
export interface TrafficCount {
    readonly x: number;
    readonly y: number;
    /** 0 E, 1 NE, 2 N, 3 W, 4 SW, 5 S, as the routers number them. */
    readonly link?: number;
    readonly packets: number;
    readonly dropped: number;
    /** The busiest tick's packets. */
    readonly peakPerTick: number;
}

/** Synaptic events one PE processed over the run. */
export interface PeLoad {
    readonly x: number;
    readonly y: number;
    readonly pe: number;
    readonly synapticEvents: number;
    readonly peakPerTick: number;
}

/** One term of the energy estimate: what is counted, how many, at what cost, from which setting. */
export interface EnergyTerm {
    readonly name: string;
    readonly count: number;
    readonly joulesEach: number;
    readonly joules: number;
    readonly setting: string;
}

/** The energy estimate of a run, from a documented model whose constants are target settings. */
export interface EnergyEstimate {
    readonly joules: number;
    /** The model's name, as docs/simulation.md describes it. */
    readonly model: string;
    readonly terms: readonly EnergyTerm[];
    /** Settings the estimate uses that are placeholders (not published for SpiNNaker2). */
    readonly placeholders: readonly string[];
}

/** Everything a run reports. Plain data; `nirmesh run --json` and the server's wire type are built from it. */
export interface RunResult {
    readonly simulatorId: string;
    /** The target id, or `none` for the graph alone. */
    readonly targetId: string;
    readonly steps: number;
    readonly dtMs: number;
    readonly numerics: Numerics;
    readonly nodes: readonly NodeActivity[];
    readonly channels: readonly TraceChannel[];
    readonly synapticEvents: number;
    readonly packets: number;
    readonly droppedPackets: number;
    readonly routers: readonly TrafficCount[];
    readonly links: readonly TrafficCount[];
    readonly pes: readonly PeLoad[];
    readonly energy?: EnergyEstimate;
    /** Seconds spent building the run (materialising synapses, tables), and in the tick loop alone. */
    readonly setupS: number;
    readonly simS: number;
    /** Set when the run stopped early; the counts cover the ticks that ran. */
    readonly stopped?: 'cancelled';
    readonly problems: readonly Problem[];
}

/** What a simulator is given: the analysed graph, and the target to run it on (absent: the graph alone). */
export interface SimulationRequest {
    readonly analysis: GraphAnalysis;
    readonly target?: HardwareTarget;
    readonly options: RunOptions;
    /** The mapping of the network onto `target`, with its machine program; absent under `--target none`. */
    readonly mapping?: MappingResult;
    /** Neuron models by NIR type (the engine's `registry.neuronModels`), whose variants the synapse plan chooses; default the built-in ones. */
    readonly neuronModels?: NeuronModelLookup;
}

/** Runs a network. Registered by id; the built-in one routes every spike through the mapped mesh. */
export interface Simulator {
    readonly id: string;
    readonly title: string;
    run(request: SimulationRequest): Promise<RunResult>;
}
