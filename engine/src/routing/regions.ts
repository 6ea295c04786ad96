import { intersects, subtract, type Cube } from './cube.js';
import type { RoutingEntry } from './types.js';

/**
 * The keys each entry of an ordered table really routes (its cube minus the cubes of the entries
 * above it), as disjoint cubes per entry. An entry whose key has a bit outside its mask matches
 * no key and gets none. For a table whose entries do not overlap, which is what mappers produce,
 * this is each entry's own cube, found without comparing every pair of entries.
 */
export function effectiveRegions(entries: readonly RoutingEntry[]): Cube[][] {
    const cubes = entries.map((e) => (matchesSomething(e) ? { key: e.key >>> 0, mask: e.mask >>> 0 } : undefined));
    if (pairwiseDisjoint(cubes)) return cubes.map((c) => (c === undefined ? [] : [c]));
    const regions: Cube[][] = [];
    for (let i = 0; i < cubes.length; i++) {
        const own = cubes[i];
        let pieces: Cube[] = own === undefined ? [] : [own];
        for (let j = 0; j < i && pieces.length > 0; j++) {
            const above = cubes[j];
            if (above === undefined || !intersects(own!.key, own!.mask, above.key, above.mask)) continue;
            pieces = pieces.flatMap((piece) => subtract(piece, above));
        }
        regions.push(pieces);
    }
    return regions;
}

/** False for an entry whose key has a bit set outside its mask: `k & mask` can never equal it. */
export function matchesSomething(entry: RoutingEntry): boolean {
    return ((entry.key & ~entry.mask) >>> 0) === 0;
}

/**
 * True when no two cubes share a key. Cubes are grouped by mask; two cubes meet exactly when they
 * agree on the bits both masks fix, so each pair of masks is one hashing pass.
 */
function pairwiseDisjoint(cubes: readonly (Cube | undefined)[]): boolean {
    const byMask = new Map<number, number[]>();
    for (const cube of cubes) {
        if (cube === undefined) continue;
        const keys = byMask.get(cube.mask);
        if (keys === undefined) byMask.set(cube.mask, [cube.key]);
        else keys.push(cube.key);
    }
    const masks = [...byMask.keys()];
    if (masks.length > 64) return false;
    for (let a = 0; a < masks.length; a++) {
        for (let b = a; b < masks.length; b++) {
            const common = (masks[a] & masks[b]) >>> 0;
            const seen = new Set(byMask.get(masks[a])!.map((k) => (k & common) >>> 0));
            if (a === b ? seen.size !== byMask.get(masks[a])!.length : byMask.get(masks[b])!.some((k) => seen.has((k & common) >>> 0))) return false;
        }
    }
    return true;
}
