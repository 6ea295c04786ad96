import type { CancellationToken } from '../util/cancellation.js';
import type { SimNetwork, SimProjection } from './network.js';
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
    const spikes = new Float64Array(pops.length);
    let events = 0;
    let packets = 0;
    let dropped = 0;
    let t = 0;
    let cancelled = false;

    const deliver = (projections: readonly SimProjection[], neuron: number, value: number): number => {
        let n = 0;
        for (const projection of projections) {
            const post = pops[projection.post];
            const buffer = buffers[projection.post];
            const size = post.population.size;
            const slots = post.slots;
            const now = t % slots;
            const { start, post: target, weight, delay } = projection.rows;
            const end = start[neuron + 1];
            if (transport === undefined) {
                for (let k = start[neuron]; k < end; k++) {
                    let slot = now + delay[k];
                    if (slot >= slots) slot -= slots;
                    buffer[slot * size + target[k]] += weight[k] * value;
                }
                n += end - start[neuron];
                continue;
            }
            const id = currentId;
            const { stamp, peEvents } = transport;
            const peOf = transport.peOf[projection.post];
            for (let k = start[neuron]; k < end; k++) {
                const pe = peOf[target[k]];
                if (id >= 0 && stamp[pe] !== id) continue;
                peEvents[pe]++;
                let slot = now + delay[k];
                if (slot >= slots) slot -= slots;
                buffer[slot * size + target[k]] += weight[k] * value;
                n++;
            }
        }
        return n;
    };
    let currentId = -1;
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
            const out = network.outgoing[p];
            let count: number;
            if (pop.dynamics) {
                const buffer = buffers[p];
                const offset = (t % pop.slots) * size;
                const constant = pop.constant;
                if (constant) for (let n = 0; n < size; n++) buffer[offset + n] += constant[n];
                count = pop.dynamics.step(buffer, offset, fired[p]);
                buffer.fill(0, offset, offset + size);
            } else {
                count = pop.population.isSource ? sources.emit(p, t, fired[p]) : 0;
            }
            if (count >= 0) {
                spikes[p] += count;
                recorder.spikesOf(p, t, fired[p], count);
                if (out.length === 0) continue;
                const list = fired[p];
                for (let k = 0; k < count; k++) {
                    if (transport) currentId = transport.send(p, list[k]);
                    tickEvents += deliver(out, list[k], 1);
                }
            } else if (out.length > 0) {
                const values = pop.dynamics!.output;
                for (let n = 0; n < size; n++) {
                    if (values[n] === 0) continue;
                    if (transport) currentId = transport.send(p, n);
                    tickEvents += deliver(out, n, values[n]);
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
