import type { Problem } from '../diagnostics/problem.js';

/** The eight bytes every HDF5 file starts with (at offset 0 or after a user block of 512·2^k bytes). */
const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** The smallest HDF5 file (superblock and root group) is a few hundred bytes; less is certainly truncated. */
const MIN_HDF5_BYTES = 96;

/** True when the bytes carry the HDF5 signature where HDF5 looks for it. */
export function hasHdf5Signature(bytes: Uint8Array): boolean {
    for (let offset = 0; offset + HDF5_SIGNATURE.length <= bytes.length; offset = offset === 0 ? 512 : offset * 2) {
        if (HDF5_SIGNATURE.every((b, i) => bytes[offset + i] === b)) return true;
    }
    return false;
}

/** Why the bytes cannot be an HDF5 file at all, before HDF5 sees them; undefined when they may be. */
export function openProblem(bytes: Uint8Array): Problem | undefined {
    if (!hasHdf5Signature(bytes)) {
        const what = bytes.length === 0 ? 'The file is empty' : 'The file does not start with the HDF5 signature (\\x89HDF\\r\\n\\x1a\\n)';
        return { code: 'hdf5/not-hdf5', severity: 'error', message: `${what}, so it is not a .nir (HDF5) file.`, origin: { path: '/' } };
    }
    if (bytes.length < MIN_HDF5_BYTES) {
        return { code: 'hdf5/unreadable-file', severity: 'error', message: `The file is only ${bytes.length} bytes long: a truncated HDF5 file.`, origin: { path: '/' } };
    }
    return undefined;
}
