import { GrowableColumn } from './growable.js';
import type { TraceViewChunk, TraceViewRun } from '../../../protocol/index.js';

/** The spikes of one population so far, ticks ascending, and its first raster row. */
export interface PopulationSpikes {
    readonly channel: number;
    readonly name: string;
    readonly size: number;
    readonly firstRow: number;
    readonly step: Int32Array;
    readonly neuron: Int32Array;
}

/** The probed values of one probe so far: `values[t * indices.length + j]` for tick `t`. */
export interface ProbeTrace {
    readonly channel: number;
    readonly name: string;
    readonly indices: readonly number[];
    readonly values: Float32Array;
    readonly steps: number;
}

/** A channel is a probe when the run lists the neurons it records. */
function isProbe(run: TraceViewRun, channel: number): boolean {
    return run.channels[channel]?.indices !== undefined;
}

/**
 * The trace of one run, assembled from its chunks as they arrive. Chunks may come in any order;
 * spikes of each population stay sorted by tick because each chunk's ticks are its own.
 */
export class TraceStore {
    private readonly steps = new Map<number, GrowableColumn<Int32Array>>();
    private readonly neurons = new Map<number, GrowableColumn<Int32Array>>();
    private readonly probeValues = new Map<number, GrowableColumn<Float32Array>>();
    private readonly chunkStarts: number[] = [];
    /** Per tick over the whole run; NaN where no chunk has arrived or the run has no machine. */
    readonly packets: Float64Array;
    readonly dropped: Float64Array;
    readonly synapticEvents: Float64Array;
    /** Ticks covered by the chunks received so far. */
    stepsReceived = 0;
    chunksReceived = 0;
    hasMachineCounters = false;

    constructor(readonly run: TraceViewRun) {
        this.packets = new Float64Array(run.steps).fill(NaN);
        this.dropped = new Float64Array(run.steps).fill(NaN);
        this.synapticEvents = new Float64Array(run.steps).fill(NaN);
        run.channels.forEach((_, channel) => {
            if (isProbe(run, channel)) this.probeValues.set(channel, new GrowableColumn((n) => new Float32Array(n)));
            else {
                this.steps.set(channel, new GrowableColumn((n) => new Int32Array(n)));
                this.neurons.set(channel, new GrowableColumn((n) => new Int32Array(n)));
            }
        });
    }

    /** Adds one chunk. Chunks must arrive in tick order (the server sends them so). */
    add(chunk: TraceViewChunk): void {
        const last = this.chunkStarts[this.chunkStarts.length - 1];
        if (last !== undefined && chunk.firstStep <= last) throw new Error(`trace chunk at tick ${chunk.firstStep} arrived after tick ${last}`);
        this.chunkStarts.push(chunk.firstStep);
        for (const spikes of chunk.spikes) {
            if (spikes.step.length !== spikes.neuron.length) throw new Error(`channel ${spikes.channel}: ${spikes.step.length} ticks for ${spikes.neuron.length} neurons`);
            this.steps.get(spikes.channel)?.append(spikes.step);
            this.neurons.get(spikes.channel)?.append(spikes.neuron);
        }
        for (const probe of chunk.probes) this.probeValues.get(probe.channel)?.append(probe.values);
        this.copyCounter(chunk.packets, chunk.firstStep, this.packets);
        this.copyCounter(chunk.dropped, chunk.firstStep, this.dropped);
        this.copyCounter(chunk.synapticEvents, chunk.firstStep, this.synapticEvents);
        this.stepsReceived = Math.max(this.stepsReceived, chunk.firstStep + chunk.steps);
        this.chunksReceived += 1;
    }

    private copyCounter(values: ArrayLike<number> | undefined, firstStep: number, into: Float64Array): void {
        if (!values) return;
        this.hasMachineCounters = true;
        const n = Math.min(values.length, into.length - firstStep);
        for (let t = 0; t < n; t++) into[firstStep + t] = values[t]!;
    }

    /** The spiking populations in raster order (the run's channel order), with their first rows. */
    populations(): PopulationSpikes[] {
        let firstRow = 0;
        const result: PopulationSpikes[] = [];
        for (const [channel, steps] of this.steps) {
            const info = this.run.channels[channel]!;
            result.push({ channel, name: info.name, size: info.size, firstRow, step: steps.view(), neuron: this.neurons.get(channel)!.view() });
            firstRow += info.size;
        }
        return result;
    }

    /** Rows of the raster: every neuron of every spiking population. */
    rowCount(): number {
        let rows = 0;
        for (const channel of this.steps.keys()) rows += this.run.channels[channel]!.size;
        return rows;
    }

    spikeCount(): number {
        let count = 0;
        for (const steps of this.steps.values()) count += steps.length;
        return count;
    }

    probes(): ProbeTrace[] {
        return [...this.probeValues].map(([channel, column]) => {
            const info = this.run.channels[channel]!;
            const indices = info.indices ?? [];
            return { channel, name: info.name, indices, values: column.view(), steps: indices.length > 0 ? column.length / indices.length : 0 };
        });
    }
}
