import type { NirEdge, NirNode } from '../../nir/graph.js';
import type { Origin } from '../../nir/origin.js';
import type { RelatedInfo } from '../../diagnostics/problem.js';
import type { GraphAnalysis } from '../../graph/analysis.js';
import { nodeNameOrigin } from '../../nir/kinds/origins.js';
import { graphsOf } from './graph-check.js';

/** One end of an edge whose name is not a node of the edge's graph. */
export interface MissingEnd {
    readonly graph: NirNode;
    readonly edge: NirEdge;
    readonly end: 'source' | 'target';
    readonly name: string;
    /** The origin of the name itself. */
    readonly origin: Origin;
    /** The other end's node, when it exists. */
    readonly other?: NirNode;
}

/** The missing ends of an analysis, shared by the dangling-edge and cross-level-edge checks. */
const missingByAnalysis = new WeakMap<GraphAnalysis, readonly MissingEnd[]>();

/** Every edge end, in every graph, that names no node of its graph (the same array for the same analysis). */
export function missingEnds(analysis: GraphAnalysis): readonly MissingEnd[] {
    let missing = missingByAnalysis.get(analysis);
    if (!missing) {
        missing = graphsOf(analysis).flatMap((g) => missingEndsOf(g.node));
        missingByAnalysis.set(analysis, missing);
    }
    return missing;
}

function missingEndsOf(graph: NirNode): MissingEnd[] {
    const found: MissingEnd[] = [];
    for (const edge of graph.edges ?? []) {
        for (const end of ['source', 'target'] as const) {
            const name = edge[end];
            if (graph.nodes?.has(name)) continue;
            const other = graph.nodes?.get(end === 'source' ? edge.target : edge.source);
            found.push({ graph, edge, end, name, origin: end === 'source' ? edge.sourceOrigin : edge.targetOrigin, other });
        }
    }
    return found;
}

/** Edges across graph levels write `graph.port`: a name with a dot that matches no node. */
export function looksCrossLevel(name: string): boolean {
    return name.includes('.');
}

/** Related information pointing at the existing other end of an edge. */
export function otherEndInfo(missing: MissingEnd): RelatedInfo[] {
    if (!missing.other) return [];
    const role = missing.end === 'source' ? 'target' : 'source';
    return [{ message: `The edge's ${role} '${missing.other.name}'`, origin: nodeNameOrigin(missing.other) }];
}
