import type { ArrayFromFile } from '../spec/parse-spec.js';
import { loadedHdf5, withMemoryFile } from './h5-module.js';
import { openProblem } from './open-file.js';
import { readDatasetValue } from './read-dataset.js';
import { MAX_FILE_DECODED_BYTES } from './limits.js';

/**
 * Reads one numeric dataset (`/node/nodes/fc1/weight`) of a `.nir` file's bytes, synchronously,
 * for `{file: x.nir, path: …}` references in specs. Needs `await loadHdf5()` first. Never throws.
 */
export function readNirDataset(bytes: Uint8Array, path: string): ArrayFromFile | { readonly error: string } {
    const library = loadedHdf5();
    if (!library) return { error: 'the HDF5 reader is not loaded (call loadHdf5() first).' };
    const refused = openProblem(bytes);
    if (refused) return { error: refused.message };
    try {
        return withMemoryFile(library, bytes, (name) => {
            const file = new library.h5.File(name, 'r');
            try {
                const entity = path.startsWith('/') && !path.includes('//') ? file.get(path) : null;
                if (!(entity instanceof library.h5.Dataset)) return { error: `the file has no dataset ${path}.` };
                const read = readDatasetValue(library, entity, { path }, { remainingBytes: MAX_FILE_DECODED_BYTES });
                if (read.problem) return { error: read.problem.message };
                if (read.value.kind !== 'tensor' || read.value.source.kind !== 'dense') return { error: `${path} holds a string, not numbers.` };
                return { dtype: read.value.dtype, shape: read.value.shape, data: read.value.source.data };
            } finally {
                file.close();
            }
        });
    } catch (error) {
        return { error: `the file could not be read as HDF5 (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).` };
    }
}
