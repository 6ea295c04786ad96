/**
 * Bounds that keep hostile `.nir` files from exhausting time or memory. Declared sizes are
 * checked before any data is read.
 */

/** The most elements one dataset may hold (2^27 ≈ 134 M, 1 GiB of float64). */
export const MAX_DATASET_ELEMENTS = 2 ** 27;

/** The most bytes one dataset may decode to. */
export const MAX_DATASET_BYTES = 512 * 1024 * 1024;

/** The most bytes all datasets of one file may decode to together. */
export const MAX_FILE_DECODED_BYTES = 1024 * 1024 * 1024;

/** The deepest nesting of groups (graphs within graphs, metadata within metadata). */
export const MAX_GROUP_DEPTH = 64;

/** The most HDF5 objects (groups and datasets) read from one file. */
export const MAX_OBJECTS = 1_000_000;
