import type { CancellationToken } from '../util/cancellation.js';
import type { SimNetwork } from './network.js';
import type { SpikeSources } from './spike-sources.js';
import type { Recorder } from './recorder.js';
import type { MeshTransport } from './mesh-transport.js';
import type { FloatArray } from './neuron-dynamics.js';

/** What the tick loop counted. */
export interface LoopTotals {
    readonly ticks: number;
    readonly spikes: Float64Array;
    readonly synapticEvents: number;
    readonly packets: number;
    readonly dropped: number;
    readonly cancelled: boolean;
}

/** How the loop runs. */
export interface LoopOptions {
    readonly steps: number;
    readonly single: boolean;
    readonly token?: CancellationToken;
    onProgress?(done: number, steps: number): void;
}

/** One projection as the inner loop reads it. */
interface Outgoing {
    readonly buffer: FloatArray;
    readonly size: number;
    readonly slots: number;
    readonly start: Int32Array;
    readonly target: Int32Array;
    readonly weight: FloatArray;
    /** True when every synapse has the weight `weight[0]` (a procedural matrix with one weight): then the loop reads no weights. */
    readonly uniform: boolean;
    readonly delay: Uint16Array | undefined;
    readonly peOf: Int32Array | undefined;
}

/** Ticks between progress reports and cancellation checks. */
const PROGRESS_EVERY = 50;

/** Milliseconds of work between yields to the event loop (so a host can cancel: a signal handler, an LSP cancel). */
const YIELD_EVERY_MS = 100;

/**
 * The tick loop (docs/simulation.md, "Semantics"). In tick t every population, in order, reads
 * the input that arrived for t (ring-buffer slot t mod slots, plus its constant), updates and
 * emits its output; each output goes through `transport` (when there is a machine) and its
 * synapse rows add into the post populations' slots t + delay (delay ≥ 1, so nothing a
 * population emits in tick t reaches anyone in tick t). Yields to the event loop every 100 ms of
 * work and stops at the next tick boundary when the token fires.
 */
export async function runTicks(network: SimNetwork, sources: SpikeSources, recorder: Recorder, transport: MeshTransport | undefined, options: LoopOptions): Promise<LoopTotals> {
    const pops = network.populations;
    const alloc = (n: number): FloatArray => (options.single ? new Float32Array(n) : new Float64Array(n));
    const buffers = pops.map((p) => alloc(p.slots * p.population.size));
    const fired = pops.map((p) => new Int32Array(p.population.size));
    const constants = pops.map((p) => p.constant ?? new Float64Array(p.population.size));
    const spikes = new Float64Array(pops.length);
    let events = 0;
    let packets = 0;
    let dropped = 0;
    let t = 0;
    let cancelled = false;

    const outgoing: Outgoing[][] = network.outgoing.map((list) => list.map((j): Outgoing => ({
        buffer: buffers[j.post], size: pops[j.post].population.size, slots: pops[j.post].slots,
        start: j.rows.start, target: j.rows.post, weight: j.rows.weight, uniform: isUniform(j.rows.weight), delay: j.rows.delay, peOf: transport?.peOf[j.post],
    })));
    const stamp = transport?.stamp;
    const peEvents = transport?.peEvents;

    const deliver = (links: readonly Outgoing[], neuron: number, value: number, id: number): number =>
        deliverSynapses(links, neuron, value, id, t, stamp, peEvents);
    let lastYield = performance.now();

    for (; t < options.steps; t++) {
        if (t % PROGRESS_EVERY === 0) {
            if (performance.now() - lastYield > YIELD_EVERY_MS) {
                await new Promise<void>((resolve) => setTimeout(resolve, 0));
                lastYield = performance.now();
            }
            if (options.token?.isCancellationRequested) {
                cancelled = true;
                break;
            }
            options.onProgress?.(t, options.steps);
        }
        let tickEvents = 0;
        for (let p = 0; p < pops.length; p++) {
            const pop = pops[p];
            const size = pop.population.size;
            const out = outgoing[p];
            let count: number;
            if (pop.dynamics) {
                count = pop.dynamics.step(buffers[p], (t % pop.slots) * size, constants[p], fired[p]);
            } else {
                count = pop.population.isSource ? sources.emit(p, t, fired[p]) : 0;
            }
            if (count >= 0) {
                spikes[p] += count;
                recorder.spikesOf(p, t, fired[p], count);
                if (out.length === 0) continue;
                tickEvents += deliverSpikes(out, fired[p], count, p, t, transport, stamp, peEvents);
            } else if (out.length > 0) {
                const values = pop.dynamics!.output;
                for (let n = 0; n < size; n++) {
                    if (values[n] !== 0) tickEvents += deliver(out, n, values[n], transport ? transport.send(p, n) : -1);
                }
            }
        }
        const machine = transport?.endTick() ?? { packets: 0, dropped: 0 };
        packets += machine.packets;
        dropped += machine.dropped;
        events += tickEvents;
        recorder.endTick(network, machine.packets, machine.dropped, tickEvents);
    }
    recorder.flush();
    options.onProgress?.(t, options.steps);
    return { ticks: t, spikes, synapticEvents: events, packets, dropped, cancelled };
}

/** Delivers the spikes of population `pop` in tick `t` (each sent through `transport` first, when there is one); returns the synaptic events. */
function deliverSpikes(
    links: readonly Outgoing[], list: Int32Array, count: number, pop: number, t: number,
    transport: MeshTransport | undefined, stamp: Int32Array | undefined, peEvents: Float64Array | undefined,
): number {
    let n = 0;
    for (let k = 0; k < count; k++) n += deliverSynapses(links, list[k], 1, transport ? transport.send(pop, list[k]) : -1, t, stamp, peEvents);
    return n;
}

/**
 * Adds the synapses of `neuron` (scaled by its output `value`) into the post populations' ring
 * buffers for tick `t` + delay; with a mesh, only those on PEs the packet `id` reached (all when
 * `id` is −1), counting each PE's events. Returns the synaptic events. Top level, so that the
 * engine compiles this hot loop on its own.
 */
function deliverSynapses(
    links: readonly Outgoing[], neuron: number, value: number, id: number, t: number, stamp: Int32Array | undefined, peEvents: Float64Array | undefined,
): number {
    let n = 0;
    for (let j = 0; j < links.length; j++) {
        const L = links[j];
        const first = L.start[neuron];
        const end = L.start[neuron + 1];
        if (first === end) continue;
        const { buffer, size, slots, target, weight, delay, peOf } = L;
        const now = t % slots;
        if (delay === undefined && id < 0) {
            const base = (now + 1 === slots ? 0 : now + 1) * size;
            if (L.uniform) {
                const w = weight[0] * value;
                if (peOf === undefined) for (let k = first; k < end; k++) buffer[base + target[k]] += w;
                else {
                    for (let k = first; k < end; k++) {
                        const post = target[k];
                        peEvents![peOf[post]]++;
                        buffer[base + post] += w;
                    }
                }
            } else if (peOf === undefined) for (let k = first; k < end; k++) buffer[base + target[k]] += weight[k] * value;
            else {
                for (let k = first; k < end; k++) {
                    const post = target[k];
                    peEvents![peOf[post]]++;
                    buffer[base + post] += weight[k] * value;
                }
            }
            n += end - first;
            continue;
        }
        for (let k = first; k < end; k++) {
            if (peOf !== undefined) {
                const pe = peOf[target[k]];
                if (id >= 0 && stamp![pe] !== id) continue;
                peEvents![pe]++;
            }
            let slot = now + (delay === undefined ? 1 : delay[k]);
            if (slot >= slots) slot -= slots;
            buffer[slot * size + target[k]] += weight[k] * value;
            n++;
        }
    }
    return n;
}

/** True when every element of `values` equals the first (and there is one). */
function isUniform(values: FloatArray): boolean {
    for (let k = 1; k < values.length; k++) if (values[k] !== values[0]) return false;
    return values.length > 0;
}
