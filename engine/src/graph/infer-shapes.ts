import type { NirNode } from '../nir/graph.js';
import type { Problem } from '../diagnostics/problem.js';
import type { NodeKind, Shape } from '../plugins/node-kind.js';
import type { NodeRecord } from './collect-nodes.js';
import { graphPortNodes } from '../nir/kinds/graph.js';
import { keyOrigin } from '../nir/kinds/origins.js';
import { NIR_NODE_KINDS } from '../nir/kinds/index.js';
import { appendAll } from '../util/append-all.js';

/**
 * Shape inference within one graph level, as NIR's NIRGraph.infer_types (nir/ir/graph.py) without
 * its mutations: every node's shape rule runs once on its parameters; then, breadth first from the nodes whose output is known, a node
 * whose input shape its parameters do not fix (pooling, Flatten without `input_type`, Conv without
 * `input_shape`) takes the shape of the first edge that reaches it and runs its rule again. Fan-in
 * and back edges need nothing here: the edge-shape check compares every edge afterwards.
 * Nested graphs are analysed before their parent and enter it as nodes with their port shapes.
 */
export function inferGraphShapes(graph: NirNode, records: ReadonlyMap<NirNode, NodeRecord>, problems: Problem[]): void {
    const children = [...(graph.nodes?.values() ?? [])].flatMap((child) => records.get(child) ?? []);
    const found = new Map<NodeRecord, readonly Problem[]>();
    const queue: NodeRecord[] = [];
    for (const record of children) {
        if (!record.node.nodes) applyRule(record, undefined, found);
        if (record.outputShape) queue.push(record);
    }
    const reached = new Set<NodeRecord>();
    for (let i = 0; i < queue.length; i++) {
        const source = queue[i];
        for (const edge of source.outgoing) {
            const child = graph.nodes?.get(edge.target);
            const target = child && records.get(child);
            if (!target || target.inputShape || target.node.nodes || reached.has(target)) continue;
            reached.add(target);
            applyRule(target, source.outputShape, found);
            if (target.inputShape) target.inputFrom = edge;
            if (target.outputShape) queue.push(target);
        }
    }
    for (const record of children) appendAll(problems, found.get(record) ?? []);
    const own = records.get(graph);
    if (own) setPorts(own, records);
}

/** Shapes of a node outside any graph (a root that is not a graph, as in a bare LIF file). */
export function inferLoneNode(record: NodeRecord, problems: Problem[]): void {
    const found = new Map<NodeRecord, readonly Problem[]>();
    applyRule(record, undefined, found);
    appendAll(problems, found.get(record) ?? []);
}

/** The built-in kinds, whose shape rules depend only on the node and the input shape. */
const BUILT_IN_KINDS: ReadonlySet<NodeKind> = new Set(NIR_NODE_KINDS);

/** A built-in rule's run on a node's parameters alone (no input shape). */
interface ParamRun {
    readonly kind: NodeKind;
    readonly input?: Shape;
    readonly output?: Shape;
    readonly problems: readonly Problem[];
}

/**
 * Parameter-only runs of built-in shape rules by node. The incremental spec reader keeps
 * unchanged nodes identical between versions, so after an edit only the edited nodes' rules run
 * again (plugin kinds' rules always run: nothing promises they depend on the node alone).
 */
const paramRuns = new WeakMap<NirNode, ParamRun>();

/**
 * Runs a node's shape rule, keeping only the problems of its last run; a throwing rule is reported,
 * not propagated. A node with a parameter that could not be read keeps unknown shapes: its rule
 * would read the parameter as absent and report what the reader already did.
 */
function applyRule(record: NodeRecord, inputShape: Shape | undefined, found: Map<NodeRecord, readonly Problem[]>): void {
    const kind = record.kind;
    if (!kind || record.node.unreadParams?.size) return;
    const cacheable = inputShape === undefined && BUILT_IN_KINDS.has(kind);
    const cached = cacheable ? paramRuns.get(record.node) : undefined;
    if (cached && cached.kind === kind) {
        record.inputShape = cached.input;
        record.outputShape = cached.output;
        found.set(record, cached.problems);
        return;
    }
    const problems: Problem[] = [];
    try {
        const shapes = kind.shapes(record.node, { inputShape, report: (p) => problems.push(p) });
        record.inputShape = shapes.input;
        record.outputShape = shapes.output;
    } catch (error) {
        problems.push({
            code: 'engine/internal-error',
            severity: 'error',
            message: `The shape rule of ${kind.id} failed on '${record.node.name}' (${error instanceof Error ? error.message : String(error)}); please report this.`,
            origin: keyOrigin(record.node.origin),
        });
    }
    found.set(record, problems);
    if (cacheable) paramRuns.set(record.node, { kind, input: record.inputShape, output: record.outputShape, problems });
}

/** A graph's ports from its Input and Output children; a single-port graph gets their shapes as its own. */
function setPorts(record: NodeRecord, records: ReadonlyMap<NirNode, NodeRecord>): void {
    const { inputs, outputs } = graphPortNodes(record.node);
    const ports = {
        inputs: inputs.map((n) => ({ name: n.name, shape: records.get(n)?.outputShape })),
        outputs: outputs.map((n) => ({ name: n.name, shape: records.get(n)?.inputShape })),
    };
    record.ports = ports;
    record.inputShape = ports.inputs.length === 1 ? ports.inputs[0].shape : undefined;
    record.outputShape = ports.outputs.length === 1 ? ports.outputs[0].shape : undefined;
}
