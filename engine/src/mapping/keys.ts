/** The routing keys of one population: slice s, neuron i sends key `base + s·2^neuronBits + i`. */
export interface PopulationKeys {
    readonly base: number;
    readonly neuronBits: number;
    readonly sliceBits: number;
}

/** The key allocation: per population (undefined when it sends nothing or did not fit), and the bits used. */
export interface KeyAllocation {
    readonly keys: readonly (PopulationKeys | undefined)[];
    /** Bits of key space the allocation needs (⌈log2⌉ of its total size). */
    readonly bitsUsed: number;
    /** Populations that did not fit in the key space. */
    readonly overflow: readonly number[];
}

/** ⌈log2(n)⌉ for n ≥ 1 (0 for n = 1). */
export function bitsFor(n: number): number {
    return Math.ceil(Math.log2(n));
}

/**
 * Allocates 32-bit keys as PACMAN's zoned allocator does (pacman/operations/routing_info_allocator_algorithms/zoned_routing_info_allocator.py): a population's keys form
 * one aligned block whose low bits are the neuron index within a slice and whose next bits are the
 * slice, so every slice is one key/mask pair and a population's slices share a prefix (which keeps
 * routing tables compressible). Blocks are handed out largest first, which keeps each aligned
 * without gaps; a population that no longer fits in `keyBits` is reported in `overflow`.
 */
export function allocateKeys(senders: readonly { index: number; neuronsPerCore: number; slices: number }[], count: number, keyBits: number): KeyAllocation {
    const keys: (PopulationKeys | undefined)[] = new Array(count).fill(undefined);
    const blocks = senders
        .map((s) => ({ ...s, neuronBits: bitsFor(s.neuronsPerCore), sliceBits: bitsFor(s.slices) }))
        .sort((a, b) => b.neuronBits + b.sliceBits - (a.neuronBits + a.sliceBits) || a.index - b.index);
    const space = 2 ** keyBits;
    const overflow: number[] = [];
    let next = 0;
    for (const block of blocks) {
        const size = 2 ** (block.neuronBits + block.sliceBits);
        if (next + size > space) {
            overflow.push(block.index);
            continue;
        }
        keys[block.index] = { base: next, neuronBits: block.neuronBits, sliceBits: block.sliceBits };
        next += size;
    }
    return { keys, bitsUsed: bitsFor(Math.max(1, next)), overflow };
}

/**
 * The key and mask (unsigned 32-bit) of `2^widthBits` consecutive slices starting at slice `s`
 * (neuron and width bits together at most 32, as the allocation keeps them).
 */
export function sliceKey(keys: PopulationKeys, s: number, widthBits = 0): { key: number; mask: number } {
    const low = keys.neuronBits + widthBits;
    const key = (keys.base + s * 2 ** keys.neuronBits) >>> 0;
    const mask = (0xffffffff - (2 ** low - 1)) >>> 0;
    return { key, mask };
}
