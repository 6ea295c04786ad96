import { describe, it, expect } from 'vitest';
import { undecodableFilter } from '../../../engine/src/hdf5/filters.js';

describe('undecodableFilter', () => {
    it('accepts deflate, shuffle and fletcher32', () => {
        expect(undecodableFilter([{ id: 2 }, { id: 1 }, { id: 3 }], '/node/w', new Set())).toBeUndefined();
    });

    it('names szip and the dataset', () => {
        const message = undecodableFilter([{ id: 4, name: 'szip' }], '/node/nodes/fc1/weight', new Set());
        expect(message).toMatch(/^\/node\/nodes\/fc1\/weight is compressed with the szip filter \(HDF5 filter id 4\)/);
        expect(message).toMatch(/gzip/);
    });

    it('accepts LZF only when its plugin is installed', () => {
        expect(undecodableFilter([{ id: 32000 }], '/w', new Set())).toMatch(/LZF filter \(HDF5 filter id 32000\)/);
        expect(undecodableFilter([{ id: 32000 }], '/w', new Set([32000]))).toBeUndefined();
    });

    it('names unknown filters by their id', () => {
        expect(undecodableFilter([{ id: 1 }, { id: 31999, name: '' }], '/w', new Set())).toMatch(/unknown filter \(HDF5 filter id 31999\)/);
    });
});
