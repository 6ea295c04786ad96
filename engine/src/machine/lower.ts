import type { AnalysedNode, GraphAnalysis } from '../graph/analysis.js';
import type { Shape } from '../plugins/node-kind.js';
import type { MachineGraph, Population, Projection } from './machine-graph.js';
import { elementCount } from '../nir/value.js';
import { roleOf } from './node-roles.js';
import { readHints, RECORD_NOTHING } from './hints.js';
import { walkFrom } from './chains.js';
import { connectivityOf } from './connectivity/build.js';
import { asTensor, numbersOf } from './tensor-values.js';

/**
 * Lowers an analysed NIR graph to the machine's view: every neuron node (at any nesting depth)
 * and every top-level Input node becomes a population; every chain of weight, pooling, index and
 * delay nodes from one population to the next becomes a projection with its synapse cost model.
 * Pure and target-independent; never throws on a malformed graph (unknown sizes become 0).
 */
export function lowerToMachine(analysis: GraphAnalysis): MachineGraph {
    const root = analysis.document.root;
    const populations: Population[] = [];
    const byNode = new Map<AnalysedNode, Population>();
    for (const node of analysis.nodes) {
        const role = roleOf(node.node.type);
        const isSource = role === 'source' && node.parent === root;
        if (role !== 'neuron' && !isSource) continue;
        const shape = shapeOf(node);
        const hints = readHints(node.node);
        const population: Population = {
            index: populations.length, node, name: node.node.name, path: node.path, type: node.node.type,
            shape, size: elementCount(shape), isSource, hints, record: hints.record?.value ?? RECORD_NOTHING, incoming: [], outgoing: [],
        };
        populations.push(population);
        byNode.set(node, population);
    }

    const projections: Projection[] = [];
    for (const pre of populations) {
        const walk = walkFrom(analysis, pre.node);
        if (walk.reachesOutput && !pre.hints.record) populations[pre.index] = { ...pre, record: { ...RECORD_NOTHING, spikes: true } };
        for (const chain of walk.chains) {
            const post = byNode.get(chain.target);
            if (!post) continue;
            const weightOp = chain.ops.find((op) => op.role === 'weight');
            const delayed = chain.ops.map((op) => ({ op, hint: readHints(op.node.node).delay })).find((d) => d.hint);
            const projection: Projection = {
                index: projections.length, pre: pre.index, post: post.index, ops: chain.ops, weightOp,
                connectivity: connectivityOf({ preSize: pre.size, preShape: pre.shape, postSize: post.size }, chain.ops),
                delayHint: delayed?.hint ? { steps: delayed.hint.value, origin: delayed.hint.origin } : undefined,
                origin: (weightOp ?? chain.ops[0])?.node.node.origin ?? post.node.node.origin,
            };
            projections.push(projection);
        }
    }
    for (const p of projections) {
        populations[p.pre].outgoing.push(p.index);
        populations[p.post].incoming.push(p.index);
    }
    return { populations, projections };
}

const cache = new WeakMap<GraphAnalysis, MachineGraph>();

/**
 * The machine graph of an analysis, lowered once and shared by the checks and the mapper that look
 * at the same analysis object (a cache keyed by identity; it holds nothing once the analysis is gone).
 */
export function machineGraphOf(analysis: GraphAnalysis): MachineGraph {
    let graph = cache.get(analysis);
    if (!graph) {
        graph = lowerToMachine(analysis);
        cache.set(analysis, graph);
    }
    return graph;
}

/** The neuron parameters whose shape is the population's shape when inference gave none. */
const SHAPED_PARAMS = ['v_threshold', 'threshold', 'tau', 'tau_mem', 'r', 'v_leak'];

function shapeOf(node: AnalysedNode): Shape {
    if (node.outputShape) return node.outputShape;
    if (node.node.type === 'Input') return numbersOf(node.node.params.get('shape')) ?? [0];
    for (const name of SHAPED_PARAMS) {
        const tensor = asTensor(node.node.params.get(name));
        if (tensor) return tensor.shape;
    }
    return [0];
}
