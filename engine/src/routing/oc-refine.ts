import { cover, generality, intersects } from './cube.js';
import { above, type Merge, type OcEntry, type OcTable } from './oc-table.js';

/**
 * Shrinks a set of same-route entries (in table order) until replacing them by their cover,
 * placed below every entry of its generality or less, routes every region as before; undefined
 * when fewer than two remain.
 *
 * The invariant that makes this sufficient: every region's keys are matched first by its owner
 * or by an entry of the same route above it; no entry of another route meets a phantom region.
 * - up-check: a member's regions must not be met by an entry of another route that sits below
 *   the member but above the merged entry's place (it would capture them once the member goes);
 *   such members are dropped;
 * - down-check: the cover must not meet a region of another route owned below the merged entry's
 *   place, or a phantom region; the cover is narrowed by fixing one of its open bits to the side
 *   the region does not have, which keeps only the members on that side (the bit keeping most).
 */
export function refine(table: OcTable, group: readonly OcEntry[]): Merge | undefined {
    let members = group;
    const route = group[0].route;
    const { regions } = table;
    for (;;) {
        if (members.length < 2) return undefined;
        let key = members[0].key;
        let mask = members[0].mask;
        for (const m of members) ({ key, mask } = cover(key, mask, m.key, m.mask));
        const gen = generality(mask);
        const conflict = table.index.find(key, mask, regions.key, regions.mask, (r) => regions.route[r] !== route && (regions.phantom[r] === 1 || table.owner[r]!.gen > gen));
        if (conflict >= 0) {
            const kept = avoid(members, mask, regions.key[conflict], regions.mask[conflict]);
            if (kept === undefined) return undefined;
            members = kept;
            continue;
        }
        const exposed = upCheck(table, members, key, mask, gen);
        if (exposed.size === 0) return { members, key, mask };
        members = members.filter((m) => !exposed.has(m));
    }
}

/** Members whose regions an entry of another route between them and the merged entry's place would capture. */
function upCheck(table: OcTable, members: readonly OcEntry[], key: number, mask: number, gen: number): Set<OcEntry> {
    const exposed = new Set<OcEntry>();
    const route = members[0].route;
    for (let g = members[0].gen; g <= gen; g++) {
        for (const e of table.merged[g]) {
            if (e.route === route || !intersects(e.key, e.mask, key, mask)) continue;
            for (const m of members) {
                if (!above(m, e)) break;
                if (!exposed.has(m) && intersects(m.key, m.mask, e.key, e.mask) && meetsAny(table, m.aliases, e)) exposed.add(m);
            }
        }
    }
    return exposed;
}

/** True when the entry meets one of the regions. */
function meetsAny(table: OcTable, aliases: readonly number[], e: OcEntry): boolean {
    const { key, mask } = table.regions;
    for (const r of aliases) if (intersects(key[r], mask[r], e.key, e.mask)) return true;
    return false;
}

/**
 * The members to keep so that their cover no longer meets the region `rKey/rMask`: the members
 * on the far side of one bit the cover leaves open and the region fixes, choosing the bit that
 * keeps the most. Undefined when no bit separates them.
 */
function avoid(members: readonly OcEntry[], mask: number, rKey: number, rMask: number): OcEntry[] | undefined {
    let open = (rMask & ~mask) >>> 0;
    let best: OcEntry[] | undefined;
    while (open !== 0) {
        const bit = open & -open;
        open = (open & ~bit) >>> 0;
        const regionSide = rKey & bit;
        const kept = members.filter((m) => (m.mask & bit) !== 0 && (m.key & bit) !== regionSide);
        if (best === undefined || kept.length > best.length) best = kept;
    }
    return best;
}
