import { describe, expect, it } from 'vitest';
import { allocateKeys, bitsFor, sliceKey } from '../../../engine/src/mapping/keys.js';

/**
 * Key allocation by hand: blocks of 2^(neuron bits + slice bits) keys, largest first (ties by
 * population), each aligned to its size, up to and including the last key of the key space; and
 * the key/mask pair of one slice or of a run of slices.
 */

describe('bitsFor', () => {
    it('is the bits that count n things', () => {
        expect([1, 2, 3, 4, 5, 8, 9, 256, 257].map(bitsFor)).toEqual([0, 1, 2, 2, 3, 3, 4, 8, 9]);
    });
});

describe('allocateKeys', () => {
    // Given out of size order: population 1 (3 per PE, 2 slices: 8 keys), population 3 (100 per PE,
    // 1 slice: 128 keys), population 0 (1 neuron: 1 key); population 2 sends nothing.
    const senders = [
        { index: 1, neuronsPerCore: 3, slices: 2 },
        { index: 3, neuronsPerCore: 100, slices: 1 },
        { index: 0, neuronsPerCore: 1, slices: 1 },
    ];

    it('hands out aligned blocks largest first, one entry per population', () => {
        const allocation = allocateKeys(senders, 4, 32);
        expect(allocation.keys).toStrictEqual([
            { base: 136, neuronBits: 0, sliceBits: 0 },
            { base: 128, neuronBits: 2, sliceBits: 1 },
            undefined,
            { base: 0, neuronBits: 7, sliceBits: 0 },
        ]);
        expect([allocation.bitsUsed, allocation.overflow]).toEqual([8, []]);
    });

    it('counts slice bits and neuron bits alike in a block\'s size', () => {
        // 2 per PE in 16 slices (1 + 4 bits: 32 keys) before 8 per PE in one slice (3 bits: 8 keys).
        const senders = [{ index: 0, neuronsPerCore: 2, slices: 16 }, { index: 1, neuronsPerCore: 8, slices: 1 }];
        expect(allocateKeys(senders, 2, 32).keys.map((k) => k?.base)).toEqual([0, 32]);
        expect(allocateKeys([...senders].reverse(), 2, 32).keys.map((k) => k?.base)).toEqual([0, 32]);
    });

    it('gives blocks of equal size to the lower population index first', () => {
        const allocation = allocateKeys([{ index: 2, neuronsPerCore: 4, slices: 2 }, { index: 1, neuronsPerCore: 8, slices: 1 }], 3, 32);
        expect(allocation.keys.map((k) => k?.base)).toEqual([undefined, 0, 8]);
    });

    it('uses the key space up to its last key, and reports the populations beyond it', () => {
        expect(allocateKeys(senders.slice(1, 2), 4, 7)).toStrictEqual({ keys: [undefined, undefined, undefined, { base: 0, neuronBits: 7, sliceBits: 0 }], bitsUsed: 7, overflow: [] });
        const over = allocateKeys(senders, 4, 7);
        expect(over.overflow).toEqual([1, 0]);
        expect(over.keys.map((k) => k?.base)).toEqual([undefined, undefined, undefined, 0]);
    });

    it('needs no bits for no senders', () => {
        expect(allocateKeys([], 2, 32)).toStrictEqual({ keys: [undefined, undefined], bitsUsed: 0, overflow: [] });
    });
});

describe('sliceKey', () => {
    const keys = { base: 1024, neuronBits: 4, sliceBits: 2 };

    it('is the block base plus the slice number above the neuron bits, masking the neuron bits', () => {
        expect(sliceKey(keys, 3)).toEqual({ key: 1024 + 3 * 16, mask: 0xfffffff0 });
    });

    it('masks the slice bits too for a run of 2^width slices', () => {
        expect(sliceKey(keys, 2, 1)).toEqual({ key: 1024 + 2 * 16, mask: 0xffffffe0 });
        expect(sliceKey(keys, 0, 2)).toEqual({ key: 1024, mask: 0xffffffc0 });
    });

    it('masks nothing when the neuron bits fill all 32', () => {
        expect(sliceKey({ base: 0, neuronBits: 32, sliceBits: 0 }, 0)).toEqual({ key: 0, mask: 0 });
        expect(sliceKey({ base: 0, neuronBits: 31, sliceBits: 1 }, 1, 1)).toEqual({ key: 0x80000000, mask: 0 });
    });
});
