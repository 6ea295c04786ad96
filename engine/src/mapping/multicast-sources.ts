import type { MachineGraph } from '../machine/machine-graph.js';
import type { ChipPe, MulticastSource } from '../routing/types.js';
import type { Placement } from './placement.js';
import type { PopulationKeys } from './keys.js';
import { sliceKey } from './keys.js';

/** The multicast sources of a network, with the population and neuron count behind each. */
export interface SourceSet {
    readonly sources: MulticastSource[];
    readonly population: Int32Array;
    readonly neurons: Float64Array;
}

/**
 * Builds one multicast source per run of slices that sit on the same chip and reach the same
 * destination PEs, cut into aligned power-of-two blocks of slices so each block is one key/mask
 * pair (the slices of a dense projection all share their destinations, so a population usually
 * costs one source per chip it occupies, not one per PE). Destinations are the PEs of the post
 * slices each projection reaches; unplaced slices send and receive nothing. Sources with the same
 * destinations share one array (a random projection gives every chip of a population the same
 * destinations, which would otherwise be copied per chip).
 */
export function buildSources(
    graph: MachineGraph,
    neuronsPerCore: readonly number[],
    placement: Placement,
    keys: readonly (PopulationKeys | undefined)[],
): SourceSet {
    const sources: MulticastSource[] = [];
    const population: number[] = [];
    const neurons: number[] = [];
    for (const pop of graph.populations) {
        const popKeys = keys[pop.index];
        const outgoing = pop.outgoing.map((i) => graph.projections[i]).filter((p) => p.connectivity.synapses > 0);
        if (!popKeys || outgoing.length === 0) continue;
        const n = neuronsPerCore[pop.index];
        const chipOf = placement.chipOf[pop.index];
        let memo = { slice: -1, sig: '' };
        const signature = (slice: number) => (memo.slice === slice ? memo.sig : (memo = { slice, sig: signatureOf(slice) }).sig);
        const signatureOf = (s: number) =>
            outgoing
                .map((p) => {
                    const reach = p.connectivity.reach(s * n, Math.min(n, pop.size - s * n));
                    return reach === 'all' ? '*' : postSlices(reach, neuronsPerCore[p.post], graph.populations[p.post].size).join(',');
                })
                .join('|');
        const destinationsBySig = new Map<string, ChipPe[]>();
        let s = 0;
        while (s < chipOf.length) {
            if (chipOf[s] < 0) {
                s++;
                continue;
            }
            const sig = signature(s);
            let end = s + 1;
            while (end < chipOf.length && chipOf[end] === chipOf[s] && signature(end) === sig) end++;
            let destinations = destinationsBySig.get(sig);
            if (!destinations) destinationsBySig.set(sig, (destinations = destinationsOf(outgoing.map((p) => p.post), sig, placement)));
            for (const [first, widthBits] of alignedBlocks(s, end)) {
                const { key, mask } = sliceKey(popKeys, first, widthBits);
                const lastNeuron = Math.min(pop.size, (first + 2 ** widthBits) * n);
                sources.push({ key, mask, chip: placement.chips[chipOf[s]], destinations, origin: pop.node.node.origin });
                population.push(pop.index);
                neurons.push(lastNeuron - first * n);
            }
            s = end;
        }
    }
    return { sources, population: Int32Array.from(population), neurons: Float64Array.from(neurons) };
}

/** The slices of `n` neurons that index ranges touch, ascending. */
function postSlices(reach: readonly (readonly [number, number])[], n: number, size: number): number[] {
    const out: number[] = [];
    for (const [start, end] of reach) {
        const a = Math.max(Math.floor(start / n), out.length > 0 ? out[out.length - 1] + 1 : 0);
        const b = Math.floor((Math.min(end, size) - 1) / n);
        for (let s = a; s <= b; s++) out.push(s);
    }
    return out;
}

/** The placed PEs of the post slices a signature names (`*`: every slice), without repeats. */
function destinationsOf(posts: readonly number[], sig: string, placement: Placement): ChipPe[] {
    const seen = new Set<number>();
    const out: ChipPe[] = [];
    sig.split('|').forEach((part, i) => {
        const post = posts[i];
        const chipOf = placement.chipOf[post];
        const peOf = placement.peOf[post];
        const slices = part === '*' ? chipOf.keys() : part === '' ? [] : part.split(',').map(Number);
        for (const s of slices) {
            const chip = chipOf[s];
            if (chip < 0) continue;
            const id = chip * 4096 + peOf[s];
            if (seen.has(id)) continue;
            seen.add(id);
            out.push({ chip: placement.chips[chip], pe: peOf[s] });
        }
    });
    return out;
}

/** Splits slices `[start, end)` into aligned power-of-two blocks `[first, log2 width]`. */
export function alignedBlocks(start: number, end: number): [number, number][] {
    const blocks: [number, number][] = [];
    let s = start;
    while (s < end) {
        let bits = 0;
        while (s % 2 ** (bits + 1) === 0 && s + 2 ** (bits + 1) <= end) bits++;
        blocks.push([s, bits]);
        s += 2 ** bits;
    }
    return blocks;
}
