import type { BuildRoutingOptions, MeshTopology, MulticastSource, RoutingResult } from './types.js';

/**
 * Routes every source to its destinations on the mesh (shortest paths, wrap-aware, branches
 * shared) and builds every chip's routing table. (Stub: being implemented now.)
 */
export function buildRoutingTables(_topology: MeshTopology, _sources: readonly MulticastSource[], _options: BuildRoutingOptions = {}): RoutingResult {
    throw new Error('buildRoutingTables: not implemented yet');
}
