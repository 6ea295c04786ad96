import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contains, cover, cubeString, generality, intersects, popcount, subtract } from '../../../engine/src/routing/index.js';

const member = (key: number, cube: { key: number; mask: number }): boolean => ((key & cube.mask) >>> 0) === cube.key;
const cubeArb = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })).map(([k, m]) => ({ key: (k & m & 0xff) >>> 0, mask: (m | 0xffffff00) >>> 0 }));

describe('ternary cubes', () => {
    it('prints, counts and compares cubes', () => {
        expect(cubeString(0b1010, 0b1110, 4)).toBe('101X');
        expect(generality(0xfffff800)).toBe(11);
        expect(popcount(0xffffffff)).toBe(32);
        expect(contains(0b1000, 0b1000, 0b1010, 0b1110)).toBe(true);
        expect(contains(0b1010, 0b1110, 0b1000, 0b1000)).toBe(false);
        expect(intersects(0b10, 0b10, 0b01, 0b01)).toBe(true);
        expect(intersects(0b10, 0b11, 0b01, 0b11)).toBe(false);
        expect(cover(0b1100, 0xffffffff, 0b1010, 0xffffffff)).toEqual({ key: 0b1000, mask: 0xfffffff9 });
    });

    it('subtracts into disjoint cubes that hold exactly the difference (all 256 keys)', () => {
        fc.assert(
            fc.property(cubeArb, cubeArb, (a, b) => {
                const pieces = subtract(a, b);
                for (let key = 0; key < 256; key++) {
                    const inPieces = pieces.filter((p) => member(key, p)).length;
                    expect(inPieces).toBe(member(key, a) && !member(key, b) ? 1 : 0);
                }
            }),
        );
    });

    it('covers both cubes with the smallest cube', () => {
        fc.assert(
            fc.property(cubeArb, cubeArb, (a, b) => {
                const c = cover(a.key, a.mask, b.key, b.mask);
                expect(contains(c.key, c.mask, a.key, a.mask) && contains(c.key, c.mask, b.key, b.mask)).toBe(true);
                // Smallest: a bit is fixed exactly when every key of a and b agrees on it.
                const keys = [...Array(256).keys()].filter((k) => member(k, a) || member(k, b));
                const agree = keys.reduce((m, k) => m & ~(k ^ keys[0]), 0xff);
                expect(c.mask & 0xff).toBe(agree);
            }),
        );
    });
});
