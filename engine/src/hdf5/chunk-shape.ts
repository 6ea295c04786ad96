/**
 * The chunk shape of a compressed dataset, chosen the way h5py chooses it when a dataset is
 * created with `compression="gzip"` and no chunks (`h5py/_hl/filters.py`, `guess_chunk`), which is
 * what `nir.write` does. Chunks stay at most 1 MiB, so a reader decompresses a large tensor chunk by
 * chunk: one chunk of a whole [10500, 10500] float32 tensor (441 MB) does not fit beside its
 * output in the 2 GiB memory of HDF5 in WebAssembly, and such a file could not be read back.
 */

/** Chunk sizes in bytes: h5py aims at 16 KiB per MiB of data (doubling per decade), within these. */
const CHUNK_BASE_BYTES = 16 * 1024;
const CHUNK_MIN_BYTES = 8 * 1024;
const CHUNK_MAX_BYTES = 1024 * 1024;

/** The chunk shape for a dataset of `shape` (non-empty, no zero dimension) and `elementBytes`. */
export function chunkShape(shape: readonly number[], elementBytes: number): number[] {
    const chunks = [...shape];
    const bytes = () => chunks.reduce((a, b) => a * b, elementBytes);
    const datasetBytes = bytes();
    const target = Math.min(CHUNK_MAX_BYTES, Math.max(CHUNK_MIN_BYTES, CHUNK_BASE_BYTES * 2 ** Math.log10(datasetBytes / (1024 * 1024))));
    // Halve the dimensions in turn until the chunk is near the target and under the maximum.
    for (let turn = 0; ; turn++) {
        const chunkBytes = bytes();
        const nearTarget = chunkBytes < target || Math.abs(chunkBytes - target) / target < 0.5;
        if ((nearTarget && chunkBytes < CHUNK_MAX_BYTES) || chunkBytes === elementBytes) return chunks;
        const axis = turn % chunks.length;
        chunks[axis] = Math.ceil(chunks[axis] / 2);
    }
}
