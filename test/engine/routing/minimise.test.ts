import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cubeString, minimiseTable, RouteSet, verifyTable, type RoutingEntry } from '../../../engine/src/routing/index.js';
import { bruteForceMismatch } from './brute-force.js';
import { disjointTableArb, tableArb } from './random-tables.js';

const A = RouteSet.of([0]);
const B = RouteSet.of([], [7]);
const FULL = 0xffffffff;

/** Entries of a 4-bit key space written as ternary strings, e.g. `01X1`. */
function entry(pattern: string, route: RouteSet, source = 0): RoutingEntry {
    let key = 0;
    let mask = 0xfffffff0;
    [...pattern].forEach((c, i) => {
        const bit = 1 << (pattern.length - 1 - i);
        if (c !== 'X') mask |= bit;
        if (c === '1') key |= bit;
    });
    return { key: key >>> 0, mask: mask >>> 0, route, source };
}

const show = (table: RoutingEntry[]): string[] => table.map((e) => `${cubeString(e.key, e.mask, 4)} ${e.route}`);

describe('minimiseTable', () => {
    it('merges entries of one route into a cube with don\'t-care bits', () => {
        const table = ['0000', '0001', '0010', '0011'].map((p) => entry(p, A));
        expect(show(minimiseTable(table))).toEqual(['00XX E']);
    });

    it('exploits order: a more specific entry of another route stays above the merged one', () => {
        const table = [entry('0000', A), entry('0001', B), entry('0010', A), entry('0011', A)];
        const minimised = minimiseTable(table);
        expect(show(minimised)).toEqual(['0001 pe7', '00XX E']);
        expect(verifyTable(table, minimised)).toEqual({ ok: true });
    });

    it('removes default routes and keeps merged cubes off their keys', () => {
        // 0001 arrives from the west and leaves east: default routing does that, no entry needed,
        // but no entry of another route may capture it either.
        const table = [entry('0000', B), entry('0001', A, 1 << 3), entry('0011', B), entry('0010', B)];
        const minimised = minimiseTable(table);
        expect(minimised).toHaveLength(2);
        expect(minimised.every((e) => e.route.equals(B))).toBe(true);
        expect(verifyTable(table, minimised)).toEqual({ ok: true });
        expect(bruteForceMismatch(table, minimised)).toBeUndefined();
        const keepDefaults = minimiseTable(table, { removeDefaultRoutes: false });
        expect(verifyTable(table, keepDefaults, { allowDefaultRoutes: false })).toEqual({ ok: true });
        expect(keepDefaults.some((e) => e.route.equals(A))).toBe(true);
    });

    it('stops at the target size and otherwise keeps going', () => {
        const table = Array.from({ length: 16 }, (_, i) => entry(i.toString(2).padStart(4, '0'), i % 2 === 0 ? A : B));
        expect(minimiseTable(table)).toHaveLength(2);
        const early = minimiseTable(table, { targetSize: 15 });
        expect(early.length).toBeLessThanOrEqual(15);
        expect(early.length).toBeGreaterThan(2);
        expect(verifyTable(table, early)).toEqual({ ok: true });
    });

    it('is deterministic and never grows the table', () => {
        const table = [entry('1X00', A), entry('0000', B), entry('XX00', B), entry('0100', A)];
        const once = minimiseTable(table);
        expect(minimiseTable(table)).toEqual(once);
        expect(once.length).toBeLessThanOrEqual(table.length);
        expect(verifyTable(table, once)).toEqual({ ok: true });
        expect(minimiseTable([])).toEqual([]);
        expect(minimiseTable([{ key: 5, mask: FULL, route: A }])).toEqual([{ key: 5, mask: FULL, route: A, source: 0 }]);
    });

    it('routes every key of random mapper-like tables as before (verifier and brute force)', () => {
        fc.assert(
            fc.property(disjointTableArb, (table) => {
                const minimised = minimiseTable(table);
                expect(minimised.length).toBeLessThanOrEqual(table.length);
                expect(verifyTable(table, minimised)).toEqual({ ok: true });
                expect(bruteForceMismatch(table, minimised)).toBeUndefined();
            }),
            { numRuns: 150 },
        );
    });

    it('routes every key of random overlapping ordered tables as before', () => {
        fc.assert(
            fc.property(tableArb, fc.boolean(), (table, removeDefaultRoutes) => {
                const minimised = minimiseTable(table, { removeDefaultRoutes });
                expect(minimised.length).toBeLessThanOrEqual(table.length);
                expect(verifyTable(table, minimised, { allowDefaultRoutes: removeDefaultRoutes })).toEqual({ ok: true });
                expect(bruteForceMismatch(table, minimised, removeDefaultRoutes)).toBeUndefined();
            }),
            { numRuns: 300 },
        );
    });
});
