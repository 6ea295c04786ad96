import { intersects, subtract, type Cube } from './cube.js';
import type { RoutingEntry } from './types.js';

/**
 * The keys each entry of an ordered table really routes (its cube minus the cubes of the entries
 * above it), as disjoint cubes per entry. For a table whose entries do not overlap, which is what
 * mappers produce, this is each entry's own cube.
 */
export function effectiveRegions(entries: readonly RoutingEntry[]): Cube[][] {
    const regions: Cube[][] = [];
    for (let i = 0; i < entries.length; i++) {
        let pieces: Cube[] = [{ key: entries[i].key >>> 0, mask: entries[i].mask >>> 0 }];
        for (let j = 0; j < i && pieces.length > 0; j++) {
            const above = entries[j];
            if (!intersects(entries[i].key, entries[i].mask, above.key, above.mask)) continue;
            pieces = pieces.flatMap((piece) => subtract(piece, above));
        }
        regions.push(pieces);
    }
    return regions;
}
