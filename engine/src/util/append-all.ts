/**
 * Appends every item of `items` to `target`, in order. Use it instead of `target.push(...items)`
 * wherever `items` can be long: a spread passes each item as an argument, and a few hundred
 * thousand arguments overflow the call stack (`RangeError: Maximum call stack size exceeded`).
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
    for (const item of items) target.push(item);
    return target;
}

/** The largest of `values` (and `floor`), without spreading them into `Math.max`'s arguments. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
    let max = floor;
    for (const v of values) if (v > max) max = v;
    return max;
}
