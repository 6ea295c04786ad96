import { refine } from './oc-refine.js';
import { above, OcTable, type Merge, type OcEntry, type OcRegions } from './oc-table.js';

/**
 * Ordered covering (Mundy, Heathcote, Garside, Furber and Plana, HPSR 2016), written from the
 * paper's description, plus a pair phase of our own. The table is kept sorted by generality;
 * the best merge (the route group that, refined by `refine`, replaces the most entries) is applied
 * until none is left or the table fits the target. The published algorithm stops there; we then
 * merge safe pairs of same-route entries, which whole-group refinement (dropping members greedily)
 * misses, and return to whole groups after each.
 */

/** Per pass, at most this many pair merges per table entry are tried (bounds the work on huge tables). */
const PAIR_TRIALS_PER_ENTRY = 64;

/**
 * Merges found unsafe, so that they are not refined again after every merge. A merge elsewhere
 * rarely makes them safe, so they are skipped until nothing else merges; then the memo is
 * cleared and everything is tried once more against the current table.
 */
interface FailureMemo {
    /** Routes whose group did not merge as a whole. */
    readonly groups: Set<number>;
    /** Pairs (by seq) that did not merge. */
    readonly pairs: Set<number>;
    /** Entries tried with every entry of their group. */
    readonly paired: Set<OcEntry>;
    /** The route whose group the pair search resumes with (earlier groups are done). */
    resumeAt: number;
    pairTrials: number;
}

const newMemo = (): FailureMemo => ({ groups: new Set(), pairs: new Set(), paired: new Set(), resumeAt: 0, pairTrials: 0 });

/**
 * Minimises the table of `regions` (each non-phantom region starts as its own entry) and returns
 * its entries in order. Stops when the table has at most `target` entries (0: never early).
 */
export function orderedCovering(regions: OcRegions, target: number): OcEntry[] {
    const table = new OcTable(regions);
    let memo = newMemo();
    let mergedSinceMemo = false;
    while (table.size > target) {
        const merge = bestMerge(table, memo) ?? pairMerge(table, memo);
        if (merge === undefined) {
            if (!mergedSinceMemo) break;
            memo = newMemo();
            mergedSinceMemo = false;
            continue;
        }
        table.apply(merge);
        mergedSinceMemo = true;
    }
    return table.entries();
}

/** The refined whole-group merge that replaces the most entries (the first such in a fixed order), if any. */
function bestMerge(table: OcTable, memo: FailureMemo): Merge | undefined {
    const candidates = [...table.groups.values()].filter((g) => g.length > 1).sort((a, b) => b.length - a.length || (above(a[0], b[0]) ? -1 : 1));
    let best: Merge | undefined;
    for (const group of candidates) {
        if (best !== undefined && group.length <= best.members.length) break;
        const route = group[0].route;
        if (memo.groups.has(route)) continue;
        const merge = refine(table, group);
        if (merge === undefined) memo.groups.add(route);
        else if (best === undefined || merge.members.length > best.members.length) best = merge;
    }
    return best;
}

/**
 * The first safe merge of two same-route entries, in a fixed order, within the pass's trial
 * budget. The search resumes where the last one stopped: a pair merge changes only its own group.
 */
function pairMerge(table: OcTable, memo: FailureMemo): Merge | undefined {
    const budget = PAIR_TRIALS_PER_ENTRY * Math.max(table.size, 16);
    const groups = [...table.groups.values()];
    for (let g = memo.resumeAt; g < groups.length; g++) {
        const group = groups[g];
        for (const x of group) {
            if (memo.paired.has(x)) continue;
            for (const y of group) {
                const id = x.seq < y.seq ? x.seq * 0x4000000 + y.seq : y.seq * 0x4000000 + x.seq;
                if (x === y || memo.pairs.has(id)) continue;
                if (memo.pairTrials++ >= budget) return undefined;
                const merge = refine(table, above(x, y) ? [x, y] : [y, x]);
                if (merge !== undefined) {
                    memo.resumeAt = g;
                    return merge;
                }
                memo.pairs.add(id);
            }
            memo.paired.add(x);
        }
    }
    return undefined;
}
