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
