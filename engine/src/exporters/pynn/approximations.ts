import type { GraphAnalysis } from '../../graph/analysis.js';
import type { Problem } from '../../diagnostics/problem.js';
import { machineGraphOf } from '../../machine/lower.js';
import type { PynnNetwork } from './network.js';

/** What every PyNN export of a network with projections approximates, whatever its node types. */
export const TIMING_APPROXIMATIONS: readonly string[] = [
    'NIR delivers a spike one tick after it is sent. Brian2 does so too (delay 0, applied after the tick\'s resets); NEST and sPyNNaker need a delay of at least dt, and NEURON\'s parallel network one that exceeds dt (2·dt), on every connection, so there each projection adds one tick (NEURON: two) of latency.',
    'Spike times are read back on the tick grid (rounded to the nearest tick).',
];

/** What an export with Input nodes approximates when they are driven by `run.py --poisson`. */
export const POISSON_APPROXIMATION = 'run.py --poisson draws its spikes with numpy on the tick grid, seeded per node by --seed: the same spikes on every backend and process count, but not the ones nirmesh run --poisson draws; drive both with --input to compare them.';

/**
 * The approximations of an export as warnings (`export/approximation`): one per node and way its
 * PyNN cell differs from the NIR node, on the node; the timing and input ones once, on the graph.
 */
export function networkApproximations(analysis: GraphAnalysis, network: PynnNetwork): Problem[] {
    const pops = machineGraphOf(analysis).populations;
    const problems: Problem[] = [];
    network.populations.forEach((p, i) => {
        for (const message of p.model?.approximations ?? []) {
            problems.push({ code: 'export/approximation', severity: 'warning', message: `'${p.name}' (${p.type}): ${message}`, origin: pops[i].node.node.origin });
        }
    });
    if (network.populations.some((p) => !p.model)) {
        problems.push({ code: 'export/approximation', severity: 'warning', message: POISSON_APPROXIMATION, origin: analysis.document.root.origin });
    }
    if (network.projections.length > 0) {
        for (const message of TIMING_APPROXIMATIONS) {
            problems.push({ code: 'export/approximation', severity: 'warning', message, origin: analysis.document.root.origin });
        }
    }
    return problems;
}
