import type { NirDocument } from '../nir/graph.js';
import type { Problem } from '../diagnostics/problem.js';
import { loadHdf5, withMemoryFile, type Hdf5Library } from './h5-module.js';
import { openProblem } from './open-file.js';
import { TreeReader } from './tree-reader.js';
import { hdf5ErrorSummary, internalError } from './problems.js';

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
 */
export async function readNirFile(bytes: Uint8Array, options: NirReadOptions = {}): Promise<NirReadResult> {
    try {
        return readNirBytes(await loadHdf5(), bytes, options);
    } catch (error) {
        return { problems: [internalError(error)] };
    }
}

/** `readNirFile` once HDF5 is loaded (synchronous). Never throws. */
export function readNirBytes(library: Hdf5Library, bytes: Uint8Array, options: NirReadOptions = {}): NirReadResult {
    const refused = openProblem(bytes);
    if (refused) return { problems: [refused] };
    try {
        return withMemoryFile(library, bytes, (name) => {
            let file;
            try {
                file = new library.h5.File(name, 'r');
            } catch (error) {
                return { problems: [openFailure(error)] };
            }
            try {
                return new TreeReader(library, file, options.lenient ?? false).readDocument();
            } finally {
                file.close();
            }
        });
    } catch (error) {
        return { problems: [isHdf5Failure(error) ? readFailure(error) : internalError(error)] };
    }
}

/** True for a failure inside HDF5 (its error stack, h5wasm's throws, a WebAssembly trap), not a bug of ours. */
function isHdf5Failure(error: unknown): boolean {
    return error instanceof WebAssembly.RuntimeError || (error instanceof Error && /HDF5-DIAG|^error - /.test(error.message));
}

function readFailure(error: unknown): Problem {
    return {
        code: 'hdf5/unreadable-file',
        severity: 'error',
        message: `HDF5 failed while reading the file (corrupt?): ${hdf5ErrorSummary(error)}`,
        origin: { path: '/' },
    };
}

function openFailure(error: unknown): Problem {
    return {
        code: 'hdf5/unreadable-file',
        severity: 'error',
        message: `The file starts like HDF5 but HDF5 cannot open it (truncated or corrupt?): ${hdf5ErrorSummary(error)}`,
        origin: { path: '/' },
    };
}
