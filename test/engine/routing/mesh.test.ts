import { describe, expect, it } from 'vitest';
import { hexLength, longestDimensionFirst, neighbour, opposite, rectangularMesh, RouteSet, shortestDisplacement, type MeshTopology } from '../../../engine/src/routing/index.js';

describe('the hexagonal mesh', () => {
    it('steps along the six links, E NE N W SW S, with opposite links three apart', () => {
        const mesh = rectangularMesh(3, 3);
        const centre = { x: 1, y: 1 };
        expect([0, 1, 2, 3, 4, 5].map((l) => neighbour(mesh, centre, l as 0))).toEqual([
            { x: 2, y: 1 }, { x: 2, y: 2 }, { x: 1, y: 2 }, { x: 0, y: 1 }, { x: 0, y: 0 }, { x: 1, y: 0 },
        ]);
        expect([0, 1, 2, 3, 4, 5].map((l) => opposite(l as 0))).toEqual([3, 4, 5, 0, 1, 2]);
    });

    it('stops at the edges of a flat mesh, wraps on a torus, and skips missing chips', () => {
        expect(neighbour(rectangularMesh(2, 2), { x: 1, y: 1 }, 1)).toBeUndefined();
        expect(neighbour(rectangularMesh(12, 12, true), { x: 11, y: 11 }, 1)).toEqual({ x: 0, y: 0 });
        expect(neighbour(rectangularMesh(12, 12, true, false), { x: 0, y: 0 }, 4)).toBeUndefined();
        expect(neighbour(rectangularMesh(12, 12, true, false), { x: 0, y: 0 }, 3)).toEqual({ x: 11, y: 0 });
        const holed: MeshTopology = { ...rectangularMesh(3, 3), hasChip: (x, y) => x !== 1 || y !== 1 };
        expect(neighbour(holed, { x: 0, y: 0 }, 1)).toBeUndefined();
    });

    it('measures hexagonal distances and picks the shorter way round a torus', () => {
        expect(hexLength(3, 2)).toBe(3);
        expect(hexLength(3, -2)).toBe(5);
        expect(hexLength(-4, -4)).toBe(4);
        expect(shortestDisplacement(rectangularMesh(12, 12, true), { x: 0, y: 0 }, { x: 11, y: 10 })).toEqual([-1, -2]);
        expect(shortestDisplacement(rectangularMesh(12, 12), { x: 0, y: 0 }, { x: 11, y: 10 })).toEqual([11, 10]);
        // (5, −6) costs 11 hops, (−7, −6) 7, and (5, 6), wrapping in y, only 6.
        expect(shortestDisplacement(rectangularMesh(12, 12, true), { x: 0, y: 6 }, { x: 5, y: 0 })).toEqual([5, 6]);
        expect(shortestDisplacement(rectangularMesh(12, 12, true, false), { x: 0, y: 6 }, { x: 5, y: 0 })).toEqual([-7, -6]);
    });

    it('walks the longest leg first', () => {
        expect(longestDimensionFirst(3, 1)).toEqual([0, 0, 1]);
        expect(longestDimensionFirst(1, 3)).toEqual([2, 2, 1]);
        expect(longestDimensionFirst(-2, 3)).toEqual([2, 2, 2, 3, 3]);
        expect(longestDimensionFirst(0, 0)).toEqual([]);
    });

    it('describes routes as values', () => {
        const route = RouteSet.of([0, 2], [3, 151]);
        expect(route.equals(new RouteSet(0b101, (1n << 3n) | (1n << 151n)))).toBe(true);
        expect(route.id).toBe(new RouteSet(0b101, (1n << 3n) | (1n << 151n)).id);
        expect(route.toString()).toBe('E,N;pe3,pe151');
        expect(RouteSet.EMPTY.toString()).toBe('-');
        expect(RouteSet.fromWord(0b1000001).toString()).toBe('E;pe0');
        expect(() => new RouteSet(64, 0n)).toThrow(RangeError);
    });
});
