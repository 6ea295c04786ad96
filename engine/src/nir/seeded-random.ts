/**
 * Counter-based pseudo-random numbers for the seeded generators: every draw is a pure function of
 * `(seed, stream, counter)`, computed with 32-bit integer arithmetic only (`Math.imul`, shifts), so
 * the same recipe gives the same numbers on every platform and any element can be computed on its
 * own (a mapper can materialise one row of a 10^9-element matrix without the rows before it).
 * Normal deviates use the Box–Muller transform (`Math.log`, `Math.sqrt`, `Math.cos`; V8 computes
 * these with its own portable fdlibm code, not the C library).
 */

const TWO_32 = 2 ** 32;

/** The murmur3 32-bit finaliser: a bijective avalanche mix of one word. */
function fmix32(h: number): number {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
}

/** Folds one 32-bit word into a running hash. */
function absorb(h: number, word: number): number {
    return fmix32((h ^ Math.imul(word >>> 0, 0x9e3779b1)) + 0x7f4a7c15);
}

/** Low and high 32-bit words of a non-negative integer below 2^53. */
function words(n: number): [number, number] {
    return [n % TWO_32 >>> 0, Math.floor(n / TWO_32) >>> 0];
}

/** One uniformly distributed 32-bit word for `(seed, stream, counter)`; all are integers in [0, 2^53). */
export function randomWord(seed: number, stream: number, counter: number): number {
    return wordAt(streamState(seed, stream), counter);
}

/** The hash state after absorbing a seed and a stream: what every draw of that stream starts from. */
function streamState(seed: number, stream: number): number {
    const [s0, s1] = words(seed);
    const [t0, t1] = words(stream);
    let h = absorb(0x2545f491, s0);
    h = absorb(h, s1);
    h = absorb(h, t0);
    return absorb(h, t1);
}

/** The word for `counter`; its 32-bit halves by subtraction, not `%` (a double remainder is a library call, and this runs twice per random number). */
function wordAt(state: number, counter: number): number {
    const c1 = counter < TWO_32 ? 0 : Math.floor(counter / TWO_32);
    const c0 = (counter - c1 * TWO_32) >>> 0;
    return fmix32(absorb(absorb(state, c0), c1) ^ 0x68e31da4);
}

/** A uniform double in [0, 1) with 53 random bits, from counters `2k` and `2k+1` of the stream. */
export function randomUnit(seed: number, stream: number, k: number): number {
    return unitAt(streamState(seed, stream), k);
}

function unitAt(state: number, k: number): number {
    const high = wordAt(state, 2 * k) >>> 5; // 27 bits
    const low = wordAt(state, 2 * k + 1) >>> 6; // 26 bits
    return (high * 2 ** 26 + low) / 2 ** 53;
}

/**
 * The uniform doubles of one stream, `randomUnit(seed, stream, k)` for k = 0, 1, …, with the seed
 * and stream absorbed once (for loops that draw many numbers from one stream).
 */
export function streamUnits(seed: number, stream: number): (k: number) => number {
    const state = streamState(seed, stream);
    return (k) => unitAt(state, k);
}

/** A standard normal deviate (Box–Muller, cosine branch) for element `k` of the stream. */
export function randomNormal(seed: number, stream: number, k: number): number {
    const u1 = 1 - randomUnit(seed, stream, 2 * k); // (0, 1]: log is finite
    const u2 = randomUnit(seed, stream, 2 * k + 1);
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
