import type { Problem } from '../diagnostics/problem.js';
import type { ChipPe } from '../routing/types.js';
import type { MachineGraph } from '../machine/machine-graph.js';
import type { SourceSet } from './multicast-sources.js';

/**
 * The most multicast routes (one source's chip to one destination chip) the mapper builds. Each
 * becomes at least one tree node and one routing-table entry (a few hundred bytes with its share of
 * minimisation), so this bounds the routing stage's memory near a gigabyte and its time to about a
 * minute; a random projection over a whole 720-board machine needs far more.
 */
export const MAX_ROUTES = 1_000_000;

/** The routes each population's sources need: distinct destination chips per source, summed by population. */
export function routesByPopulation(set: SourceSet, populations: number): Float64Array {
    const chipsOf = new Map<readonly ChipPe[], number>();
    const routes = new Float64Array(populations);
    set.sources.forEach((source, i) => {
        let chips = chipsOf.get(source.destinations);
        if (chips === undefined) chipsOf.set(source.destinations, (chips = new Set(source.destinations.map((d) => `${d.chip.x},${d.chip.y}`)).size));
        routes[set.population[i]] += chips;
    });
    return routes;
}

/**
 * The problem to report when routing would exceed `MAX_ROUTES` (routing is then skipped), on the
 * population that needs the most routes; undefined when routing fits the budget.
 */
export function routeBudgetProblem(graph: MachineGraph, routes: Float64Array): Problem | undefined {
    const total = routes.reduce((a, b) => a + b, 0);
    if (total <= MAX_ROUTES) return undefined;
    let worst = 0;
    for (let i = 1; i < routes.length; i++) if (routes[i] > routes[worst]) worst = i;
    const population = graph.populations[worst];
    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    return {
        code: 'spinnaker2/too-many-routes',
        severity: 'error',
        message: `routing this network needs ${fmt(total)} multicast routes (from a source's chip to a destination chip), more than the ${fmt(MAX_ROUTES)} NIRmesh builds, so routing tables, link traffic and power were not worked out; '${population.name}' alone sends ${fmt(routes[worst])}. Suggestion: connect populations locally (convolutions, one-to-one, block-diagonal weights) rather than at random across the machine, or map a smaller network.`,
        origin: population.node.node.origin,
    };
}
