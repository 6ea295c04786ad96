import type { Connectivity } from './types.js';
import { rowBytes } from './types.js';

/**
 * Every pre neuron connects to every post neuron (dense weights with no zero: generated
 * `ones`, `constant`, `uniform`, `normal`). A PE with `count` post neurons holds one row of
 * `count` synapses per pre neuron.
 */
export function allToAll(preSize: number, postSize: number): Connectivity {
    return {
        kind: 'dense', exact: true, preSize, postSize, synapses: preSize * postSize, slicePeriod: () => 1,
        fanIn: () => ({ max: preSize, mean: preSize, argMax: 0 }),
        load: (_first, count, format) => ({ rows: count > 0 ? preSize : 0, synapses: preSize * count, bytes: count > 0 ? preSize * rowBytes(count, format) : 0 }),
        reach: () => 'all',
        sources: () => 'all',
    };
}

/**
 * Each pre–post pair connects with probability `p` (generator `fixed_probability`). Counts are
 * expectations: a PE with `count` post neurons receives p·count·pre synapses in
 * pre·(1 − (1 − p)^count) rows (the pre neurons with at least one synapse there), from a slice of
 * m pre neurons with probability 1 − (1 − p)^(m·count) (so a population-table entry only then).
 */
export function fixedProbability(preSize: number, postSize: number, p: number): Connectivity {
    const mean = p * preSize;
    const logMiss = Math.log1p(-Math.min(p, 1 - Number.EPSILON));
    /** The probability that `pairs` pre–post pairs hold at least one synapse. */
    const anyOf = (pairs: number) => -Math.expm1(pairs * logMiss);
    return {
        kind: 'sparse', exact: false, preSize, postSize, synapses: p * preSize * postSize, slicePeriod: () => 1,
        fanIn: () => ({ max: mean, mean, argMax: 0 }),
        load(_first, count, format) {
            const synapses = p * preSize * count;
            const rows = preSize * anyOf(count);
            const perRow = rows > 0 ? synapses / rows : 0;
            return { rows, synapses, bytes: rows > 0 ? rows * rowBytes(perRow, format) : 0 };
        },
        reach: () => (p > 0 ? 'all' : []),
        sources: () => (p > 0 ? 'all' : []),
        sourceSlices(_first, count, sliceSize) {
            const full = Math.floor(preSize / sliceSize);
            const rest = preSize - full * sliceSize;
            return full * anyOf(sliceSize * count) + (rest > 0 ? anyOf(rest * count) : 0);
        },
    };
}
