import type { Problem, Severity } from '../diagnostics/problem.js';
import type { Origin } from '../nir/origin.js';

/** The `engine/internal-error` problem for an unexpected failure inside the reader or writer. */
export function internalError(error: unknown, origin: Origin = { path: '/' }): Problem {
    const detail = error instanceof Error ? error.message : String(error);
    return { code: 'engine/internal-error', severity: 'error', message: `Internal error while handling the HDF5 file: ${detail}`, origin };
}

/**
 * Every code the HDF5 reader and writer emit, each with one entry in docs/diagnostics/hdf5.md
 * (`engine/internal-error` aside, documented with the engine's codes).
 */
export const HDF5_CODES = [
    { code: 'hdf5/not-hdf5' }, { code: 'hdf5/unreadable-file' }, { code: 'hdf5/no-root-node' },
    { code: 'hdf5/missing-version' }, { code: 'hdf5/bad-version' }, { code: 'hdf5/legacy-layout' },
    { code: 'hdf5/missing-type' }, { code: 'hdf5/bad-type' }, { code: 'hdf5/unexpected-object' },
    { code: 'hdf5/bad-object' }, { code: 'hdf5/bad-edges' }, { code: 'hdf5/bad-data' },
    { code: 'hdf5/unsupported-dtype' }, { code: 'hdf5/unsupported-filter' }, { code: 'hdf5/dataset-too-large' },
    { code: 'hdf5/too-deep' }, { code: 'hdf5/too-many-objects' }, { code: 'hdf5/bad-name' },
    { code: 'hdf5/tensor-too-large' }, { code: 'hdf5/repeated-object' },
    { code: 'hdf5/write-failed' }, { code: 'hdf5/unstorable-string' },
] as const;

/** One of `HDF5_CODES`. */
export type Hdf5Code = (typeof HDF5_CODES)[number]['code'];

/** A problem at an HDF5 path. */
export function problemAt(code: Hdf5Code, severity: Severity, message: string, path: string): Problem {
    return { code, severity, message, origin: { path } };
}

/**
 * A one-line summary of an h5wasm error: HDF5's error stacks name the failed call first and the
 * deepest cause last (`can't get info for object '/node/w' (unable to get data model object info)`).
 */
export function hdf5ErrorSummary(error: unknown): string {
    const raw = error instanceof Error ? error.message : String(error);
    // h5wasm's own words when HDF5 cannot open an object it can name.
    const text = raw === 'error - name not defined!' ? 'HDF5 cannot open the object' : raw;
    const causes = [...text.matchAll(/#\d+: .* in [\w.]+\(\): (.*)$/gm)].map((m) => m[1].trim());
    const summary = causes.length === 0 ? text.split('\n')[0] : causes.length === 1 ? causes[0] : `${causes[0]} (${causes[causes.length - 1]})`;
    return summary.length > 300 ? `${summary.slice(0, 300)}…` : summary;
}
