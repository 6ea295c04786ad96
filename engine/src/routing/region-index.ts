import { intersects, popcount } from './cube.js';

/** Looking up more candidate keys than this share of a group's size is slower than scanning the group. */
const ENUMERATE_FACTOR = 1 / 8;

interface MaskGroup {
    readonly mask: number;
    /** Region by key: regions of one mask are disjoint, so their keys differ. */
    readonly byKey: Map<number, number>;
    readonly list: number[];
}

/**
 * Finds the disjoint regions (key/mask cubes) that meet a query cube without scanning them all:
 * regions are grouped by mask, and for a query that leaves few of a group's fixed bits open the
 * candidate keys are enumerated and looked up. Regions must be pairwise disjoint.
 */
export class RegionIndex {
    private readonly groups: MaskGroup[] = [];

    constructor(keys: Uint32Array, masks: Uint32Array) {
        const byMask = new Map<number, MaskGroup>();
        for (let r = 0; r < keys.length; r++) {
            let group = byMask.get(masks[r]);
            if (group === undefined) {
                group = { mask: masks[r], byKey: new Map(), list: [] };
                byMask.set(masks[r], group);
                this.groups.push(group);
            }
            group.byKey.set(keys[r], r);
            group.list.push(r);
        }
    }

    /** The first region (in a fixed order) that meets the cube and that `accept` takes; −1 when none. */
    find(key: number, mask: number, keys: Uint32Array, masks: Uint32Array, accept: (region: number) => boolean): number {
        for (const group of this.groups) {
            const open = (group.mask & ~mask) >>> 0;
            const bits = popcount(open);
            if (bits < 30 && 2 ** bits <= ENUMERATE_FACTOR * group.list.length) {
                const base = (key & group.mask & mask) >>> 0;
                let sub = 0;
                do {
                    const r = group.byKey.get((base | sub) >>> 0);
                    if (r !== undefined && accept(r)) return r;
                    sub = ((sub - open) & open) >>> 0;
                } while (sub !== 0);
            } else {
                for (const r of group.list) if (intersects(keys[r], masks[r], key, mask) && accept(r)) return r;
            }
        }
        return -1;
    }
}
