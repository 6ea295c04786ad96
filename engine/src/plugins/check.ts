import type { Problem, Severity } from '../diagnostics/problem.js';
import type { GraphAnalysis } from '../graph/analysis.js';
import type { NirDocument } from '../nir/graph.js';
import type { CancellationToken } from '../util/cancellation.js';
import type { HardwareTarget } from './target.js';
import type { Registry } from './registry.js';
import type { MappingResult } from './mapper.js';

/**
 * When a check runs. `fast` checks run after every edit; `slow` ones (those that need the full
 * mapping) run on save or on request, as in Langium's validation categories.
 */
export type CheckCategory = 'fast' | 'slow';

/** The unit NIR time values (Delay's `delay`, the graph's `metadata.dt`) are written in; exporters write seconds. */
export type TimeUnit = 's' | 'ms';

/**
 * The unit of a document's time values: the root graph's `metadata.time_unit` when it names one
 * (`s` or `ms`), which the document says of itself, else the caller's choice (`--time-unit`, the
 * editor's setting), else undefined (seconds).
 */
export function documentTimeUnit(document: NirDocument, requested: TimeUnit | undefined): TimeUnit | undefined {
    const written = document.root.metadata.entries.get('time_unit');
    return written?.kind === 'string' && (written.value === 's' || written.value === 'ms') ? written.value : requested;
}

/** Seconds per unit of a `TimeUnit`. */
export function secondsPer(unit: TimeUnit | undefined): number {
    return unit === 'ms' ? 1e-3 : 1;
}

/** What a check may look at. `target` is undefined under `--target none`; `mapping` only for slow checks. */
export interface CheckContext {
    readonly analysis: GraphAnalysis;
    readonly registry: Registry;
    readonly target?: HardwareTarget;
    readonly mapping?: MappingResult;
    readonly token?: CancellationToken;
    /** The unit of the document's time values; default `s`. */
    readonly timeUnit?: TimeUnit;
    /** Reports a problem; its `code` should be the check's id. */
    report(problem: Problem): void;
}

/**
 * One rule. Its id is the diagnostic code (`nir/dangling-edge`, `spinnaker2/sram-per-pe`) and has
 * exactly one entry in `docs/diagnostics.md`.
 */
export interface Check {
    readonly id: string;
    readonly category: CheckCategory;
    /** The severity it reports with, for docs. */
    readonly severity: Severity;
    /** One line for the docs index. */
    readonly title: string;
    /** `graph`: NIR alone; `target`: needs a hardware target; `mapping`: needs the mapper's result. */
    readonly needs: 'graph' | 'target' | 'mapping';
    run(ctx: CheckContext): void;
}
