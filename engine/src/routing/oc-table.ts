import { generality } from './cube.js';
import { RegionIndex } from './region-index.js';

/**
 * The working table of ordered covering. Entries are kept in generality order (fewest don't-care
 * bits first; a new entry goes below all entries of its generality), so an entry's place is the
 * pair (gen, seq) and no array positions need maintaining while entries come and go.
 */

/** An entry of the working table. */
export interface OcEntry {
    readonly key: number;
    readonly mask: number;
    /** Don't-care bits of the mask. */
    readonly gen: number;
    /** Creation order: among entries of equal generality, the later one sits lower. */
    readonly seq: number;
    /** Interned route number. */
    readonly route: number;
    /** The regions (indices) the entry is responsible for. */
    readonly aliases: readonly number[];
}

/** The original key sets, pairwise disjoint, with their interned routes. */
export interface OcRegions {
    readonly key: Uint32Array;
    readonly mask: Uint32Array;
    readonly route: Int32Array;
    /** 1 for a region left to default routing: it has no entry, and no entry of another route may meet it. */
    readonly phantom: Uint8Array;
}

/** A merge: same-route entries replaced by the cube that covers them. */
export interface Merge {
    /** In table order. */
    readonly members: readonly OcEntry[];
    readonly key: number;
    readonly mask: number;
}

/** True when entry `a` sits above entry `b`. */
export function above(a: OcEntry, b: OcEntry): boolean {
    return a.gen < b.gen || (a.gen === b.gen && a.seq < b.seq);
}

/** The working table: entries by route, the merged entries, and which entry owns each region. */
export class OcTable {
    /** Entries by route, each list in table order; routes in order of first appearance. */
    readonly groups = new Map<number, OcEntry[]>();
    /**
     * Entries made by merges, by generality. Only they can meet a region they do not own: the
     * entries the table starts with are the regions themselves, which are disjoint.
     */
    readonly merged: Set<OcEntry>[] = Array.from({ length: 33 }, () => new Set<OcEntry>());
    /** The entry responsible for each region (undefined for phantoms). */
    readonly owner: (OcEntry | undefined)[];
    readonly index: RegionIndex;
    size = 0;
    private seq = 0;

    constructor(readonly regions: OcRegions) {
        this.owner = new Array<OcEntry | undefined>(regions.key.length);
        this.index = new RegionIndex(regions.key, regions.mask);
        const order = [...regions.key.keys()].filter((r) => regions.phantom[r] === 0);
        order.sort((a, b) => generality(regions.mask[a]) - generality(regions.mask[b]) || a - b);
        for (const r of order) {
            const entry: OcEntry = { key: regions.key[r], mask: regions.mask[r], gen: generality(regions.mask[r]), seq: this.seq++, route: regions.route[r], aliases: [r] };
            this.owner[r] = entry;
            const group = this.groups.get(entry.route);
            if (group === undefined) this.groups.set(entry.route, [entry]);
            else group.push(entry);
            this.size++;
        }
    }

    /** Replaces the members by one entry covering them. */
    apply(merge: Merge): void {
        const route = merge.members[0].route;
        const gone = new Set(merge.members);
        const entry: OcEntry = { key: merge.key, mask: merge.mask, gen: generality(merge.mask), seq: this.seq++, route, aliases: merge.members.flatMap((m) => m.aliases) };
        const group = this.groups.get(route)!.filter((e) => !gone.has(e));
        let at = group.length;
        while (at > 0 && above(entry, group[at - 1])) at--;
        group.splice(at, 0, entry);
        this.groups.set(route, group);
        for (const m of merge.members) this.merged[m.gen].delete(m);
        this.merged[entry.gen].add(entry);
        for (const r of entry.aliases) this.owner[r] = entry;
        this.size -= merge.members.length - 1;
    }

    /** All entries in table order. */
    entries(): OcEntry[] {
        return [...this.groups.values()].flat().sort((a, b) => a.gen - b.gen || a.seq - b.seq);
    }
}
