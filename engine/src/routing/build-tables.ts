import type { Problem } from '../diagnostics/problem.js';
import { chipKey } from './mesh.js';
import { checkSources } from './source-checks.js';
import { buildTree } from './tree.js';
import { MAX_PES_PER_CHIP, type BuildRoutingOptions, type MeshTopology, type MulticastSource, type MulticastTree, type RoutingEntry, type RoutingResult } from './types.js';

/**
 * Routes every source to its destinations on the mesh and builds every chip's routing table:
 * one entry per (source, chip its tree passes through), holding the union of the chip's outgoing
 * links and local destination PEs, and the link its packets arrive on, in source order. Entries
 * that default routing handles (in on one link, out on the opposite one only) stay in: they are
 * what tells `minimiseTable` that those keys do arrive, and it drops them itself. Sources that
 * cannot be routed become `routing/…` problems.
 */
export function buildRoutingTables(topology: MeshTopology, sources: readonly MulticastSource[], options: BuildRoutingOptions = {}): RoutingResult {
    const problems: Problem[] = [];
    const tables = new Map<string, RoutingEntry[]>();
    const uncompressedSizes = new Map<string, number>();
    const linkLoads = new Map<string, Uint32Array>();
    const trees: MulticastTree[] = [];
    const usable = checkSources(topology, sources, problems);
    sources.forEach((source, index) => {
        if (!usable[index]) return;
        const tree = buildTree(topology, source, index, options.pesPerChip ?? MAX_PES_PER_CHIP, problems);
        trees.push(tree);
        for (const node of tree.nodes) {
            const chip = chipKey(node.chip);
            uncompressedSizes.set(chip, (uncompressedSizes.get(chip) ?? 0) + 1);
            let loads = linkLoads.get(chip);
            if (loads === undefined) linkLoads.set(chip, (loads = new Uint32Array(6)));
            for (let link = 0; link < 6; link++) if (node.route.links & (1 << link)) loads[link]++;
            const entry: RoutingEntry = { key: source.key >>> 0, mask: source.mask >>> 0, route: node.route, source: node.arrival === undefined ? 0 : 1 << node.arrival };
            const table = tables.get(chip);
            if (table === undefined) tables.set(chip, [entry]);
            else table.push(entry);
        }
    });
    return { tables, uncompressedSizes, linkLoads, trees, problems };
}
