import type { Origin } from '../nir/origin.js';

/** How bad a problem is. `error` blocks mapping and makes `nirmesh check` exit 1. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Another place that explains a problem: the other end of a bad edge, the population sharing a PE. */
export interface RelatedInfo {
    readonly message: string;
    readonly origin: Origin;
}

/**
 * One thing wrong (or worth knowing) about a document. Problems carry origins, never line/column:
 * only the server and the CLI turn spans into positions.
 */
export interface Problem {
    /** A stable, namespaced code: the id of the check that found it (`nir/dangling-edge`). */
    readonly code: string;
    readonly severity: Severity;
    /** One or two plain sentences; numbers with their units; no markup. */
    readonly message: string;
    readonly origin: Origin;
    readonly related?: readonly RelatedInfo[];
    /**
     * Plain JSON for quick fixes (`{ fix: 'set-neurons-per-core', value: 128 }`); it survives the
     * round trip through the editor to a code-action request.
     */
    readonly data?: Readonly<Record<string, unknown>>;
}

/** The rank of a severity, most severe first (for sorting and thresholds). */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, hint: 3 };

/** True when any problem is an error. */
export function hasErrors(problems: readonly Problem[]): boolean {
    return problems.some((p) => p.severity === 'error');
}
