import type { AnalysedNode, GraphAnalysis } from '../../graph/analysis.js';
import type { NirEdge, NirNode } from '../../nir/graph.js';
import type { Origin } from '../../nir/origin.js';
import type { Severity } from '../../diagnostics/problem.js';
import type { Shape } from '../../plugins/node-kind.js';
import { graphsOf } from './graph-check.js';
import { formatShape, sameShape } from '../../nir/kinds/index.js';
import { convShapes } from '../../nir/kinds/conv.js';
import { intScalar } from '../../nir/kinds/param-values.js';
import { paramOrigin } from '../../nir/kinds/origins.js';

/**
 * What an edge carries compared with what its target takes: the shared reasoning of the
 * edge-shape, reference-shape-rule and multi-port-edge checks.
 */

/** An edge whose two ends are nodes of its graph. */
export interface JoinedEdge {
    readonly graph: NirNode;
    readonly edge: NirEdge;
    readonly source: AnalysedNode;
    readonly target: AnalysedNode;
}

/** The joined edges of an analysis, shared by the checks that read them (computed once per analysis). */
const joinedByAnalysis = new WeakMap<GraphAnalysis, readonly JoinedEdge[]>();

/** Every edge, in every graph, whose source and target both exist (the same array for the same analysis). */
export function joinedEdges(analysis: GraphAnalysis): readonly JoinedEdge[] {
    let joined = joinedByAnalysis.get(analysis);
    if (!joined) {
        joined = findJoinedEdges(analysis);
        joinedByAnalysis.set(analysis, joined);
    }
    return joined;
}

function findJoinedEdges(analysis: GraphAnalysis): JoinedEdge[] {
    const joined: JoinedEdge[] = [];
    for (const graph of graphsOf(analysis)) {
        for (const edge of graph.node.edges ?? []) {
            const source = graph.node.nodes?.get(edge.source);
            const target = graph.node.nodes?.get(edge.target);
            const s = source && analysis.get(source);
            const t = target && analysis.get(target);
            if (s && t) joined.push({ graph: graph.node, edge, source: s, target: t });
        }
    }
    return joined;
}

/** A file that depended on a mistake of NIR's reference shape inference. */
export interface ReferenceRuleFinding {
    readonly severity: Severity;
    readonly message: string;
    readonly origin: Origin;
}

/** How an edge's shapes compare. */
export type EdgeShapeVerdict =
    | { readonly kind: 'ok' | 'unknown' }
    | { readonly kind: 'multi-port'; readonly graphNode: AnalysedNode; readonly ports: readonly string[] }
    | { readonly kind: 'mismatch'; readonly carried: Shape; readonly expected: Shape; readonly reference?: ReferenceRuleFinding };

/** Verdicts by joined edge, so that the three checks reading them compare each edge once. */
const verdicts = new WeakMap<JoinedEdge, EdgeShapeVerdict>();

/** Compares what the edge carries (its source's output) with its target's input. */
export function edgeShapeVerdict(joined: JoinedEdge): EdgeShapeVerdict {
    let verdict = verdicts.get(joined);
    if (!verdict) {
        verdict = compareShapes(joined);
        verdicts.set(joined, verdict);
    }
    return verdict;
}

function compareShapes(joined: JoinedEdge): EdgeShapeVerdict {
    const { source, target } = joined;
    const outPorts = source.ports?.outputs;
    if (outPorts && outPorts.length > 1) return { kind: 'multi-port', graphNode: source, ports: outPorts.map((p) => p.name) };
    const inPorts = target.ports?.inputs;
    if (inPorts && inPorts.length > 1) return { kind: 'multi-port', graphNode: target, ports: inPorts.map((p) => p.name) };
    const carried = source.outputShape;
    const expected = target.inputShape;
    if (!carried || !expected) return { kind: 'unknown' };
    if (sameShape(carried, expected)) return { kind: 'ok' };
    return { kind: 'mismatch', carried, expected, reference: referenceRule(joined, carried, expected) };
}

function axesOf(node: AnalysedNode): number {
    return node.kind?.id === 'Conv1d' ? 1 : 2;
}

/**
 * When the mismatch disappears under NIR's reference rule, the file depended on its mistake:
 * K_h used for both kernel axes of a Conv2d (the source's output), or `groups` ignored when
 * counting a convolution's input channels (the target's input).
 */
function referenceRule(joined: JoinedEdge, carried: Shape, expected: Shape): ReferenceRuleFinding | undefined {
    const { source, target, edge } = joined;
    if (source.kind?.category === 'conv') {
        const reference = convShapes(source.node, axesOf(source), source.inputShape, 'reference').output;
        if (sameShape(reference, expected)) {
            const storedOnly = target.kind?.id === 'Output';
            return {
                severity: storedOnly ? 'warning' : 'error',
                message: `NIR's reference reader infers ${formatShape(reference)} for ${source.node.type} '${source.node.name}' because it uses K_h for both kernel axes; the correct shape is ${formatShape(carried)}. The shape ${formatShape(expected)} of ${target.node.type} '${target.node.name}' depends on that mistake.`,
                origin: storedOnly ? paramOrigin(target.node, 'shape') : edge.origin,
            };
        }
    }
    if (target.kind?.category === 'conv') {
        const reference = convShapes(target.node, axesOf(target), carried, 'reference').input;
        if (sameShape(reference, carried)) {
            const groups = intScalar(target.node.params.get('groups'));
            return {
                severity: 'error',
                message: `NIR's reference reader expects ${formatShape(reference)} at ${target.node.type} '${target.node.name}' because it ignores groups (${groups}) when counting input channels; the correct input is ${formatShape(expected)}. The output ${formatShape(carried)} of '${source.node.name}' depends on that mistake.`,
                origin: edge.origin,
            };
        }
    }
    return undefined;
}
