/**
 * Ternary cubes: a key/mask pair read as the set of 32-bit keys `k` with `(k & mask) === key`.
 * Bits where the mask is 0 are "don't care" (X). All values are unsigned (`>>> 0`).
 */

/** A key/mask pair, with no key bit set outside the mask. */
export interface Cube {
    readonly key: number;
    readonly mask: number;
}

/** True when some key lies in both cubes. */
export function intersects(aKey: number, aMask: number, bKey: number, bMask: number): boolean {
    return ((aKey ^ bKey) & aMask & bMask) === 0;
}

/** True when every key of the inner cube lies in the outer one. */
export function contains(outerKey: number, outerMask: number, innerKey: number, innerMask: number): boolean {
    return ((innerMask & outerMask) ^ outerMask) === 0 && ((innerKey ^ outerKey) & outerMask) === 0;
}

/** The keys of both cubes (which must intersect). */
export function intersection(a: Cube, b: Cube): Cube {
    return { key: (a.key | b.key) >>> 0, mask: (a.mask | b.mask) >>> 0 };
}

/** The smallest cube that holds both cubes. */
export function cover(aKey: number, aMask: number, bKey: number, bMask: number): Cube {
    const mask = (aMask & bMask & ~(aKey ^ bKey)) >>> 0;
    return { key: (aKey & mask) >>> 0, mask };
}

/** The number of don't-care bits: a cube of generality g holds 2^g keys. */
export function generality(mask: number): number {
    return 32 - popcount(mask);
}

/** The number of set bits of a 32-bit value. */
export function popcount(v: number): number {
    v = v - ((v >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The keys of `a` that are not in `b`, as disjoint cubes (at most one per bit that `b` fixes and
 * `a` leaves open). Returns `[a]` when they do not intersect and `[]` when `b` holds `a`.
 */
export function subtract(a: Cube, b: Cube): Cube[] {
    if (!intersects(a.key, a.mask, b.key, b.mask)) return [a];
    const out: Cube[] = [];
    let open = (b.mask & ~a.mask) >>> 0;
    let key = a.key;
    let mask = a.mask;
    while (open !== 0) {
        const bit = open & -open;
        open = (open & ~bit) >>> 0;
        // Keys that differ from b at this bit (and agree with b on the bits split before it).
        out.push({ key: ((key & ~bit) | (~b.key & bit)) >>> 0, mask: (mask | bit) >>> 0 });
        key = ((key & ~bit) | (b.key & bit)) >>> 0;
        mask = (mask | bit) >>> 0;
    }
    return out;
}

/** `key/mask` as a ternary string, most significant bit first (`0`, `1`, `X`). */
export function cubeString(key: number, mask: number, width = 32): string {
    let s = '';
    for (let bit = width - 1; bit >= 0; bit--) {
        const m = (mask >>> bit) & 1;
        s += m === 0 ? 'X' : (key >>> bit) & 1 ? '1' : '0';
    }
    return s;
}
