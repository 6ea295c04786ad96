import { describe, expect, it } from 'vitest';
import { buildRoutingTables, isDefaultRoutable, minimiseTable, rectangularMesh, RouteSet, verifyTable, type MeshTopology, type MulticastSource, type RoutingEntry } from '../../../engine/src/routing/index.js';

const E = 0, NE = 1, N = 2, W = 3, SW = 4, S = 5;

/** The tables as `chip → "links;pes"` strings, for exact comparison. */
function summary(tables: Map<string, RoutingEntry[]>): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [chip, entries] of [...tables].sort()) out[chip] = entries.map((e) => `${e.route}<${e.source}`);
    return out;
}

function source(x: number, y: number, destinations: [number, number, number][], key = 0x100): MulticastSource {
    return { key, mask: 0xffffff00, chip: { x, y }, destinations: destinations.map(([dx, dy, pe]) => ({ chip: { x: dx, y: dy }, pe })) };
}

describe('buildRoutingTables', () => {
    it('routes a 2×2 mesh over the E, NE and N links, one entry per chip', () => {
        const result = buildRoutingTables(rectangularMesh(2, 2), [source(0, 0, [[1, 1, 3], [1, 0, 1], [0, 1, 2], [0, 0, 5]])]);
        expect(result.problems).toEqual([]);
        expect(summary(result.tables)).toEqual({
            '0,0': ['E,NE,N;pe5<0'],
            '1,0': [`pe1<${1 << W}`],
            '1,1': [`pe3<${1 << SW}`],
            '0,1': [`pe2<${1 << S}`],
        });
        const root = result.tables.get('0,0')![0];
        expect(root.route.equals(RouteSet.of([E, NE, N], [5]))).toBe(true);
        expect(root.key).toBe(0x100);
        expect(root.mask).toBe(0xffffff00);
    });

    it('shares a branch on a 3×3 mesh and marks the straight pass-through as a default route', () => {
        const result = buildRoutingTables(rectangularMesh(3, 3), [source(0, 0, [[2, 1, 0], [2, 2, 1], [2, 0, 2]])]);
        expect(result.problems).toEqual([]);
        expect(summary(result.tables)).toEqual({
            '0,0': ['E,NE<0'],
            '1,0': [`E,NE<${1 << W}`],
            '2,0': [`pe2<${1 << W}`],
            '1,1': [`NE<${1 << SW}`],
            '2,1': [`pe0<${1 << SW}`],
            '2,2': [`pe1<${1 << SW}`],
        });
        // (1,1) passes the packet straight on (in on SW, out on NE): the router needs no entry,
        // and minimisation drops it, but it stays in the full table to guard its keys.
        const passThrough = result.tables.get('1,1')!;
        expect(passThrough.map(isDefaultRoutable)).toEqual([true]);
        expect(minimiseTable(passThrough)).toEqual([]);
        expect([...result.tables.values()].flat().filter(isDefaultRoutable)).toHaveLength(1);
        expect(result.uncompressedSizes.get('1,1')).toBe(1);
    });

    it('keeps a default-routed key from being captured when another table entry is merged', () => {
        // (0,1) passes source 0 straight on (N to S) and delivers sources 1 and 2 locally: merging
        // the two local entries into one cube must not capture source 0's key on its way through.
        const mesh = rectangularMesh(1, 4);
        const sources = [source(0, 2, [[0, 0, 0]], 0x000), source(0, 0, [[0, 1, 0]], 0x100), source(0, 0, [[0, 1, 0]], 0x200)];
        const result = buildRoutingTables(mesh, sources);
        const table = result.tables.get('0,1')!;
        expect(table.map(isDefaultRoutable)).toEqual([true, false, false]);
        const minimised = minimiseTable(table);
        expect(verifyTable(table, minimised)).toEqual({ ok: true });
        expect(minimised.every((e) => ((0x000 & e.mask) >>> 0) !== e.key)).toBe(true);
    });

    it('takes the wrap-around links of a 12×12 torus when they are shorter', () => {
        const result = buildRoutingTables(rectangularMesh(12, 12, true), [source(0, 0, [[11, 11, 1], [11, 0, 2], [0, 10, 3], [3, 0, 4]])]);
        expect(result.problems).toEqual([]);
        expect(summary(result.tables)).toEqual({
            '0,0': ['E,W,SW,S<0'],
            '11,11': [`pe1<${1 << NE}`],
            '11,0': [`pe2<${1 << E}`],
            '0,11': [`S<${1 << N}`],
            '0,10': [`pe3<${1 << N}`],
            '1,0': [`E<${1 << W}`],
            '2,0': [`E<${1 << W}`],
            '3,0': [`pe4<${1 << W}`],
        });
        // Chips (0,11), (1,0) and (2,0) only pass the packets straight on.
        for (const chip of ['0,11', '1,0', '2,0']) expect(result.tables.get(chip)!.every(isDefaultRoutable)).toBe(true);
        expect([...result.linkLoads.get('0,0')!]).toEqual([1, 0, 0, 1, 1, 1]);
        expect(result.trees[0].nodes.map((n) => `${n.chip.x},${n.chip.y}`)).toEqual(['0,0', '1,0', '11,0', '11,11', '0,11', '2,0', '0,10', '3,0']);
    });

    it('goes around a missing chip', () => {
        const holed: MeshTopology = { width: 3, height: 3, wrapX: false, wrapY: false, hasChip: (x, y) => !(x === 1 && y === 1) };
        const result = buildRoutingTables(holed, [source(0, 0, [[2, 2, 7]])]);
        expect(result.problems).toEqual([]);
        expect(summary(result.tables)).toEqual({ '0,0': ['E<0'], '1,0': [`NE<${1 << W}`], '2,1': [`N<${1 << SW}`], '2,2': [`pe7<${1 << S}`] });
    });

    it('merges two sources into per-chip tables in source order', () => {
        const a = source(0, 0, [[1, 0, 1]], 0x100);
        const b = source(1, 0, [[0, 0, 2], [1, 0, 3]], 0x200);
        const result = buildRoutingTables(rectangularMesh(2, 1), [a, b]);
        expect(result.tables.get('1,0')!.map((e) => [e.key, `${e.route}`])).toEqual([[0x100, 'pe1'], [0x200, 'W;pe3']]);
        expect(result.tables.get('0,0')!.map((e) => [e.key, `${e.route}`])).toEqual([[0x100, 'E'], [0x200, 'pe2']]);
    });

    it('reports bad sources instead of throwing, and routes the others', () => {
        const origin = { path: '/node/nodes/lif' };
        const bad: MulticastSource[] = [
            { ...source(0, 0, [[1, 0, 0]], 0x101), mask: 0xffffff00, origin },
            source(5, 5, [[0, 0, 0]], 0x200),
            source(0, 0, [[9, 9, 0], [1, 0, 200]], 0x300),
            source(0, 0, [[1, 0, 0]], 0x300),
            source(0, 0, [[1, 0, 1]], 0x400),
        ];
        const result = buildRoutingTables(rectangularMesh(2, 2), bad, { pesPerChip: 152 });
        expect(result.problems.map((p) => p.code)).toEqual(['routing/key-outside-mask', 'routing/unknown-chip', 'routing/key-collision', 'routing/bad-destination', 'routing/bad-destination']);
        expect(result.problems[0].origin).toBe(origin);
        expect(result.problems[2].message).toContain('Source 3');
        expect(result.trees.map((t) => t.sourceIndex)).toEqual([2, 4]);
        expect(result.tables.get('1,0')!.map((e) => e.key)).toEqual([0x400]);
    });

    it('bounds PE numbers even when the caller gives no PE count', () => {
        const result = buildRoutingTables(rectangularMesh(1, 1), [source(0, 0, [[0, 0, 1e9], [0, 0, 1023]])]);
        expect(result.problems.map((p) => p.message)).toEqual(['A destination of source 0 (key 0x00000100/0xffffff00 on chip (0, 0)), PE 1000000000 of chip (0, 0), does not exist in the mesh (1024 PEs per chip).']);
        expect(result.tables.get('0,0')![0].route.peIds()).toEqual([1023]);
    });

    it('reports a destination that no link reaches', () => {
        const split: MeshTopology = { width: 3, height: 1, wrapX: false, wrapY: false, hasChip: (x) => x !== 1 };
        const result = buildRoutingTables(split, [source(0, 0, [[2, 0, 0]])]);
        expect(result.problems.map((p) => p.code)).toEqual(['routing/unreachable']);
        expect(result.problems[0].severity).toBe('error');
    });
});
