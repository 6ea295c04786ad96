import type { Problem } from '../diagnostics/problem.js';
import type { MeshTopology, MulticastTree, RoutingEntry } from '../routing/types.js';
import type { SourceSet } from './multicast-sources.js';
import { buildRoutingTables, minimiseTable, verifyTable } from '../routing/index.js';

/** Every chip's routing-table size before and after minimisation, and the trees behind them. */
export interface RoutedTables {
    /** `"x,y"` → entries: one per tree through the chip (before), and in the minimised table (after). */
    readonly sizes: Map<string, { readonly before: number; readonly after: number }>;
    readonly trees: readonly MulticastTree[];
    /** Every chip's minimised table, keyed `"x,y"`, for the machine program. */
    readonly minimised: Map<string, RoutingEntry[]>;
    readonly problems: Problem[];
    readonly minimiseMs: number;
}

/** Sources routed per call, so that a long routing run yields (and can be cancelled) between calls. */
const BATCH = 4096;

/**
 * Routes the sources (routing/ builds shortest-path multicast trees and the tables) in batches,
 * minimises every chip's table and verifies that the minimised table routes every key as the
 * full one did. A failed verification is a bug, reported as `spinnaker2/route-verification` on the
 * population whose key it concerns. `pause` lets a long run yield and be cancelled between batches
 * and between chips.
 */
export async function routeAndMinimise(
    topology: MeshTopology,
    set: SourceSet,
    pesPerChip: number,
    pause: () => Promise<void>,
): Promise<RoutedTables> {
    const tables = new Map<string, RoutingEntry[]>();
    const uncompressed = new Map<string, number>();
    const trees: MulticastTree[] = [];
    const problems: Problem[] = [];
    for (let start = 0; start < set.sources.length; start += BATCH) {
        await pause();
        const part = buildRoutingTables(topology, set.sources.slice(start, start + BATCH), { pesPerChip });
        for (const [chip, entries] of part.tables) {
            const table = tables.get(chip);
            if (table) for (const entry of entries) table.push(entry);
            else tables.set(chip, entries);
        }
        for (const [chip, n] of part.uncompressedSizes) uncompressed.set(chip, (uncompressed.get(chip) ?? 0) + n);
        for (const tree of part.trees) trees.push(start === 0 ? tree : { sourceIndex: tree.sourceIndex + start, nodes: tree.nodes });
        problems.push(...part.problems);
    }
    const sizes = new Map<string, { before: number; after: number }>();
    const minimisedTables = new Map<string, RoutingEntry[]>();
    const started = performance.now();
    for (const [chip, before] of uncompressed) {
        await pause();
        const table = tables.get(chip) ?? [];
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
        if (minimised.length > 0) minimisedTables.set(chip, minimised);
    }
    return { sizes, trees, minimised: minimisedTables, problems, minimiseMs: performance.now() - started };
}
