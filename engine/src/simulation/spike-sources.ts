import type { Problem } from '../diagnostics/problem.js';
import type { SimNetwork } from './network.js';
import type { InputSpikes, PoissonInput } from './types.js';

/** Emits the spikes of every Input node tick by tick. */
export interface SpikeSources {
    /** Writes the neurons of source population `pop` that spike in tick `t` into `fired`; returns their number. */
    emit(pop: number, t: number, fired: Int32Array): number;
}

/** What the sources need: the tick in the document's time unit and in milliseconds, the seed. */
export interface SourceOptions {
    readonly tick: number;
    readonly dtMs: number;
    readonly seed: number;
    readonly inputs: readonly InputSpikes[];
    readonly poisson: readonly PoissonInput[];
}

/** Tolerance on `t / dt` so that a spike written at exactly k·dt lands in tick k despite rounding. */
const TICK_EPSILON = 1e-9;

/**
 * The spike sources of a run: spike files and Poisson rates by Input node (name or NIR path),
 * silence otherwise. Spikes of neuron nodes (a recorded trace used as input) are ignored. A spike at time `t` belongs to tick ⌊t/dt⌋; spikes on neurons the node does
 * not have, at negative times or that name no Input node are `simulation/bad-input` errors.
 */
export function spikeSources(network: SimNetwork, options: SourceOptions, problems: Problem[]): SpikeSources {
    const byName = new Map<string, number>();
    const recorded = new Set<string>();
    for (const p of network.populations) {
        const names = [p.population.name, p.population.path];
        for (const name of names) {
            if (p.population.isSource) byName.set(name, p.population.index);
            else recorded.add(name);
        }
    }
    const origin = network.populations[0]?.population.node.parent?.origin ?? { path: '/' };
    const bad = (message: string) => problems.push({ code: 'simulation/bad-input', severity: 'error', message, origin });
    const files = new Map<number, { ticks: Int32Array; idx: Int32Array; cursor: number; lastTick: number }>();
    for (const input of options.inputs) {
        const pop = byName.get(input.node);
        if (pop === undefined && recorded.has(input.node)) continue;
        if (pop === undefined) {
            bad(`the input spikes name '${input.node}', which is no Input node of the graph (its Input nodes: ${[...new Set(network.populations.filter((p) => p.population.isSource).map((p) => p.population.name))].join(', ') || 'none'})`);
            continue;
        }
        const size = network.populations[pop].population.size;
        const order = Array.from(input.idx.keys()).sort((a, b) => input.time[a] - input.time[b] || input.idx[a] - input.idx[b]);
        const ticks = new Int32Array(order.length);
        const idx = new Int32Array(order.length);
        let kept = 0;
        for (const k of order) {
            const n = input.idx[k];
            const t = Math.floor(input.time[k] / options.tick + TICK_EPSILON);
            if (!(n >= 0 && n < size) || !(t >= 0)) {
                bad(`input spike ${k} of '${input.node}' is at neuron ${n}, time ${input.time[k]}: the node has neurons 0..${size - 1} and times must be ≥ 0`);
                break;
            }
            ticks[kept] = t;
            idx[kept++] = n;
        }
        files.set(pop, { ticks: ticks.subarray(0, kept), idx: idx.subarray(0, kept), cursor: 0, lastTick: -1 });
    }
    const rates = new Map<number, number>();
    for (const p of options.poisson) {
        const pop = byName.get(p.node);
        if (pop === undefined) bad(`--poisson names '${p.node}', which is no Input node of the graph`);
        else if (!(p.rateHz >= 0)) bad(`the Poisson rate of '${p.node}' must be ≥ 0 Hz, not ${p.rateHz}`);
        else rates.set(pop, p.rateHz);
    }
    const random = mulberry32(options.seed);
    return {
        emit(pop, t, fired) {
            let count = 0;
            const file = files.get(pop);
            if (file) {
                while (file.cursor < file.ticks.length && file.ticks[file.cursor] < t) file.cursor++;
                let last = -1;
                while (file.cursor < file.ticks.length && file.ticks[file.cursor] === t) {
                    const n = file.idx[file.cursor++];
                    if (n !== last) fired[count++] = n;
                    last = n;
                }
            }
            const rate = rates.get(pop);
            if (rate !== undefined && rate > 0) count = poissonTick(rate * options.dtMs / 1000, fired, count, random, fired.length);
            return count;
        },
    };
}

/** Adds the neurons that spike this tick with probability `p` each (geometric skips), after the file's; keeps them ascending and unique. */
function poissonTick(p: number, fired: Int32Array, from: number, random: () => number, size: number): number {
    const fileSpikes = fired.slice(0, from);
    let count = 0;
    let f = 0;
    const add = (n: number) => {
        while (f < fileSpikes.length && fileSpikes[f] < n) fired[count++] = fileSpikes[f++];
        if (f < fileSpikes.length && fileSpikes[f] === n) f++;
        fired[count++] = n;
    };
    if (p >= 1) for (let n = 0; n < size; n++) add(n);
    else {
        const logMiss = Math.log1p(-p);
        for (let n = Math.floor(Math.log(1 - random()) / logMiss); n < size; n += 1 + Math.floor(Math.log(1 - random()) / logMiss)) add(n);
    }
    while (f < fileSpikes.length) fired[count++] = fileSpikes[f++];
    return count;
}

/** A small, fast seeded generator of uniform numbers in [0, 1) (Tommy Ettinger's Mulberry32). */
function mulberry32(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
