import { isDefaultRoutable } from './default-route.js';
import { orderedCovering } from './ordered-covering.js';
import type { OcRegions } from './oc-table.js';
import { effectiveRegions } from './regions.js';
import type { RouteSet } from './route-set.js';
import type { MinimiseOptions, RoutingEntry } from './types.js';

/**
 * Minimises an ordered routing table: the result routes every key that the original routes to
 * the same place (see `verifyTable` for the exact rule), usually with fewer entries.
 *
 * Default-routable entries are dropped (their keys stay guarded: no entry of another route may
 * capture them), then ordered covering merges entries of equal routes into covering key/mask
 * pairs. Deterministic. Returns the original entries unchanged if that would be no larger.
 */
export function minimiseTable(entries: readonly RoutingEntry[], options: MinimiseOptions = {}): RoutingEntry[] {
    const removeDefaults = options.removeDefaultRoutes ?? true;
    const routes: RouteSet[] = [];
    const routeIndex = new Map<string, number>();
    const intern = (route: RouteSet): number => {
        let index = routeIndex.get(route.id);
        if (index === undefined) {
            index = routes.length;
            routes.push(route);
            routeIndex.set(route.id, index);
        }
        return index;
    };

    const pieces = effectiveRegions(entries);
    const count = pieces.reduce((n, p) => n + p.length, 0);
    const regions: OcRegions = { key: new Uint32Array(count), mask: new Uint32Array(count), route: new Int32Array(count), phantom: new Uint8Array(count) };
    const regionSource = new Uint8Array(count);
    let r = 0;
    entries.forEach((entry, i) => {
        const route = intern(entry.route);
        const defaulted = removeDefaults && isDefaultRoutable(entry) ? 1 : 0;
        for (const piece of pieces[i]) {
            regions.key[r] = piece.key;
            regions.mask[r] = piece.mask;
            regions.route[r] = route;
            regions.phantom[r] = defaulted;
            regionSource[r] = (entry.source ?? 0) & 0x3f;
            r++;
        }
    });

    const table = orderedCovering(regions, Math.max(0, options.targetSize ?? 0));
    if (table.length > entries.length) return [...entries];
    return table.map((entry) => {
        let source = 0;
        for (const a of entry.aliases) source |= regionSource[a];
        return { key: entry.key, mask: entry.mask, route: routes[entry.route], source };
    });
}
