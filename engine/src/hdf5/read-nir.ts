import type { NirDocument } from '../nir/graph.js';
import type { Problem } from '../diagnostics/problem.js';

/** Options for reading a `.nir` (HDF5) file. */
export interface NirReadOptions {
    /** Accept what NIR's reader refuses (unknown keys, legacy layouts) as warnings where possible. */
    readonly lenient?: boolean;
}

/** What reading a `.nir` file produced. */
export interface NirReadResult {
    readonly document?: NirDocument;
    readonly problems: readonly Problem[];
}

/**
 * Reads a `.nir` file's bytes into the NIR model, each element's origin being its HDF5 path.
 * Never throws; hostile files give a problem within bounded time and memory.
 * (Stub: implemented by the HDF5 work.)
 */
export async function readNirFile(bytes: Uint8Array, options: NirReadOptions = {}): Promise<NirReadResult> {
    void bytes;
    void options;
    return { problems: [] };
}
