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
 * Minimises a generality-sorted table in place of a copy and returns it. `phantoms` are regions
 * left to default routing: no entry of another route may meet them. Stops when the table has at
 * most `target` entries (0: never stops early).
 */
export function orderedCovering(start: readonly OcEntry[], regions: OcRegions, phantoms: readonly number[], target: number): OcEntry[] {
    const table = [...start];
    while (table.length > target) {
        const merge = bestMerge(table, regions, phantoms);
        if (merge === undefined) break;
        const members = new Set(merge.members);
        const aliases = merge.members.flatMap((i) => table[i].aliases);
        const merged: OcEntry = { key: merge.key, mask: merge.mask, gen: generality(merge.mask), route: table[merge.members[0]].route, aliases };
        const rest = table.filter((_, i) => !members.has(i));
        rest.splice(merge.insertAt, 0, merged);
        table.splice(0, table.length, ...rest);
    }
    return table;
}

/** The merge that removes the most entries (the first such in a fixed order), if any. */
function bestMerge(table: readonly OcEntry[], regions: OcRegions, phantoms: readonly number[]): Merge | undefined {
    const groups = new Map<number, number[]>();
    table.forEach((entry, i) => {
        const group = groups.get(entry.route);
        if (group === undefined) groups.set(entry.route, [i]);
        else group.push(i);
    });
    const candidates = [...groups.values()].filter((g) => g.length > 1).sort((a, b) => b.length - a.length || a[0] - b[0]);
    let best: Merge | undefined;
    for (const group of candidates) {
        if (best !== undefined && group.length <= best.members.length) break;
        const merge = refine(table, regions, phantoms, group);
        if (merge !== undefined && (best === undefined || merge.members.length > best.members.length)) best = merge;
    }
    return best;
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
        const gen = generality(mask);
        let below = members[members.length - 1] + 1;
        while (below < table.length && table[below].gen <= gen) below++;
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
    const isMember = new Set(members);
    const route = table[members[0]].route;
    for (let e = members[0] + 1; e < below; e++) {
        const entry = table[e];
        if (isMember.has(e) || entry.route === route || !intersects(entry.key, entry.mask, key, mask)) continue;
        for (const m of members) {
            if (m > e) break;
            if (!exposed.has(m) && meetsAlias(table[m], regions, entry.key, entry.mask)) exposed.add(m);
        }
    }
    return exposed;
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
