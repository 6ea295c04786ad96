import type { AnalysedNode } from '../../graph/analysis.js';
import type { NodeKind, ParamSpec, Shape } from '../../plugins/node-kind.js';
import type { NirNode } from '../../nir/graph.js';
import type { Problem } from '../../diagnostics/problem.js';
import type { Tensor } from '../../nir/value.js';
import { elementCount } from '../../nir/value.js';
import { graphCheck } from './graph-check.js';
import { formatShape, sameShape } from '../../nir/kinds/index.js';
import { appendAll } from '../../util/append-all.js';

/**
 * The shape of each parameter on its own terms: weight ranks, integer parameters of one or two
 * elements (pooling parameters exactly two), shapes as 1-D lists, and the neuron rule that all
 * parameters of one node share one shape. Bias shapes are `nir/bias-shape`.
 */

/** Allowed weight ranks per kind: [min, max]. */
const WEIGHT_RANKS: Readonly<Record<string, readonly [number, number]>> = {
    Affine: [2, Infinity], Linear: [2, Infinity], Conv1d: [3, 3], Conv2d: [4, 4],
};

/** Allowed element counts and how to say them, for the integer parameter kinds. */
function integerRule(kind: NodeKind, param: ParamSpec): { counts: readonly number[]; text: string } | undefined {
    const axes = kind.id === 'Conv1d' ? 1 : 2;
    switch (param.kind) {
        case 'int': return { counts: [1], text: 'a single whole number' };
        case 'int-or-pair':
            return kind.category === 'pool' ? { counts: [2], text: 'a pair [h, w] (NIR stores two elements)' } : { counts: [1, 2], text: 'a whole number or a pair [h, w]' };
        case 'padding': return { counts: axes === 1 ? [1] : [1, 2], text: axes === 1 ? 'a single whole number, same or valid' : 'a whole number, a pair [h, w], same or valid' };
        case 'shape': return param.name === 'input_shape' ? { counts: [2], text: 'a pair [H, W]' } : undefined;
        default: return undefined;
    }
}

function shapeProblem(analysed: AnalysedNode, param: ParamSpec, tensor: Tensor): string | undefined {
    const kind = analysed.kind!;
    const name = `${param.name} of ${kind.id} '${analysed.node.name}'`;
    if (param.kind === 'shape' && tensor.shape.length !== 1) return `${name} is a shape, a 1-D list of whole numbers; found an array of shape ${formatShape(tensor.shape)}.`;
    const rule = integerRule(kind, param);
    if (rule && !rule.counts.includes(elementCount(tensor.shape))) return `${name} is ${rule.text}; found an array of shape ${formatShape(tensor.shape)}.`;
    const ranks = param.name === 'weight' ? WEIGHT_RANKS[kind.id] : undefined;
    if (ranks && (tensor.shape.length < ranks[0] || tensor.shape.length > ranks[1])) {
        const wanted = ranks[0] === ranks[1] ? `${ranks[0]}-D` : `at least ${ranks[0]}-D`;
        return `${name} must be ${wanted}; found shape ${formatShape(tensor.shape)}.`;
    }
    return undefined;
}

/**
 * Neuron parameters whose shape differs from the node's shape, which is the one most of them share
 * (see the neuron shape rule), so a single odd parameter is the one reported.
 */
function neuronProblems(analysed: AnalysedNode): Problem[] {
    const { node, kind, outputShape: shared } = analysed;
    if (kind?.category !== 'neuron' || !shared) return [];
    const tensors = kind.params.flatMap((p) => {
        const value = node.params.get(p.name);
        return value?.kind === 'tensor' ? [{ name: p.name, tensor: value }] : [];
    });
    const agreeing = tensors.filter((t) => sameShape(t.tensor.shape, shared));
    const names = agreeing.map((t) => t.name).join(', ');
    return tensors.filter((t) => !sameShape(t.tensor.shape, shared)).map((t) => ({
        code: 'nir/param-shape',
        severity: 'error' as const,
        message: `${t.name} of ${kind.id} '${node.name}' has shape ${formatShape(t.tensor.shape)}, but a neuron's parameters all share one shape: ${names} ${agreeing.length === 1 ? 'has' : 'have'} ${formatShape(shared)}.`,
        origin: t.tensor.origin,
        related: agreeing.slice(0, 1).map((a) => ({ message: `${a.name} has shape ${formatShape(shared)}`, origin: a.tensor.origin })),
    }));
}

/** Every `nir/param-shape` problem of one node. */
function nodeProblems(analysed: AnalysedNode): Problem[] {
    const problems: Problem[] = [];
    for (const param of analysed.kind?.params ?? []) {
        const value = analysed.node.params.get(param.name);
        const message = value?.kind === 'tensor' ? shapeProblem(analysed, param, value) : undefined;
        if (value && message) problems.push({ code: 'nir/param-shape', severity: 'error', message, origin: value.origin });
    }
    appendAll(problems, neuronProblems(analysed));
    return problems;
}

/** A node's problems and what they were computed from besides the node itself. */
interface NodeReport {
    readonly kind?: NodeKind;
    readonly shape?: Shape;
    readonly problems: readonly Problem[];
}

/**
 * Problems by node. A node's problems depend only on the node, its kind and its output shape;
 * the incremental spec reader keeps unchanged nodes identical between versions, so after an
 * edit only the edited nodes (or those whose shape or kind changed) are checked again.
 */
const reports = new WeakMap<NirNode, NodeReport>();

function cachedProblems(analysed: AnalysedNode): readonly Problem[] {
    const { node, kind, outputShape: shape } = analysed;
    const cached = reports.get(node);
    if (cached && cached.kind === kind && (cached.shape === shape || sameShape(cached.shape, shape))) return cached.problems;
    const problems = nodeProblems(analysed);
    reports.set(node, { kind, shape, problems });
    return problems;
}

/** A parameter has the wrong shape for what it is. */
export const PARAM_SHAPE = graphCheck({
    id: 'nir/param-shape',
    severity: 'error',
    title: 'A parameter has the wrong shape: a weight of the wrong rank, a pooling parameter without two elements, neuron parameters of different shapes.',
    run(ctx) {
        for (const analysed of ctx.analysis.nodes) {
            for (const problem of cachedProblems(analysed)) ctx.report(problem);
        }
    },
});
