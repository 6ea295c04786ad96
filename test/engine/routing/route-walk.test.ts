import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
    arrivalLinks, buildRoutingTables, chipKey, hexLength, minimiseTable, neighbour, opposite, shortestDisplacement,
    type LinkId, type MeshTopology, type MulticastSource, type RoutingEntry,
} from '../../../engine/src/routing/index.js';
import { firstMatch } from './brute-force.js';

interface Walk {
    /** `"x,y:pe"` of every delivery, sorted. */
    readonly delivered: string[];
    /** Hops from the source chip to each chip the packet reached. */
    readonly depth: Map<string, number>;
    /** Chips the packet entered more than once. */
    readonly revisits: number;
}

/** Sends one packet from the source chip through the routers: first match, else default route. */
function walk(topology: MeshTopology, tables: Map<string, RoutingEntry[]>, source: MulticastSource): Walk {
    const delivered: string[] = [];
    const depth = new Map<string, number>();
    let revisits = 0;
    const queue: { x: number; y: number; arrival: LinkId | undefined; hops: number }[] = [{ ...source.chip, arrival: undefined, hops: 0 }];
    for (let head = 0; head < queue.length && queue.length < 10_000; head++) {
        const { x, y, arrival, hops } = queue[head];
        const at = chipKey({ x, y });
        if (depth.has(at)) revisits++;
        depth.set(at, hops);
        const table = tables.get(at) ?? [];
        const hit = firstMatch(table, source.key);
        let links = 0;
        if (hit >= 0) {
            links = table[hit].route.links;
            for (const pe of table[hit].route.peIds()) delivered.push(`${at}:${pe}`);
        } else if (arrival !== undefined) {
            links = 1 << opposite(arrival);
        }
        for (let link = 0 as LinkId; link < 6; link++) {
            if ((links & (1 << link)) === 0) continue;
            const next = neighbour(topology, { x, y }, link);
            expect(next).toBeDefined();
            queue.push({ ...next!, arrival: opposite(link), hops: hops + 1 });
        }
    }
    return { delivered: delivered.sort(), depth, revisits };
}

const meshArb = fc
    .record({ width: fc.integer({ min: 1, max: 7 }), height: fc.integer({ min: 1, max: 7 }), wrapX: fc.boolean(), wrapY: fc.boolean(), holes: fc.array(fc.boolean(), { minLength: 49, maxLength: 49 }), full: fc.boolean() })
    .map(({ width, height, wrapX, wrapY, holes, full }) => ({ width, height, wrapX, wrapY, full, hasChip: (x: number, y: number) => full || x + y === 0 || !holes[y * 7 + x] || (x * 3 + y) % 4 !== 0 }));

const sourcesArb = fc.array(
    fc.record({ x: fc.nat(), y: fc.nat(), destinations: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 17 })), { maxLength: 8 }) }),
    { minLength: 1, maxLength: 6 },
);

describe('packets walked through the built tables', () => {
    it('reach exactly the reachable destinations, once per chip, by shortest paths on full meshes, before and after minimisation', () => {
        fc.assert(
            fc.property(meshArb, sourcesArb, (mesh, raw) => {
                const chips: { x: number; y: number }[] = [];
                for (let y = 0; y < mesh.height; y++) for (let x = 0; x < mesh.width; x++) if (mesh.hasChip(x, y)) chips.push({ x, y });
                const sources: MulticastSource[] = raw.map((s, i) => ({
                    key: i << 4, mask: 0xfffffff0, chip: chips[s.x % chips.length],
                    destinations: s.destinations.map(([c, , pe]) => ({ chip: chips[c % chips.length], pe })),
                }));
                const result = buildRoutingTables(mesh, sources);
                expect(result.problems.filter((p) => p.code !== 'routing/unreachable')).toEqual([]);
                const minimised = new Map([...result.tables].map(([chip, table]) => [chip, minimiseTable(table)]));
                for (const source of sources) {
                    const reach = arrivalLinks(mesh, source.chip);
                    const expected = [...new Set(source.destinations.filter((d) => reach[d.chip.y * mesh.width + d.chip.x] !== -2).map((d) => `${chipKey(d.chip)}:${d.pe}`))].sort();
                    for (const tables of [result.tables, minimised]) {
                        const { delivered, depth, revisits } = walk(mesh, tables, source);
                        expect(delivered).toEqual(expected);
                        expect(revisits).toBe(0);
                        if (!mesh.full) continue;
                        for (const d of source.destinations) {
                            expect(depth.get(chipKey(d.chip))).toBe(hexLength(...shortestDisplacement(mesh, source.chip, d.chip)));
                        }
                    }
                }
            }),
            { numRuns: 200 },
        );
    });
});
