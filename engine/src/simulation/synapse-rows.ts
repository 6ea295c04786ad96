import type { ChainMap } from './chain-ops.js';
import { denseSignal, unitSignal, type Signal } from './signal.js';

/**
 * The synapses of one projection in compressed rows, one row per pre neuron: synapse `k` of row
 * `j` (`start[j] ≤ k < start[j+1]`) adds `weight[k]` to post neuron `post[k]` `delay[k]` ticks
 * after the pre neuron's output (at least 1: the tick of delay into every population; no `delay`
 * array: every synapse has that one tick). Rows are sorted by post neuron.
 */
export interface SynapseRows {
    readonly start: Int32Array;
    readonly post: Int32Array;
    readonly weight: Float32Array | Float64Array;
    readonly delay?: Uint16Array;
    /** The largest delay, in ticks. */
    readonly maxDelay: number;
}

/** The most ticks a synapse may be delayed by (the ring buffers hold one slot per tick of delay). */
export const MAX_DELAY_TICKS = 65535;

/**
 * Materialises a projection's synapses row by row: pre neuron `j`'s row is what a unit spike of
 * `j` becomes through the chain's maps (entries reaching the same post neuron at the same delay
 * are summed, zeros dropped). Weights go into float32 (`single`) or float64 storage. Every
 * synapse is delayed by `baseDelay` ticks (the tick into the population, or the machine's synaptic
 * delay) plus its Delay nodes' ticks.
 */
export function buildSynapseRows(preSize: number, postSize: number, maps: readonly ChainMap[], single: boolean, baseDelay = 1): SynapseRows {
    const direct = maps.length === 1 ? maps[0].columns?.() : undefined;
    if (direct && direct.start.length === preSize + 1) {
        const weight = single ? Float32Array.from(direct.value) : direct.value;
        const ticks = Math.min(MAX_DELAY_TICKS, baseDelay);
        return { start: direct.start, post: direct.row, weight, delay: ticks > 1 ? new Uint16Array(direct.row.length).fill(ticks) : undefined, maxDelay: Math.max(1, ticks) };
    }
    const start = new Int32Array(preSize + 1);
    let post = new Int32Array(Math.max(16, preSize));
    let weight: Float64Array = new Float64Array(post.length);
    let delay = new Uint16Array(post.length);
    let n = 0;
    let maxDelay = 1;
    for (let j = 0; j < preSize; j++) {
        const row = mergeRow(through(unitSignal(j), maps, 0), postSize, baseDelay);
        if (n + row.length > post.length) {
            const size = Math.max(2 * post.length, n + row.length);
            post = grow(post, new Int32Array(size));
            weight = grow(weight, new Float64Array(size));
            delay = grow(delay, new Uint16Array(size));
        }
        for (const entry of row) {
            post[n] = entry.post;
            weight[n] = entry.weight;
            delay[n] = entry.delay;
            if (entry.delay > maxDelay) maxDelay = entry.delay;
            n++;
        }
        start[j + 1] = n;
    }
    return {
        start,
        post: post.slice(0, n),
        weight: single ? Float32Array.from(weight.subarray(0, n)) : weight.slice(0, n),
        delay: maxDelay > 1 ? delay.slice(0, n) : undefined,
        maxDelay,
    };
}

/** The constant a chain adds to its post neurons every tick: each map's bias pushed through the maps after it. */
export function chainConstant(postSize: number, maps: readonly ChainMap[]): Float64Array {
    const total = new Float64Array(postSize);
    maps.forEach((map, i) => {
        if (!map.bias) return;
        const out = through(denseSignal(map.bias), maps, i + 1);
        for (let k = 0; k < out.index.length; k++) {
            if (out.index[k] < postSize) total[out.index[k]] += out.value[k];
        }
    });
    return total;
}

function through(signal: Signal, maps: readonly ChainMap[], from: number): Signal {
    let s = signal;
    for (let i = from; i < maps.length; i++) s = maps[i].apply(s);
    return s;
}

interface RowEntry {
    readonly post: number;
    readonly delay: number;
    weight: number;
}

/** Sums entries with the same post neuron and delay, drops zeros and neurons beyond the post population, sorts by post neuron then delay; delays add `baseDelay`. */
function mergeRow(signal: Signal, postSize: number, baseDelay: number): RowEntry[] {
    const byKey = new Map<number, RowEntry>();
    for (let k = 0; k < signal.index.length; k++) {
        if (!(signal.index[k] < postSize)) continue;
        const delay = Math.min(MAX_DELAY_TICKS, signal.delay[k] + baseDelay);
        const key = signal.index[k] * (MAX_DELAY_TICKS + 1) + delay;
        const found = byKey.get(key);
        if (found) found.weight += signal.value[k];
        else byKey.set(key, { post: signal.index[k], delay, weight: signal.value[k] });
    }
    return [...byKey.values()].filter((e) => e.weight !== 0).sort((a, b) => a.post - b.post || a.delay - b.delay);
}

function grow<T extends Int32Array | Float64Array | Uint16Array>(from: T, to: T): T {
    to.set(from);
    return to;
}
