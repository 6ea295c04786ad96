import type { File as H5File } from 'h5wasm';
import { loadHdf5 } from '../../../engine/src/index.js';

let counter = 0;

/** An HDF5 file built with h5wasm's API, for files NIR's writer would never produce. */
export async function craftHdf5(build: (file: H5File) => void): Promise<Uint8Array> {
    const library = await loadHdf5();
    const name = `/craft-${++counter}.h5`;
    const file = new library.h5.File(name, 'w');
    try {
        build(file);
    } finally {
        file.close();
    }
    const bytes = library.module.FS.readFile(name);
    library.module.FS.unlink(name);
    return bytes;
}
