import type { SimNetwork } from './network.js';
import type { ProbeColumns, ProbeRequest, SpikeColumns, TraceChannel, TraceChunk } from './types.js';
import type { Problem } from '../diagnostics/problem.js';

/** Growable columns of one recorded population's spikes. */
class SpikeColumn {
    step = new Int32Array(64);
    neuron = new Int32Array(64);
    length = 0;

    add(step: number, fired: Int32Array, count: number): void {
        if (this.length + count > this.step.length) {
            const size = Math.max(2 * this.step.length, this.length + count);
            const grownStep = new Int32Array(size);
            const grownNeuron = new Int32Array(size);
            grownStep.set(this.step.subarray(0, this.length));
            grownNeuron.set(this.neuron.subarray(0, this.length));
            this.step = grownStep;
            this.neuron = grownNeuron;
        }
        this.step.fill(step, this.length, this.length + count);
        this.neuron.set(fired.subarray(0, count), this.length);
        this.length += count;
    }
}

/**
 * Records a run in chunks of `chunkSteps` ticks: the spikes of the recorded populations and the
 * probed values, columnar, plus the per-tick machine counters. Each full chunk is handed to
 * `onChunk` and dropped, so memory stays bounded by one chunk.
 */
export class Recorder {
    readonly channels: TraceChannel[] = [];
    /** Channel of each population's spikes (−1: not recorded). */
    readonly spikeChannel: Int32Array;
    private readonly probes: { channel: number; pop: number; indices: Int32Array }[] = [];
    private spikes: SpikeColumn[] = [];
    private probeValues: Float32Array[] = [];
    private first = 0;
    private steps = 0;
    private packets: Int32Array;
    private dropped: Int32Array;
    private events: Float64Array;

    constructor(
        network: SimNetwork,
        record: readonly string[] | undefined,
        probes: readonly ProbeRequest[],
        private readonly chunkSteps: number,
        private readonly machine: boolean,
        private readonly onChunk: ((chunk: TraceChunk) => void) | undefined,
        problems: Problem[],
    ) {
        const pops = network.populations;
        const named = (name: string) => pops.find((p) => p.population.name === name || p.population.path === name);
        const origin = pops[0]?.population.node.parent?.origin ?? { path: '/' };
        const bad = (message: string) => problems.push({ code: 'simulation/bad-record', severity: 'error', message, origin });
        this.spikeChannel = new Int32Array(pops.length).fill(-1);
        const chosen = record === undefined ? pops.filter((p) => p.spiking) : record.map((name) => {
            const p = named(name);
            if (!p) bad(`--record names '${name}', which is no neuron or Input node of the graph`);
            else if (!p.spiking) bad(`--record names '${name}', a ${p.population.type} node, which does not spike (probe its values with --probe)`);
            return p?.spiking ? p : undefined;
        });
        for (const p of chosen) {
            if (!p || this.spikeChannel[p.population.index] >= 0) continue;
            this.spikeChannel[p.population.index] = this.channels.length;
            const { name, path, type, size } = p.population;
            this.channels.push({ name, path, type, size });
        }
        for (const probe of probes) {
            const p = named(probe.node);
            if (!p || !p.dynamics) {
                bad(`--probe names '${probe.node}', which is no neuron node of the graph`);
                continue;
            }
            const size = p.population.size;
            const indices = probe.indices ?? Array.from({ length: size }, (_, i) => i);
            const wrong = indices.find((i) => !(Number.isInteger(i) && i >= 0 && i < size));
            if (wrong !== undefined) {
                bad(`--probe ${probe.node}: neuron ${wrong} is out of range; the node has neurons 0..${size - 1}`);
                continue;
            }
            const { name, path, type } = p.population;
            this.probes.push({ channel: this.channels.length, pop: p.population.index, indices: Int32Array.from(indices) });
            this.channels.push({ name, path, type, size: indices.length, indices: [...indices] });
        }
        this.packets = new Int32Array(chunkSteps);
        this.dropped = new Int32Array(chunkSteps);
        this.events = new Float64Array(chunkSteps);
        this.reset(0);
    }

    /** Records the spikes population `pop` fired in tick `step`. */
    spikesOf(pop: number, step: number, fired: Int32Array, count: number): void {
        const channel = this.spikeChannel[pop];
        if (channel >= 0 && count > 0) this.spikes[channel].add(step, fired, count);
    }

    /** Records the probed values and the machine counters of the tick just run. */
    endTick(network: SimNetwork, packets: number, dropped: number, events: number): void {
        const t = this.steps;
        for (let k = 0; k < this.probes.length; k++) {
            const probe = this.probes[k];
            const output = network.populations[probe.pop].dynamics!.output;
            const values = this.probeValues[k];
            const width = probe.indices.length;
            for (let j = 0; j < width; j++) values[t * width + j] = output[probe.indices[j]];
        }
        this.packets[t] = packets;
        this.dropped[t] = dropped;
        this.events[t] = events;
        this.steps++;
        if (this.steps === this.chunkSteps) this.flush();
    }

    /** Hands the ticks recorded since the last chunk to `onChunk`. */
    flush(): void {
        if (this.steps === 0) return;
        const n = this.steps;
        const spikes: SpikeColumns[] = [];
        this.spikes.forEach((column, channel) => {
            if (column) spikes.push({ channel, step: column.step.slice(0, column.length), neuron: column.neuron.slice(0, column.length) });
        });
        const probes: ProbeColumns[] = this.probes.map((p, k) => ({ channel: p.channel, values: this.probeValues[k].slice(0, n * p.indices.length) }));
        const counters = this.machine ? { packets: this.packets.slice(0, n), dropped: this.dropped.slice(0, n), synapticEvents: this.events.slice(0, n) } : {};
        this.onChunk?.({ firstStep: this.first, steps: n, spikes, probes, ...counters });
        this.reset(this.first + n);
    }

    private reset(first: number): void {
        this.first = first;
        this.steps = 0;
        this.spikes = this.channels.map((_, channel) => (this.probes.some((p) => p.channel === channel) ? undefined : new SpikeColumn())) as SpikeColumn[];
        this.probeValues = this.probes.map((p) => new Float32Array(this.chunkSteps * p.indices.length));
    }
}
