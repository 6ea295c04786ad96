import { isDefaultRoutable, type RoutingEntry } from '../../../engine/src/routing/index.js';

/** Test oracle: the keys of the small key space used by the property tests (upper 20 bits zero). */
export const KEY_BITS = 12;

/** The index of the first entry matching the key, or −1. */
export function firstMatch(table: readonly RoutingEntry[], key: number): number {
    return table.findIndex((e) => ((key & e.mask) >>> 0) === e.key);
}

/**
 * The first key of the small key space that `minimised` routes differently from `original`, by
 * trying every key (the rule of `verifyTable`); undefined when there is none.
 */
export function bruteForceMismatch(original: readonly RoutingEntry[], minimised: readonly RoutingEntry[], allowDefault = true): number | undefined {
    for (let key = 0; key < 1 << KEY_BITS; key++) {
        const o = firstMatch(original, key);
        if (o < 0) continue;
        const m = firstMatch(minimised, key);
        if (m < 0 ? !(allowDefault && isDefaultRoutable(original[o])) : !minimised[m].route.equals(original[o].route)) return key;
    }
    return undefined;
}
