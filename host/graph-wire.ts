import type { GraphAnalysis, NirNode, Span } from '../engine/src/index.js';
import type { GraphEdgeWire, GraphNodeWire, GraphWire, WireRange } from '../protocol/index.js';

/**
 * A graph analysis in its wire form: every node but the root, depth first as written, with its
 * parent graph's path, its output shape and where it is written: its name's span (else its value's)
 * through `rangeOf`, the host's own span → position conversion. Edges by node path, dangling ones
 * left out.
 */
export function toGraphWire(analysis: GraphAnalysis, rangeOf: (span: Span) => WireRange | null): GraphWire {
    const pathOf = (node: NirNode | undefined) => (node ? analysis.get(node)?.path : undefined);
    const nodes: GraphNodeWire[] = [];
    const edges: GraphEdgeWire[] = [];
    for (const analysed of analysis.nodes) {
        const { node } = analysed;
        if (analysed.depth > 0) {
            const span = node.origin.keySpan ?? node.origin.span;
            nodes.push({
                path: analysed.path,
                name: node.name,
                type: node.type,
                parent: analysed.depth > 1 ? (pathOf(analysed.parent) ?? null) : null,
                shape: analysed.outputShape ? [...analysed.outputShape] : null,
                range: span ? rangeOf(span) : null,
            });
        }
        for (const edge of node.edges ?? []) {
            const source = pathOf(node.nodes?.get(edge.source));
            const target = pathOf(node.nodes?.get(edge.target));
            if (source && target) edges.push({ source, target });
        }
    }
    return { nodes, edges };
}
