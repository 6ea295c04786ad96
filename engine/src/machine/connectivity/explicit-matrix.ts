import type { Connectivity, FanIn, IndexRange } from './types.js';
import { rowBytes } from './types.js';

/**
 * A weight matrix given number by number (`[..., out, in]`, PyTorch layout): exact counts of its
 * non-zero entries. Leading dimensions are independent groups, so the matrix is block diagonal
 * with `groups` blocks of `out × in`. Work is one pass over the numbers per question asked; the
 * only per-neuron arrays are one count per post neuron and one scratch count per pre neuron.
 */
export function explicitMatrix(values: ArrayLike<number>, groups: number, out: number, inputs: number): Connectivity {
    const preSize = groups * inputs;
    const postSize = groups * out;
    let rowNnz: Int32Array | undefined;
    const rowCounts = (): Int32Array => {
        if (rowNnz) return rowNnz;
        rowNnz = new Int32Array(postSize);
        for (let i = 0; i < postSize; i++) {
            const base = i * inputs;
            let n = 0;
            for (let j = 0; j < inputs; j++) if (values[base + j] !== 0) n++;
            rowNnz[i] = n;
        }
        return rowNnz;
    };
    let total: number | undefined;
    const scratch = { counts: undefined as Int32Array | undefined };

    return {
        kind: 'dense',
        exact: true,
        preSize,
        postSize,
        get synapses() {
            total ??= rowCounts().reduce((a, b) => a + b, 0);
            return total;
        },
        slicePeriod: () => Infinity,
        fanIn: () => fanInOf(rowCounts()),
        load(first, count, format) {
            const counts = (scratch.counts ??= new Int32Array(preSize));
            const touched: number[] = [];
            let synapses = 0;
            const end = Math.min(postSize, first + count);
            for (let i = first; i < end; i++) {
                const base = i * inputs;
                const col0 = Math.floor(i / out) * inputs;
                for (let j = 0; j < inputs; j++) {
                    if (values[base + j] === 0) continue;
                    const pre = col0 + j;
                    if (counts[pre]++ === 0) touched.push(pre);
                    synapses++;
                }
            }
            let bytes = 0;
            for (const pre of touched) {
                bytes += rowBytes(counts[pre], format);
                counts[pre] = 0;
            }
            return { rows: touched.length, synapses, bytes };
        },
        reach(first, count) {
            const end = Math.min(preSize, first + count);
            const hit: number[] = [];
            for (let g = Math.floor(first / inputs); g * inputs < end; g++) {
                const j0 = Math.max(first, g * inputs) - g * inputs;
                const j1 = Math.min(end, (g + 1) * inputs) - g * inputs;
                for (let r = 0; r < out; r++) {
                    const base = (g * out + r) * inputs;
                    for (let j = j0; j < j1; j++) {
                        if (values[base + j] !== 0) {
                            hit.push(g * out + r);
                            break;
                        }
                    }
                }
            }
            return toRanges(hit);
        },
        sources(first, count) {
            const end = Math.min(postSize, first + count);
            const seen = new Uint8Array(preSize);
            for (let i = first; i < end; i++) {
                const base = i * inputs;
                const col0 = Math.floor(i / out) * inputs;
                for (let j = 0; j < inputs; j++) if (values[base + j] !== 0) seen[col0 + j] = 1;
            }
            const hit: number[] = [];
            for (let j = 0; j < preSize; j++) if (seen[j]) hit.push(j);
            return toRanges(hit);
        },
    };
}

function fanInOf(rowNnz: Int32Array): FanIn {
    let max = 0;
    let argMax = 0;
    let sum = 0;
    for (let i = 0; i < rowNnz.length; i++) {
        sum += rowNnz[i];
        if (rowNnz[i] > max) {
            max = rowNnz[i];
            argMax = i;
        }
    }
    return { max, mean: rowNnz.length > 0 ? sum / rowNnz.length : 0, argMax };
}

/** Ascending indices as merged half-open ranges. */
export function toRanges(sorted: readonly number[]): IndexRange[] {
    const ranges: [number, number][] = [];
    for (const i of sorted) {
        const last = ranges[ranges.length - 1];
        if (last && last[1] === i) last[1] = i + 1;
        else ranges.push([i, i + 1]);
    }
    return ranges;
}
