import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isDefaultRoutable, minimiseTable, RouteSet, verifyTable, type RoutingEntry } from '../../../engine/src/routing/index.js';
import { bruteForceMismatch, firstMatch } from './brute-force.js';
import { ROUTES, disjointTableArb, tableArb } from './random-tables.js';

const E = RouteSet.of([0]);
const PE = RouteSet.of([], [2]);
const at = (key: number, route: RouteSet, mask = 0xffffffff, source = 0): RoutingEntry => ({ key, mask, route, source });

/** Asserts that the verifier's answer matches brute force over the 12-bit key space. */
function agreesWithBruteForce(original: RoutingEntry[], candidate: RoutingEntry[], allowDefault: boolean): void {
    const verdict = verifyTable(original, candidate, { allowDefaultRoutes: allowDefault });
    const mismatch = bruteForceMismatch(original, candidate, allowDefault);
    expect(verdict.ok).toBe(mismatch === undefined);
    if (verdict.ok) return;
    // The reported key really is routed differently, as reported.
    const o = firstMatch(original, verdict.key);
    const m = firstMatch(candidate, verdict.key);
    expect(o).toBe(verdict.originalIndex);
    expect(m).toBe(verdict.minimisedIndex);
    expect(verdict.expected.equals(original[o].route)).toBe(true);
    if (m < 0) expect(verdict.actual).toBe('default');
    else expect(verdict.actual).toBe(candidate[m].route);
}

describe('verifyTable', () => {
    it('accepts an equal table and a reordering of disjoint entries', () => {
        const table = [at(1, E), at(2, PE), at(4, E, 0xfffffffc)];
        expect(verifyTable(table, table)).toEqual({ ok: true });
        expect(verifyTable(table, [...table].reverse())).toEqual({ ok: true });
    });

    it('names a key that a wrong merge captures, with both routes', () => {
        const original = [at(0, E), at(1, PE), at(2, E)];
        const broken = [at(0, E, 0xfffffffc)];
        expect(verifyTable(original, broken)).toEqual({ ok: false, key: 1, expected: PE, actual: E, originalIndex: 1, minimisedIndex: 0 });
    });

    it('finds the first match, not any match, in the minimised table', () => {
        const original = [at(5, PE), at(4, E, 0xfffffffc)];
        expect(verifyTable(original, [at(4, E, 0xfffffffc), at(5, PE)]).ok).toBe(false);
        expect(verifyTable(original, [at(5, PE), at(0, E, 0)])).toEqual({ ok: true });
    });

    it('lets default routing handle default-routable keys only', () => {
        const straight = at(8, E, 0xffffffff, 1 << 3); // in from the west, out to the east
        const turning = at(9, E, 0xffffffff, 1 << 2); // in from the north, out to the east
        expect(isDefaultRoutable(straight)).toBe(true);
        expect(isDefaultRoutable(turning)).toBe(false);
        expect(verifyTable([straight], [])).toEqual({ ok: true });
        expect(verifyTable([straight], [], { allowDefaultRoutes: false }).ok).toBe(false);
        expect(verifyTable([turning], [])).toMatchObject({ ok: false, key: 9, actual: 'default', minimisedIndex: -1 });
        // Keys that nothing in the original routes may be captured freely.
        expect(verifyTable([straight], [at(8, E), at(0, PE, 0)])).toEqual({ ok: true });
    });

    it('treats an entry whose key has bits outside its mask as matching nothing', () => {
        const dead = at(0b11, PE, 0xfffffffe);
        expect(verifyTable([dead, at(3, E)], [at(3, E)])).toEqual({ ok: true });
        expect(verifyTable([at(3, E)], [dead, at(3, E)])).toEqual({ ok: true });
        expect(minimiseTable([dead, at(3, E)])).toEqual([{ key: 3, mask: 0xffffffff, route: E, source: 0 }]);
    });

    it('agrees with brute force on random pairs of tables', () => {
        fc.assert(fc.property(tableArb, tableArb, fc.boolean(), (a, b, allowDefault) => agreesWithBruteForce(a, b, allowDefault)), { numRuns: 300 });
    });

    it('detects deliberately broken minimisations exactly when brute force does', () => {
        let detected = 0;
        fc.assert(
            fc.property(disjointTableArb, fc.nat(), fc.integer({ min: 0, max: 3 }), (table, pick, how) => {
                const minimised = minimiseTable(table);
                if (minimised.length === 0) return;
                const i = pick % minimised.length;
                const broken = [...minimised];
                if (how === 0) broken.splice(i, 1);
                else if (how === 1) broken[i] = { ...broken[i], route: ROUTES.find((r) => !r.equals(broken[i].route))! };
                else if (how === 2) broken.reverse();
                else broken[i] = { ...broken[i], mask: (broken[i].mask & ~(1 << (pick % 12))) >>> 0, key: (broken[i].key & ~(1 << (pick % 12))) >>> 0 };
                agreesWithBruteForce(table, broken, true);
                if (!verifyTable(table, broken).ok) detected++;
            }),
            { numRuns: 300 },
        );
        expect(detected).toBeGreaterThan(100);
    });
});
