import type { Check, CheckContext } from '../../plugins/check.js';
import type { Severity } from '../../diagnostics/problem.js';
import type { HardwareTarget } from '../../plugins/target.js';
import type { MachineGraph } from '../../machine/machine-graph.js';
import { machineGraphOf } from '../../machine/lower.js';

/** What a SpiNNaker rule receives: the check context, the target, and the lowered machine graph. */
export interface RuleContext {
    readonly ctx: CheckContext;
    readonly target: HardwareTarget;
    readonly graph: MachineGraph;
}

/**
 * A check of the SpiNNaker family. It runs only for targets that carry a mesh (SpiNNaker-style
 * targets; a plugin target without one is skipped) and sees the shared, cached machine graph.
 */
export function spinnakerCheck(
    id: string,
    severity: Severity,
    title: string,
    needs: 'target' | 'mapping',
    rule: (rc: RuleContext) => void,
): Check {
    return {
        id,
        category: needs === 'mapping' ? 'slow' : 'fast',
        severity,
        title,
        needs,
        run(ctx) {
            const target = ctx.target;
            if (!target?.topology) return;
            rule({ ctx, target, graph: machineGraphOf(ctx.analysis) });
        },
    };
}

const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const SMALL = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/** A number for a message: thousands separators (`12,345`), three significant digits below 100 (`0.0167`). */
export function fmt(n: number): string {
    if (!Number.isFinite(n)) return String(n);
    return (Math.abs(n) >= 100 || Number.isInteger(n) ? WHOLE : SMALL).format(n);
}

/** A ratio as a percentage with one decimal (`4.2%`). */
export function pct(ratio: number): string {
    return `${(ratio * 100).toFixed(1)}%`;
}
