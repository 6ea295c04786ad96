/** The language id of `*.nir.yaml` specs (package.json `contributes.languages`). */
export const SPEC_LANGUAGE_ID = 'nir-yaml';

/** The language id given to `.nir` (HDF5) files: the server reads their bytes from disk. */
export const NIR_LANGUAGE_ID = 'nir';
