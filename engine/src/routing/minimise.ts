import type { MinimiseOptions, RoutingEntry } from './types.js';

/** Minimises an ordered routing table (ordered covering or better). (Stub: returns the table.) */
export function minimiseTable(entries: readonly RoutingEntry[], _options: MinimiseOptions = {}): RoutingEntry[] {
    return [...entries];
}
