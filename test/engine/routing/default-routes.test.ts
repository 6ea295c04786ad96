import { describe, expect, it } from 'vitest';
import { isDefaultRoutable, RouteSet, type RoutingEntry } from '../../../engine/src/routing/index.js';

/**
 * Which entries default routing replaces: packets that arrive on exactly one link (bits 0–5 of
 * `source`: east, north-east, north, west, south-west, south) and leave only on the opposite one.
 */

const entry = (source: number | undefined, links: number[], pes: number[] = []): RoutingEntry => ({ key: 0, mask: 0xffffffff, route: RouteSet.of(links, pes), source });

describe('isDefaultRoutable', () => {
    it('is true for every link straight through to the opposite one', () => {
        expect([0, 1, 2, 3, 4, 5].map((link) => isDefaultRoutable(entry(1 << link, [(link + 3) % 6])))).toEqual([true, true, true, true, true, true]);
    });

    it('is false when the packets turn, also reach a PE here, or leave on more links', () => {
        expect(isDefaultRoutable(entry(1, [2]))).toBe(false);
        expect(isDefaultRoutable(entry(1, [3], [4]))).toBe(false);
        expect(isDefaultRoutable(entry(1, [3, 2]))).toBe(false);
    });

    it('is false unless the packets arrive on exactly one link', () => {
        // No arrival link (sent from this chip, or not known): read as "link −1" its opposite would be north.
        expect(isDefaultRoutable(entry(undefined, [2]))).toBe(false);
        expect(isDefaultRoutable(entry(0, [2]))).toBe(false);
        expect(isDefaultRoutable(entry(0b1001, [3]))).toBe(false);
        expect(isDefaultRoutable(entry(0b1001, [0]))).toBe(false);
        // Bit 6 is no link (a table file's stray bit); read as link 6 its "opposite" would be west.
        expect(isDefaultRoutable(entry(1 << 6, [3]))).toBe(false);
        expect(isDefaultRoutable(entry(1 << 9, [0]))).toBe(false);
    });
});
