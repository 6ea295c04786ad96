import type { File as H5File } from 'h5wasm';
import type { Hdf5Library } from './h5-module.js';

/**
 * The HDF5 objects of one open file already visited, by object address: hard links can make one
 * group reachable under many paths, and a link back to an ancestor makes the paths endless. The
 * address is HDF5's object reference (`H5Rcreate` with `H5R_OBJECT`, eight bytes), the same
 * for every path that reaches the object.
 */
export class ObjectRegistry {
    private readonly firstPaths = new Map<string, string>();

    constructor(private readonly library: Hdf5Library, private readonly file: H5File) {}

    /**
     * Records the object at `path`; returns undefined the first time it is reached, and the path it
     * was first reached by afterwards. An object whose address cannot be taken counts as new.
     */
    firstVisit(path: string): string | undefined {
        let address: string;
        try {
            address = this.library.module.create_object_reference(this.file.file_id, path).join(',');
        } catch {
            return undefined;
        }
        const earlier = this.firstPaths.get(address);
        if (earlier === undefined) this.firstPaths.set(address, path);
        return earlier;
    }
}
