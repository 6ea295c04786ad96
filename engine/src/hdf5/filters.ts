/** HDF5 filters: which ones the reader decodes, and the message for the others. */

/** Filters built into h5wasm's HDF5: deflate (gzip), shuffle, fletcher32 checksums, scale-offset, n-bit. */
const BUILT_IN_FILTERS: ReadonlyMap<number, string> = new Map([
    [1, 'deflate'], [2, 'shuffle'], [3, 'fletcher32'], [5, 'nbit'], [6, 'scaleoffset'],
]);

/** Names of well-known filters that need a plugin, for messages. */
const KNOWN_FILTER_NAMES: ReadonlyMap<number, string> = new Map([
    [4, 'szip'], [32000, 'LZF'], [32001, 'Blosc'], [32004, 'LZ4'], [32008, 'bitshuffle'],
    [32013, 'ZFP'], [32015, 'Zstandard'], [32026, 'Blosc2'], [307, 'bzip2'],
]);

/** A dataset filter as h5wasm reports it. */
export interface DatasetFilter {
    readonly id: number;
    readonly name?: string;
}

/**
 * The first filter of a dataset that cannot be decoded, as a sentence naming it and the dataset;
 * undefined when every filter can be. HDF5 does not fail on undecodable filters in every build
 * (it may hand back garbage), so this check runs before any data is read.
 */
export function undecodableFilter(filters: readonly DatasetFilter[], path: string, pluginFilters: ReadonlySet<number>): string | undefined {
    for (const filter of filters) {
        if (BUILT_IN_FILTERS.has(filter.id) || pluginFilters.has(filter.id)) continue;
        const name = KNOWN_FILTER_NAMES.get(filter.id) ?? (filter.name && filter.name.length > 0 ? filter.name : 'unknown');
        return `${path} is compressed with the ${name} filter (HDF5 filter id ${filter.id}), which this reader cannot decode; ` +
            're-save the file with gzip compression or none (h5py: compression="gzip").';
    }
    return undefined;
}
