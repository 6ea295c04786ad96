/**
 * A small programmatic builder of NIR documents for tests: nodes, graphs, edges and tensors with
 * tree-path origins (no text spans), as the `.nir` reader would produce them.
 *
 *     const doc = nirDocument(nirGraph({
 *         input: nirNode('Input', { shape: ints([4]) }),
 *         fc: nirNode('Affine', { weight: zerosOf([8, 4]), bias: zerosOf([8]) }),
 *         output: nirNode('Output', { shape: ints([8]) }),
 *     }, [['input', 'fc'], ['fc', 'output']]));
 */
import type { DType, Generator, NirDict, NirDocument, NirEdge, NirNode, NirValue, Origin, Tensor, TensorData } from '../../engine/src/index.js';

/** A value that becomes a parameter once its tree path is known. */
export type ValueBuilder = (path: string) => NirValue;

/** What a parameter may be given as: a number or nested list (float32), or a built value. */
export type ParamInput = number | NestedNumbers | ValueBuilder;

/** A nested list of numbers. */
export type NestedNumbers = readonly (number | NestedNumbers)[];

/** A node that becomes a `NirNode` once its name and path are known. */
export type NodeBuilder = (name: string, path: string) => NirNode;

function shapeAndLeaves(value: number | NestedNumbers): { shape: number[]; leaves: number[] } {
    if (typeof value === 'number') return { shape: [], leaves: [value] };
    if (value.length === 0) return { shape: [0], leaves: [] };
    const parts = value.map(shapeAndLeaves);
    return { shape: [value.length, ...parts[0].shape], leaves: parts.flatMap((p) => p.leaves) };
}

function typedData(dtype: DType, leaves: readonly number[]): TensorData {
    switch (dtype) {
        case 'int64': return BigInt64Array.from(leaves, (x) => BigInt(x));
        case 'int32': return Int32Array.from(leaves);
        case 'float64': return Float64Array.from(leaves);
        case 'float32': return Float32Array.from(leaves);
        default: throw new Error(`build-nir: dtype ${dtype} is not supported by the test builder`);
    }
}

/** A dense tensor from a number or nested list. */
export function dense(value: number | NestedNumbers, dtype: DType = 'float32'): ValueBuilder {
    const { shape, leaves } = shapeAndLeaves(value);
    return (path) => ({ kind: 'tensor', dtype, shape, source: { kind: 'dense', data: typedData(dtype, leaves) }, origin: { path } });
}

/** An int64 tensor: a 0-d scalar for a number, 1-D (or nested) for a list. */
export function ints(value: number | NestedNumbers): ValueBuilder {
    return dense(value, 'int64');
}

/** A procedural tensor of any declared shape; nothing is allocated. */
export function generated(shape: readonly number[], generator: Generator = { kind: 'zeros' }, dtype: DType = 'float32'): ValueBuilder {
    return (path) => ({ kind: 'tensor', dtype, shape, source: { kind: 'generated', generator }, origin: { path } });
}

/** A zeros tensor of the given shape (procedural: a declared shape of 10^12 elements is fine). */
export function zerosOf(shape: readonly number[], dtype: DType = 'float32'): ValueBuilder {
    return generated(shape, { kind: 'zeros' }, dtype);
}

/** A string parameter such as Conv `padding: same`. */
export function str(value: string): ValueBuilder {
    return (path) => ({ kind: 'string', value, origin: { path } });
}

function asBuilder(input: ParamInput): ValueBuilder {
    return typeof input === 'function' ? input : dense(input);
}

function emptyDict(origin: Origin): NirDict {
    return { kind: 'dict', entries: new Map(), origin };
}

/** A node of any type (unknown types included) with the given parameters. */
export function nirNode(type: string, params: Readonly<Record<string, ParamInput>> = {}): NodeBuilder {
    return (name, path) => ({
        name,
        type,
        params: new Map(Object.entries(params).map(([key, value]) => [key, asBuilder(value)(`${path}/${key}`)])),
        metadata: emptyDict({ path: `${path}/metadata` }),
        origin: { path },
        typeOrigin: { path: `${path}/type` },
    });
}

/** An edge as a pair of names. */
export type EdgeInput = readonly [string, string];

/** A `NIRGraph` node with children and edges (edge ends need not exist, for dangling-edge tests). */
export function nirGraph(nodes: Readonly<Record<string, NodeBuilder>>, edges: readonly EdgeInput[], params: Readonly<Record<string, ParamInput>> = {}): NodeBuilder {
    return (name, path) => {
        const base = nirNode('NIRGraph', params)(name, path);
        const children = new Map(Object.entries(nodes).map(([child, build]) => [child, build(child, `${path}/nodes/${child}`)]));
        const built: NirEdge[] = edges.map(([source, target], i) => {
            const origin = { path: `${path}/edges/${i}` };
            return { source, target, origin, sourceOrigin: origin, targetOrigin: origin };
        });
        return { ...base, nodes: children, edges: built };
    };
}

/** A whole document around a root node (normally a graph). */
export function nirDocument(root: NodeBuilder, version = '1.0.8'): NirDocument {
    return { version, root: root('', '/node') };
}

/** The tensor value of a parameter (throws in tests when it is missing). */
export function paramTensor(node: NirNode, name: string): Tensor {
    const value = node.params.get(name);
    if (value?.kind !== 'tensor') throw new Error(`build-nir: ${node.name}.${name} is not a tensor`);
    return value;
}

/** A child node by path of names (`['rnn', 'lif']`), throwing when absent. */
export function childAt(root: NirNode, names: readonly string[]): NirNode {
    let node = root;
    for (const name of names) {
        const next = node.nodes?.get(name);
        if (!next) throw new Error(`build-nir: no node ${names.join('/')}`);
        node = next;
    }
    return node;
}

/** A chain `input → …nodes → output` in one graph, with edges in order. */
export function chain(nodes: Readonly<Record<string, NodeBuilder>>): NodeBuilder {
    const names = Object.keys(nodes);
    const edges = names.slice(1).map((name, i): EdgeInput => [names[i], name]);
    return nirGraph(nodes, edges);
}
