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

/** Replaces every 8-byte little-endian occurrence of `from` by `to` (to forge declared sizes). */
export function patchUint64(bytes: Uint8Array, from: bigint, to: bigint): { bytes: Uint8Array; count: number } {
    const out = bytes.slice();
    const view = new DataView(out.buffer);
    let count = 0;
    for (let i = 0; i + 8 <= out.length; i++) {
        if (view.getBigUint64(i, true) === from) {
            view.setBigUint64(i, to, true);
            count++;
        }
    }
    return { bytes: out, count };
}
