import fc from 'fast-check';
import { RouteSet, type RoutingEntry } from '../../../engine/src/routing/index.js';

/** Routes for random tables: links only, PEs only, both; few, so that merges are common. */
export const ROUTES: readonly RouteSet[] = [RouteSet.of([0]), RouteSet.of([2]), RouteSet.of([], [3]), RouteSet.of([0], [1]), RouteSet.of([3]), RouteSet.of([], [151])];

const UPPER = 0xfffff000;

/** A random entry of the 12-bit key space: each mask bit open with probability 1/8. */
const entryArb: fc.Arbitrary<RoutingEntry> = fc
    .record({
        key: fc.integer({ min: 0, max: 0xfff }),
        open: fc.tuple(fc.integer({ min: 0, max: 0xfff }), fc.integer({ min: 0, max: 0xfff }), fc.integer({ min: 0, max: 0xfff })),
        route: fc.integer({ min: 0, max: ROUTES.length - 1 }),
        source: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 0x3f })),
        dead: fc.integer({ min: 0, max: 19 }),
    })
    .map(({ key, open, route, source, dead }) => {
        const mask = (UPPER | (~(open[0] & open[1] & open[2]) & 0xfff)) >>> 0;
        const r = ROUTES[route];
        // source −1: the packets come in opposite to the route's single link (a default route) where it has one.
        const defaultSource = r.pes === 0n && r.links !== 0 ? 1 << ((31 - Math.clz32(r.links) + 3) % 6) : 0;
        // One entry in 20 keeps a key bit outside its mask, so that it matches nothing.
        const k = dead === 0 ? key & (mask | 0xfff) : key & mask;
        return { key: k >>> 0, mask, route: r, source: source < 0 ? defaultSource : source };
    });

/** Any ordered table: entries may overlap, and order matters. */
export const tableArb = fc.array(entryArb, { minLength: 0, maxLength: 40 });

/** A table like a mapper's: one mask, distinct keys, so that no two entries overlap. */
export const disjointTableArb = fc
    .tuple(fc.integer({ min: 0, max: 6 }), fc.uniqueArray(fc.integer({ min: 0, max: 0xfff }), { minLength: 1, maxLength: 120 }), fc.array(entryArb, { minLength: 120, maxLength: 120 }))
    .map(([open, keys, shapes]) => {
        const mask = (UPPER | (0xfff & ~((1 << open) - 1))) >>> 0;
        const seen = new Set<number>();
        const table: RoutingEntry[] = [];
        keys.forEach((k, i) => {
            const key = (k & mask) >>> 0;
            if (seen.has(key)) return;
            seen.add(key);
            table.push({ ...shapes[i], key, mask });
        });
        return table;
    });
