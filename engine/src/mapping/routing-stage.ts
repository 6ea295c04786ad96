import type { Problem } from '../diagnostics/problem.js';
import type { MeshTopology, MulticastTree } from '../routing/types.js';
import type { SourceSet } from './multicast-sources.js';
import { buildRoutingTables, minimiseTable, verifyTable } from '../routing/index.js';

/** Every chip's routing-table size before and after minimisation, and the trees behind them. */
export interface RoutedTables {
    /** `"x,y"` → entries: one per tree through the chip (before), and in the minimised table (after). */
    readonly sizes: Map<string, { readonly before: number; readonly after: number }>;
    readonly trees: readonly MulticastTree[];
    readonly problems: Problem[];
    readonly minimiseMs: number;
}

/**
 * Routes the sources (routing/ builds shortest-path multicast trees and the tables), minimises
 * every chip's table and verifies that the minimised table routes every key as the full one did.
 * A failed verification is a bug, reported as `spinnaker2/route-verification` on the population
 * whose key it concerns. `pause` lets a long run yield and be cancelled between chips.
 */
export async function routeAndMinimise(
    topology: MeshTopology,
    set: SourceSet,
    pesPerChip: number,
    pause: () => Promise<void>,
): Promise<RoutedTables> {
    const result = buildRoutingTables(topology, set.sources, { pesPerChip });
    const problems: Problem[] = [...result.problems];
    const sizes = new Map<string, { before: number; after: number }>();
    const started = performance.now();
    for (const [chip, before] of result.uncompressedSizes) {
        await pause();
        const table = result.tables.get(chip) ?? [];
        const minimised = minimiseTable(table);
        const verdict = verifyTable(table, minimised);
        if (!verdict.ok) {
            const source = set.sources.find((s) => ((verdict.key & s.mask) >>> 0) === s.key);
            problems.push({
                code: 'spinnaker2/route-verification',
                severity: 'error',
                message: `the minimised routing table of chip (${chip}) routes key 0x${(verdict.key >>> 0).toString(16)} to ${String(verdict.actual)} instead of ${verdict.expected.toString()}; this is a NIRmesh bug, please report it with this network.`,
                origin: source?.origin ?? { path: '/' },
            });
        }
        sizes.set(chip, { before, after: minimised.length });
    }
    return { sizes, trees: result.trees, problems, minimiseMs: performance.now() - started };
}
