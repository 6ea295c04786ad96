import type { GraphAnalysis } from '../../graph/analysis.js';
import type { Problem } from '../../diagnostics/problem.js';
import { machineGraphOf } from '../../machine/lower.js';
import type { PynnNetwork } from './network.js';

/** What every PyNN export of a network with projections approximates, whatever its node types. */
export const TIMING_APPROXIMATIONS: readonly string[] = [
    'NIR delivers a spike one tick after it is sent. Brian2 does so too (delay 0, applied after the tick\'s resets); NEURON, NEST and sPyNNaker need a delay of at least dt on every connection, so there each projection adds one tick of latency.',
    'Spike times are read back on the tick grid (rounded to the nearest tick).',
];

/**
 * The approximations of an export as warnings (`export/approximation`): one per node and way its
 * PyNN cell differs from the NIR node, on the node; the timing ones once, on the graph.
 */
export function networkApproximations(analysis: GraphAnalysis, network: PynnNetwork): Problem[] {
    const pops = machineGraphOf(analysis).populations;
    const problems: Problem[] = [];
    network.populations.forEach((p, i) => {
        for (const message of p.model?.approximations ?? []) {
            problems.push({ code: 'export/approximation', severity: 'warning', message: `'${p.name}' (${p.type}): ${message}`, origin: pops[i].node.node.origin });
        }
    });
    if (network.projections.length > 0) {
        for (const message of TIMING_APPROXIMATIONS) {
            problems.push({ code: 'export/approximation', severity: 'warning', message, origin: analysis.document.root.origin });
        }
    }
    return problems;
}
