import type { Connectivity, IndexRange } from './types.js';
import { rowBytes } from './types.js';

/**
 * Neuron i connects to neuron i only (generator `one_to_one`, Scale, an index map such as Flatten).
 * `nonZero`, when given, says which diagonal entries are non-zero (explicit Scale values); the
 * counts then come from a prefix sum over it, one integer per neuron, never per synapse pair.
 */
export function oneToOne(size: number, nonZero?: (i: number) => boolean): Connectivity {
    const prefix = nonZero ? prefixCounts(size, nonZero) : undefined;
    const countIn = (first: number, count: number) => {
        const end = Math.min(size, first + count);
        if (end <= first) return 0;
        return prefix ? prefix[end] - prefix[first] : end - first;
    };
    const total = countIn(0, size);
    const range = (first: number, count: number): readonly IndexRange[] => {
        const end = Math.min(size, first + count);
        return end > first && countIn(first, count) > 0 ? [[first, end]] : [];
    };
    let argMax = 0;
    if (prefix) while (argMax < size && prefix[argMax + 1] === prefix[argMax]) argMax++;
    return {
        kind: 'one-to-one', exact: true, preSize: size, postSize: size, synapses: total, slicePeriod: () => (prefix ? Infinity : 1),
        fanIn: () => ({ max: total > 0 ? 1 : 0, mean: size > 0 ? total / size : 0, argMax: Math.min(argMax, Math.max(0, size - 1)) }),
        load(first, count, format) {
            const rows = countIn(first, count);
            return { rows, synapses: rows, bytes: rows * rowBytes(1, format) };
        },
        reach: range,
        sources: range,
    };
}

function prefixCounts(size: number, nonZero: (i: number) => boolean): Int32Array {
    const prefix = new Int32Array(size + 1);
    for (let i = 0; i < size; i++) prefix[i + 1] = prefix[i] + (nonZero(i) ? 1 : 0);
    return prefix;
}
