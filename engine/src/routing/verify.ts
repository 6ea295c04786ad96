import { contains, intersection, intersects, subtract, type Cube } from './cube.js';
import { isDefaultRoutable } from './default-route.js';
import { effectiveRegions, matchesSomething } from './regions.js';
import type { RoutingEntry, VerifyOptions, VerifyResult } from './types.js';

/**
 * Proves that `minimised` routes every key that `original` routes exactly as `original` does.
 *
 * The rule, for every 32-bit key `k`: let `o` be the first entry of `original` that matches `k`.
 * - No `o`: the key is never sent (nothing routes it); the minimised table may do anything with it.
 * - Otherwise the first entry of `minimised` that matches `k` must have `o`'s route; when none
 *   matches, `k` takes the default route, which is right only when `o` is default-routable (its
 *   packets arrive on one link and leave on the opposite one) and `allowDefaultRoutes` is on.
 *
 * The key space is never enumerated: each original entry's effective region (its cube minus the
 * entries above it) is split by the minimised entries it meets, in order, until every piece has
 * a first match or none.
 */
export function verifyTable(original: readonly RoutingEntry[], minimised: readonly RoutingEntry[], options: VerifyOptions = {}): VerifyResult {
    const allowDefault = options.allowDefaultRoutes ?? true;
    const regions = effectiveRegions(original);
    for (let i = 0; i < original.length; i++) {
        const expected = original[i].route;
        const defaultOk = allowDefault && isDefaultRoutable(original[i]);
        const work: { cube: Cube; from: number }[] = regions[i].map((cube) => ({ cube, from: 0 }));
        while (work.length > 0) {
            const { cube, from } = work.pop()!;
            const j = firstIntersecting(minimised, cube, from);
            if (j < 0) {
                if (defaultOk) continue;
                return { ok: false, key: cube.key, expected, actual: 'default', originalIndex: i, minimisedIndex: -1 };
            }
            const hit = minimised[j];
            if (!hit.route.equals(expected)) {
                const key = intersection(cube, hit).key;
                return { ok: false, key, expected, actual: hit.route, originalIndex: i, minimisedIndex: j };
            }
            if (contains(hit.key, hit.mask, cube.key, cube.mask)) continue;
            for (const rest of subtract(cube, hit)) work.push({ cube: rest, from: j + 1 });
        }
    }
    return { ok: true };
}

/** The index of the first entry at or after `from` that shares a key with the cube, or −1. */
function firstIntersecting(entries: readonly RoutingEntry[], cube: Cube, from: number): number {
    for (let j = from; j < entries.length; j++) {
        if (intersects(cube.key, cube.mask, entries[j].key, entries[j].mask) && matchesSomething(entries[j])) return j;
    }
    return -1;
}
