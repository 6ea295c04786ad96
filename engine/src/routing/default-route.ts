import { opposite } from './mesh.js';
import type { LinkId, RoutingEntry } from './types.js';

/**
 * True when default routing does what the entry does, so the router needs no entry for it: its
 * packets all arrive on one link and leave only on the opposite link, to no local PE. A key that
 * matches no entry of a SpiNNaker router leaves on the link opposite to the one it came in on.
 */
export function isDefaultRoutable(entry: RoutingEntry): boolean {
    const source = entry.source ?? 0;
    if (source === 0 || (source & (source - 1)) !== 0 || source > 0x3f) return false;
    const arrival = (31 - Math.clz32(source)) as LinkId;
    return entry.route.pes === 0n && entry.route.links === 1 << opposite(arrival);
}
