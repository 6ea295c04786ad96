/**
 * h5wasm cannot create HDF5 enum or half-float types, so the writer stores `bool` as int8 and
 * `float16` as float32 (both exact) and names the real dtype in this attribute on the dataset.
 * h5py and NIR's reader ignore the attribute and see int8 / float32 values; NIRmesh's reader
 * restores the dtype, so its own round trips stay exact.
 */
export const DTYPE_MARKER_ATTRIBUTE = 'nirmesh_dtype';
