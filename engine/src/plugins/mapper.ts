import type { GraphAnalysis } from '../graph/analysis.js';
import type { Problem } from '../diagnostics/problem.js';
import type { CancellationToken } from '../util/cancellation.js';
import type { HardwareTarget } from './target.js';

/** The result of placing a network on a target; extended by the mapping work. */
export interface MappingResult {
    readonly targetId: string;
    readonly mapperId: string;
    readonly problems: readonly Problem[];
}

/** Places a network on a target. Deterministic for the same input. */
export interface Mapper {
    readonly id: string;
    readonly title: string;
    map(analysis: GraphAnalysis, target: HardwareTarget, token?: CancellationToken): Promise<MappingResult>;
}
