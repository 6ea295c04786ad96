import type { Problem } from '../diagnostics/problem.js';
import type { GraphAnalysis } from '../graph/analysis.js';
import type { CheckCategory, TimeUnit } from '../plugins/check.js';
import type { Registry } from '../plugins/registry.js';
import type { HardwareTarget } from '../plugins/target.js';
import type { MappingResult } from '../plugins/mapper.js';
import { throwIfCancelled, type CancellationToken } from '../util/cancellation.js';
import { capMessage } from '../diagnostics/quote.js';

/** Which checks to run and with what. */
export interface CheckRunOptions {
    readonly categories: readonly CheckCategory[];
    readonly target?: HardwareTarget;
    /** With a mapping, only the checks that need it run; without one, only those that do not. */
    readonly mapping?: MappingResult;
    readonly token?: CancellationToken;
    /** The unit of the document's time values; default `s`. */
    readonly timeUnit?: TimeUnit;
}

/**
 * Runs every registered check whose category is selected and whose needs are met, guarding each
 * so that one failing check becomes an `engine/internal-error` problem instead of a crash. The
 * token is checked before each check, so a newer edit stops a run between checks.
 */
export function runChecks(analysis: GraphAnalysis, registry: Registry, options: CheckRunOptions): Problem[] {
    const problems: Problem[] = [];
    for (const check of registry.checks.all()) {
        if (!options.categories.includes(check.category)) continue;
        if (check.needs !== 'graph' && !options.target) continue;
        if ((check.needs === 'mapping') !== (options.mapping !== undefined)) continue;
        throwIfCancelled(options.token);
        try {
            check.run({
                analysis,
                registry,
                target: options.target,
                mapping: options.mapping,
                token: options.token,
                timeUnit: options.timeUnit,
                report: (problem) => problems.push(problem.message.length > 1000 ? { ...problem, message: capMessage(problem.message) } : problem),
            });
        } catch (error) {
            if (error instanceof Error && error.name === 'OperationCancelled') throw error;
            problems.push({
                code: 'engine/internal-error',
                severity: 'error',
                message: `check ${check.id} failed: ${error instanceof Error ? error.message : String(error)}`,
                origin: analysis.document.root.origin,
            });
        }
    }
    return problems;
}
