import { graphCheck, graphLabel } from './graph-check.js';
import { looksCrossLevel, missingEnds, otherEndInfo, type MissingEnd } from './edge-ends.js';

/**
 * An edge end written as `graph.port` (or any dotted name that matches no node): NIR has no
 * subgraph port syntax; edges join nodes of one graph level, and a subgraph is connected as a node.
 */
export const CROSS_LEVEL_EDGE = graphCheck({
    id: 'nir/cross-level-edge',
    severity: 'error',
    title: 'An edge reaches into or out of a nested graph with `graph.port` syntax, which NIR does not have.',
    run(ctx) {
        for (const missing of missingEnds(ctx.analysis)) {
            if (!looksCrossLevel(missing.name)) continue;
            ctx.report({ code: 'nir/cross-level-edge', severity: 'error', message: message(missing), origin: missing.origin, related: otherEndInfo(missing) });
        }
    },
});

function message(missing: MissingEnd): string {
    const dot = missing.name.indexOf('.');
    const prefix = missing.name.slice(0, dot);
    const port = missing.name.slice(dot + 1);
    const sub = missing.graph.nodes?.get(prefix);
    const notNir = `'${missing.name}' is not a node of ${graphLabel(missing.graph)}, and subgraph port syntax (graph.port) is not NIR: an edge joins two nodes of the same graph.`;
    if (!sub?.nodes) return notNir;
    const portType = missing.end === 'target' ? 'Input' : 'Output';
    const portNode = sub.nodes.get(port);
    const portNote = portNode?.type === portType ? `; its ${portType} node '${port}' is the port` : '';
    return `${notNir} Connect '${prefix}' itself${portNote}.`;
}
