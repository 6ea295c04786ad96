import { cover, generality, intersects } from './cube.js';

/**
 * Ordered covering (Mundy, Heathcote, Garside, Furber and Plana, HPSR 2016), written from the
 * paper's description: the table is kept sorted by generality (number of don't-care bits); the
 * best merge (most entries of one route replaced by the one cube that covers them, placed below
 * every less general entry) is applied until none is left or the table fits the target.
 *
 * Correctness rests on one invariant. Every original key set ("region") belongs to one table
 * entry, whose cube holds it; no entry above its owner with another route meets it, and no entry
 * of another route meets a default-routed ("phantom") region at all. A merge keeps it with two
 * checks: the up-check drops members whose regions an entry between them and the merged entry
 * would capture, the down-check shrinks the cover (drops the members on one side of a bit) until
 * it meets no region of another route owned below it.
 */

/** An entry of the working table. */
export interface OcEntry {
    readonly key: number;
    readonly mask: number;
    /** Don't-care bits of the mask. */
    readonly gen: number;
    /** Interned route number. */
    readonly route: number;
    /** The regions (indices into `OcRegions`) the entry is responsible for. */
    readonly aliases: number[];
}

/** The original regions, disjoint, with their interned routes. */
export interface OcRegions {
    readonly key: Uint32Array;
    readonly mask: Uint32Array;
    readonly route: Int32Array;
}

interface Merge {
    readonly members: number[];
    readonly key: number;
    readonly mask: number;
    /** Where the merged entry goes in the table once the members are gone. */
    readonly insertAt: number;
}

/**
 * Merges that were found unsafe, so that they are not refined again after every merge. A merge
 * elsewhere rarely makes them safe, so they are skipped until nothing else merges; then the
 * memo is cleared and everything is tried once more against the current table.
 */
interface FailureMemo {
    /** Per route: the entries of the last whole group that did not merge. */
    readonly groups: Map<number, OcEntry[]>;
    /** Pairs of same-route entries that did not merge. */
    readonly pairs: WeakMap<OcEntry, Set<OcEntry>>;
}

const newMemo = (): FailureMemo => ({ groups: new Map(), pairs: new WeakMap() });

/**
 * Minimises a generality-sorted table in place of a copy and returns it. `phantoms` are regions
 * left to default routing: no entry of another route may meet them. Stops when the table has at
 * most `target` entries (0: never stops early).
 */
export function orderedCovering(start: readonly OcEntry[], regions: OcRegions, phantoms: readonly number[], target: number): OcEntry[] {
    const table = [...start];
    let memo = newMemo();
    let mergedSinceMemo = false;
    while (table.length > target) {
        const merge = bestMerge(table, regions, phantoms, memo) ?? firstPairMerge(table, regions, phantoms, memo);
        if (merge === undefined) {
            if (!mergedSinceMemo) break;
            memo = newMemo();
            mergedSinceMemo = false;
            continue;
        }
        const members = new Set(merge.members);
        const aliases = merge.members.flatMap((i) => table[i].aliases);
        const merged: OcEntry = { key: merge.key, mask: merge.mask, gen: generality(merge.mask), route: table[merge.members[0]].route, aliases };
        const rest = table.filter((_, i) => !members.has(i));
        rest.splice(merge.insertAt, 0, merged);
        table.splice(0, table.length, ...rest);
        mergedSinceMemo = true;
    }
    return table;
}

/** The table's entries grouped by route: groups of two or more, in order of their first entry. */
function routeGroups(table: readonly OcEntry[]): number[][] {
    const groups = new Map<number, number[]>();
    table.forEach((entry, i) => {
        const group = groups.get(entry.route);
        if (group === undefined) groups.set(entry.route, [i]);
        else group.push(i);
    });
    return [...groups.values()].filter((g) => g.length > 1);
}

/** The merge of a whole route group (refined) that removes the most entries, the first such in a fixed order, if any. */
function bestMerge(table: readonly OcEntry[], regions: OcRegions, phantoms: readonly number[], memo: FailureMemo): Merge | undefined {
    const candidates = routeGroups(table).sort((a, b) => b.length - a.length || a[0] - b[0]);
    let best: Merge | undefined;
    for (const group of candidates) {
        if (best !== undefined && group.length <= best.members.length) break;
        const route = table[group[0]].route;
        const failed = memo.groups.get(route);
        if (failed !== undefined && failed.length === group.length && group.every((i, k) => table[i] === failed[k])) continue;
        const merge = refine(table, regions, phantoms, group);
        if (merge === undefined) memo.groups.set(route, group.map((i) => table[i]));
        if (merge !== undefined && (best === undefined || merge.members.length > best.members.length)) best = merge;
    }
    return best;
}

/**
 * Our extension of the published algorithm, which stops when no route group merges as a whole:
 * the first pair of same-route entries that merges safely (refining a whole group drops members
 * greedily and often misses such pairs). On the real SpiNNaker tables it saves about 5 % more.
 */
function firstPairMerge(table: readonly OcEntry[], regions: OcRegions, phantoms: readonly number[], memo: FailureMemo): Merge | undefined {
    for (const group of routeGroups(table)) {
        for (let a = 0; a < group.length; a++) {
            let failed = memo.pairs.get(table[group[a]]);
            for (let b = a + 1; b < group.length; b++) {
                if (failed?.has(table[group[b]])) continue;
                const merge = refine(table, regions, phantoms, [group[a], group[b]]);
                if (merge !== undefined) return merge;
                if (failed === undefined) memo.pairs.set(table[group[a]], (failed = new Set()));
                failed.add(table[group[b]]);
            }
        }
    }
    return undefined;
}

/** Shrinks a set of same-route entries until their merge is safe; undefined when fewer than two remain. */
function refine(table: readonly OcEntry[], regions: OcRegions, phantoms: readonly number[], group: readonly number[]): Merge | undefined {
    let members = [...group];
    const route = table[group[0]].route;
    for (;;) {
        if (members.length < 2) return undefined;
        let key = table[members[0]].key;
        let mask = table[members[0]].mask;
        for (const i of members) ({ key, mask } = cover(key, mask, table[i].key, table[i].mask));
        const below = firstMoreGeneral(table, generality(mask), members[members.length - 1] + 1);
        const exposed = upCheck(table, regions, members, key, mask, below);
        if (exposed.size > 0) {
            members = members.filter((i) => !exposed.has(i));
            continue;
        }
        const conflict = downCheck(table, regions, phantoms, route, key, mask, below);
        if (conflict < 0) return { members, key, mask, insertAt: below - members.length };
        const kept = avoid(table, members, mask, regions.key[conflict], regions.mask[conflict]);
        if (kept === undefined) return undefined;
        members = kept;
    }
}

/**
 * Members whose regions an entry of another route, between the member and the merged entry's
 * place, would capture once the member is gone.
 */
function upCheck(table: readonly OcEntry[], regions: OcRegions, members: readonly number[], key: number, mask: number, below: number): Set<number> {
    const exposed = new Set<number>();
    const route = table[members[0]].route;
    let next = 1; // the first member below the entry being looked at
    for (let e = members[0] + 1; e < below; e++) {
        const entry = table[e];
        if (next < members.length && members[next] === e) {
            next++;
            continue;
        }
        if (((entry.key ^ key) & entry.mask & mask) !== 0 || entry.route === route) continue;
        for (let m = 0; m < next; m++) {
            if (!exposed.has(members[m]) && meetsAlias(table[members[m]], regions, entry.key, entry.mask)) exposed.add(members[m]);
        }
    }
    return exposed;
}

/** The index of the first entry at or after `from` whose generality exceeds `gen` (the table is sorted by generality). */
function firstMoreGeneral(table: readonly OcEntry[], gen: number, from: number): number {
    let lo = from;
    let hi = table.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (table[mid].gen <= gen) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/** A region of another route, owned by an entry below the merged one or left to default routing, that the cube meets; −1 when none. */
function downCheck(table: readonly OcEntry[], regions: OcRegions, phantoms: readonly number[], route: number, key: number, mask: number, below: number): number {
    for (let e = below; e < table.length; e++) {
        const entry = table[e];
        if (entry.route === route || !intersects(entry.key, entry.mask, key, mask)) continue;
        for (const a of entry.aliases) if (intersects(regions.key[a], regions.mask[a], key, mask)) return a;
    }
    for (const a of phantoms) {
        if (regions.route[a] !== route && intersects(regions.key[a], regions.mask[a], key, mask)) return a;
    }
    return -1;
}

/** True when the cube meets one of the entry's regions. */
function meetsAlias(entry: OcEntry, regions: OcRegions, key: number, mask: number): boolean {
    for (const a of entry.aliases) if (intersects(regions.key[a], regions.mask[a], key, mask)) return true;
    return false;
}

/**
 * The members to keep so that their cover no longer meets the region `rKey/rMask`: pick a bit the
 * cover leaves open and the region fixes, and keep the members on the other side of it, choosing
 * the bit that keeps the most members. Undefined when no bit separates them.
 */
function avoid(table: readonly OcEntry[], members: readonly number[], mask: number, rKey: number, rMask: number): number[] | undefined {
    let open = (rMask & ~mask) >>> 0;
    let best: number[] | undefined;
    while (open !== 0) {
        const bit = open & -open;
        open = (open & ~bit) >>> 0;
        const regionValue = rKey & bit;
        const kept = members.filter((i) => (table[i].mask & bit) !== 0 && (table[i].key & bit) !== regionValue);
        if (best === undefined || kept.length > best.length) best = kept;
    }
    return best;
}
