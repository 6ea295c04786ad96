import type { Problem, Severity } from '../diagnostics/problem.js';
import type { Origin } from '../nir/origin.js';

/** The `engine/internal-error` problem for an unexpected failure inside the reader or writer. */
export function internalError(error: unknown, origin: Origin = { path: '/' }): Problem {
    const detail = error instanceof Error ? error.message : String(error);
    return { code: 'engine/internal-error', severity: 'error', message: `Internal error while handling the HDF5 file: ${detail}`, origin };
}

/** A problem at an HDF5 path. */
export function problemAt(code: string, severity: Severity, message: string, path: string): Problem {
    return { code, severity, message, origin: { path } };
}

/**
 * A one-line summary of an h5wasm error: HDF5's error stacks name the failed call first and the
 * deepest cause last (`can't get info for object '/node/w' (unable to get data model object info)`).
 */
export function hdf5ErrorSummary(error: unknown): string {
    const text = error instanceof Error ? error.message : String(error);
    const causes = [...text.matchAll(/#\d+: .* in [\w.]+\(\): (.*)$/gm)].map((m) => m[1].trim());
    const summary = causes.length === 0 ? text.split('\n')[0] : causes.length === 1 ? causes[0] : `${causes[0]} (${causes[causes.length - 1]})`;
    return summary.length > 300 ? `${summary.slice(0, 300)}…` : summary;
}
