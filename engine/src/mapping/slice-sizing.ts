import type { CostContext } from './slice-cost.js';
import { populationPeriod, worstSlice } from './slice-cost.js';

/** How many neurons each PE of a population runs, and why. */
export interface Sizing {
    readonly n: number;
    readonly source: 'hint' | 'default' | 'model-limit' | 'sram-fit';
    /** The most neurons per PE whose slices all fit the SRAM window (0: not even one neuron fits). */
    readonly fitting: number;
}

/** A population's neurons per PE fixed before sizing: its own hint, or the caller's default for its type. */
export interface FixedSize {
    readonly n: number;
    readonly source: 'hint' | 'default';
}

/** Rounds of re-sizing: a smaller source population adds population-table entries to its targets. */
const ROUNDS = 4;

/**
 * Chooses neurons per PE for every population. A fixed size (a `neurons_per_core` hint, or a
 * per-type default) is used as given (the checks report one that does not fit, with the value
 * that would). Otherwise the largest number
 * up to `limits[i]` (the model's and the PE's atom limit) whose costliest slice fits the SRAM
 * window: a downward scan when slice costs repeat with a short period (cheap, and right even
 * when the cost is not monotone, as for a recurrent population whose population table grows as
 * its slices shrink), else bisection (explicit weights, where each try scans the weights) between
 * a size that fits and one that does not. That lower size is 1 when one neuron fits; otherwise
 * (a population table of its own slices that outgrows the window as they shrink) the cheapest
 * size, since the cost is then a rising part plus a falling one and the sizes that fit are the
 * run around it. If not even one neuron fits, the limit is kept and the resource checks explain why. Repeats while slicing changes, since a population's slice count is part of
 * the population table of the populations it feeds.
 */
export function sizePopulations(ctx: CostContext & { neuronsPerCore: number[] }, limits: readonly number[], fixed: readonly (FixedSize | undefined)[]): Sizing[] {
    const n = ctx.neuronsPerCore;
    const window = ctx.model.windowBytes;
    const pops = ctx.graph.populations;
    pops.forEach((_, i) => (n[i] = fixed[i]?.n ?? limits[i]));

    const costAt = (i: number, candidate: number): number => {
        const saved = n[i];
        n[i] = candidate;
        const worst = worstSlice(ctx, i, candidate);
        n[i] = saved;
        return worst?.sram ?? 0;
    };
    const fits = (i: number, candidate: number): boolean => costAt(i, candidate) <= window;
    const periodic = pops.map((p) => Number.isFinite(populationPeriod(ctx, p.index, limits[p.index])));
    const largestFitting = (i: number, hi: number): number => {
        if (fits(i, hi)) return hi;
        if (periodic[i]) {
            for (let candidate = hi - 1; candidate >= 1; candidate--) if (fits(i, candidate)) return candidate;
            return 0;
        }
        let lo = fits(i, 1) ? 1 : cheapestSize((candidate) => costAt(i, candidate), hi);
        if (!fits(i, lo)) return 0;
        // Invariant: lo fits, hi does not.
        while (hi - lo > 1) {
            const mid = Math.floor((lo + hi) / 2);
            if (fits(i, mid)) lo = mid;
            else hi = mid;
        }
        return lo;
    };

    for (let round = 0; round < ROUNDS; round++) {
        let changed = false;
        pops.forEach((_, i) => {
            if (fixed[i] !== undefined) return;
            const best = largestFitting(i, limits[i]);
            const chosen = best > 0 ? best : limits[i];
            if (chosen !== n[i]) {
                n[i] = chosen;
                changed = true;
            }
        });
        if (!changed) break;
    }
    return pops.map((_, i) => {
        const fitting = largestFitting(i, limits[i]);
        const source = fixed[i]?.source ?? (n[i] === limits[i] ? 'model-limit' : 'sram-fit');
        return { n: n[i], source, fitting };
    });
}

/**
 * The size in `1 … hi` of least cost, by ternary search, for a cost that falls and then rises
 * (flat stretches resolve towards the larger size).
 */
export function cheapestSize(cost: (n: number) => number, hi: number): number {
    let lo = 1;
    while (hi - lo > 2) {
        const a = lo + Math.floor((hi - lo) / 3);
        const b = hi - Math.floor((hi - lo) / 3);
        if (cost(a) < cost(b)) hi = b - 1;
        else lo = a + 1;
    }
    let best = hi;
    for (let candidate = hi - 1; candidate >= lo; candidate--) if (cost(candidate) < cost(best)) best = candidate;
    return best;
}
