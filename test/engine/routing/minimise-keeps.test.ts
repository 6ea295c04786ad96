import { describe, expect, it } from 'vitest';
import { minimiseTable, RouteSet, verifyTable, type RoutingEntry } from '../../../engine/src/routing/index.js';

/**
 * What minimisation keeps: the arrival links of the entries it merges (all of them, so that the
 * files it writes still say where packets come from), the entries left when the target size is
 * reached, and the table itself, entry for entry, when
 * covering its overlapping entries would take more entries than it has.
 */

const EAST = RouteSet.of([0]);

describe('minimiseTable keeps', () => {
    it('the arrival links of every entry merged into one', () => {
        // 0000 … 0011 to the east, arriving from the east, north-east, north and north-east again.
        const table: RoutingEntry[] = [1, 2, 4, 2].map((source, key) => ({ key, mask: 0xffffffff, route: EAST, source }));
        expect(minimiseTable(table, { removeDefaultRoutes: false })).toEqual([{ key: 0, mask: 0xfffffffc, route: EAST, source: 7 }]);
    });

    it('the entries left once the table has its target size', () => {
        // Four east entries merge into one first (the largest group), leaving three: the target.
        const NORTH = RouteSet.of([2]);
        const table: RoutingEntry[] = [0, 1, 2, 3, 4, 5].map((key) => ({ key, mask: 0xffffffff, route: key < 4 ? EAST : NORTH }));
        expect(minimiseTable(table, { targetSize: 3 })).toEqual([
            { key: 4, mask: 0xffffffff, route: NORTH, source: 0 },
            { key: 5, mask: 0xffffffff, route: NORTH, source: 0 },
            { key: 0, mask: 0xfffffffc, route: EAST, source: 0 },
        ]);
        expect(minimiseTable(table)).toHaveLength(2);
    });

    it('an ordered table whose overlapping entries would need more entries once covered', () => {
        // Found by sampling random overlapping tables: each entry's keys, less those of the entries
        // above it, take several cubes, which no two routes share.
        const table: RoutingEntry[] = [
            { key: 0xf3b, mask: 0xffffffff, route: RouteSet.of([0], [1]), source: 29 },
            { key: 0xe92, mask: 0xfffffff6, route: EAST, source: 8 },
            { key: 0x00b, mask: 0xfffff10b, route: RouteSet.of([3]), source: 44 },
            { key: 0x637, mask: 0xfffffe7f, route: RouteSet.of([2]), source: 32 },
        ];
        const minimised = minimiseTable(table);
        expect(minimised).toEqual(table);
        expect(verifyTable(table, minimised)).toEqual({ ok: true });
    });
});
