import type { Hdf5ModuleWear, LoadResult } from '../../engine/src/index.js';

/** A `.nir` file to read, sent to the reader worker. */
export interface NirReadRequest {
    readonly id: number;
    readonly bytes: Uint8Array;
    readonly lenient: boolean;
}

/** What the worker read, and how worn its HDF5 module is afterwards. */
export interface NirReadReply {
    readonly id: number;
    readonly result: LoadResult;
    readonly wear: Hdf5ModuleWear;
}
