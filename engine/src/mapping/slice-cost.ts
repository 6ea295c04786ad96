import type { MachineGraph } from '../machine/machine-graph.js';
import type { PeCostModel } from '../machine/pe-cost-model.js';
import type { Reach } from '../machine/connectivity/types.js';
import type { SramBreakdown } from '../plugins/mapper.js';
import { recordingBytes } from '../machine/pe-cost-model.js';

/** What costing a slice needs: the graph, the target's PE layout, the run length and every population's slicing. */
export interface CostContext {
    readonly graph: MachineGraph;
    readonly model: PeCostModel;
    readonly steps: number;
    /** Neurons per PE of each population (by index). */
    readonly neuronsPerCore: readonly number[];
    /** Bytes of state per neuron of each population. */
    readonly bytesPerNeuron: readonly number[];
}

/** A slice's memory: SRAM by region, its total, and the chip DRAM it needs. */
export interface SliceCost extends SramBreakdown {
    readonly sram: number;
    readonly dram: number;
}

/** How many slices of `n` neurons the ranges touch (ranges ascending, as connectivities return them). */
export function slicesTouched(reach: Reach, size: number, n: number): number {
    if (reach === 'all') return Math.ceil(size / n);
    let count = 0;
    let last = -1;
    for (const [start, end] of reach) {
        if (end <= start) continue;
        const a = Math.max(Math.floor(start / n), last + 1);
        const b = Math.floor((Math.min(end, size) - 1) / n);
        if (b >= a) {
            count += b - a + 1;
            last = b;
        }
    }
    return count;
}

/**
 * The memory of the slice `first … first + count − 1` of population `index`, by the target's
 * layout: fixed regions, routing info (when it sends), neuron state, input buffers, one
 * population-table entry per source slice with synapses here (expected, for random generators), synapse rows or kernels, and recordings for `steps`.
 * Synapses and recordings go to DRAM instead when the target keeps them there.
 */
export function sliceCost(ctx: CostContext, index: number, first: number, count: number): SliceCost {
    const { graph, model } = ctx;
    const pop = graph.populations[index];
    let synapses = 0;
    let mptEntries = 0;
    for (const i of pop.incoming) {
        const p = graph.projections[i];
        if (p.connectivity.synapses === 0) continue;
        synapses += p.connectivity.load(first, count, model.format).bytes;
        const preSlice = ctx.neuronsPerCore[p.pre];
        mptEntries += p.connectivity.sourceSlices?.(first, count, preSlice) ?? slicesTouched(p.connectivity.sources(first, count), graph.populations[p.pre].size, preSlice);
    }
    const targets = pop.outgoing.filter((i) => graph.projections[i].connectivity.synapses > 0).length;
    const recording = recordingBytes(pop.record, count, ctx.steps, model);
    const parts: SramBreakdown = {
        fixed: model.fixedBytes,
        neurons: count * ctx.bytesPerNeuron[index],
        inputBuffers: pop.isSource ? 0 : count * model.inputBufferBytesPerNeuron,
        synapses: model.synapsesInDram ? 0 : synapses,
        populationTable: mptEntries * model.mptEntryBytes,
        routingInfo: targets > 0 ? model.routingHeaderBytes + targets * model.routingBytesPerTarget : 0,
        recording: model.recordingInDram ? 0 : recording,
    };
    const sram = Math.ceil(parts.fixed + parts.neurons + parts.inputBuffers + parts.synapses + parts.populationTable + parts.routingInfo + parts.recording);
    const dram = Math.ceil((model.synapsesInDram ? synapses : 0) + (model.recordingInDram ? recording : 0));
    return { ...parts, sram, dram };
}

/** The least common multiple of the incoming projections' slice periods (Infinity when any has none). */
export function populationPeriod(ctx: CostContext, index: number, n: number): number {
    let period = 1;
    for (const i of ctx.graph.populations[index].incoming) {
        const p = ctx.graph.projections[i].connectivity.slicePeriod(n);
        if (!Number.isFinite(p)) return Infinity;
        period = (period * p) / gcd(period, p);
    }
    return period;
}

function gcd(a: number, b: number): number {
    return b === 0 ? a : gcd(b, a % b);
}

/**
 * The costliest slice of a population cut into slices of `n`: one period of slices whose cost
 * repeats (just the first when it depends only on the size) and the last, shorter one; every
 * slice when the cost follows no pattern.
 */
export function worstSlice(ctx: CostContext, index: number, n: number): SliceCost | undefined {
    const pop = ctx.graph.populations[index];
    if (pop.size === 0) return undefined;
    const slices = Math.ceil(pop.size / n);
    const period = Math.min(slices, populationPeriod(ctx, index, n));
    let worst: SliceCost | undefined;
    for (let s = 0; s < slices; s = s + 1 < period ? s + 1 : Math.max(s + 1, slices - 1)) {
        const cost = sliceCost(ctx, index, s * n, Math.min(n, pop.size - s * n));
        if (!worst || cost.sram > worst.sram) worst = cost;
    }
    return worst;
}
