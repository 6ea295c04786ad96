import { describe, expect, it } from 'vitest';
import { analyzeGraph, createEngine, type NirDocument, type NirNode } from '../../../engine/src/index.js';
import { chain, childAt, ints, nirDocument, nirGraph, nirNode, str, zerosOf } from '../../helpers/build-nir.js';

const registry = createEngine().registry;
const analyse = (doc: NirDocument) => analyzeGraph(doc, registry);
const shapesOf = (doc: NirDocument, names: string[]) => {
    const analysed = analyse(doc).get(childAt(doc.root, names));
    return { input: analysed?.inputShape, output: analysed?.outputShape };
};

const lif = (n: number) => nirNode('LIF', { tau: zerosOf([n]), r: zerosOf([n]), v_leak: zerosOf([n]), v_threshold: zerosOf([n]) });
const affine = (out: number, inp: number) => nirNode('Affine', { weight: zerosOf([out, inp]), bias: zerosOf([out]) });

/** `levels` graphs nested in one another, each `i → g → o`; built in a loop with short paths (the builder recurses). */
function deeplyNested(levels: number): NirDocument {
    const port = (type: string, path: string) => nirNode(type, { shape: ints([1]) })(type === 'Input' ? 'i' : 'o', path);
    const edge = (source: string, target: string, path: string) => ({ source, target, origin: { path }, sourceOrigin: { path }, targetOrigin: { path } });
    let inner: NirNode = nirGraph({ i: nirNode('Input', { shape: ints([1]) }), o: nirNode('Output', { shape: ints([1]) }) }, [['i', 'o']])('g', '/g0');
    for (let d = 1; d <= levels; d++) {
        const base = nirNode('NIRGraph')('g', `/g${d}`);
        const nodes = new Map<string, NirNode>([['i', port('Input', `/i${d}`)], ['g', inner], ['o', port('Output', `/o${d}`)]]);
        inner = { ...base, nodes, edges: [edge('i', 'g', `/e${d}`), edge('g', 'o', `/f${d}`)] };
    }
    return { root: { ...inner, name: '' } };
}

describe('graph analysis', () => {
    it('lists the root and every nested node depth first, with kinds, parents and depths', () => {
        const doc = nirDocument(nirGraph({
            input: nirNode('Input', { shape: ints([4]) }),
            rnn: chain({ i: nirNode('Input', { shape: ints([4]) }), l: lif(4), o: nirNode('Output', { shape: ints([4]) }) }),
            output: nirNode('Output', { shape: ints([4]) }),
        }, [['input', 'rnn'], ['rnn', 'output']]));
        const analysis = analyse(doc);
        expect(analysis.nodes.map((n) => n.path)).toEqual([
            '/node', '/node/nodes/input', '/node/nodes/rnn', '/node/nodes/rnn/nodes/i', '/node/nodes/rnn/nodes/l',
            '/node/nodes/rnn/nodes/o', '/node/nodes/output',
        ]);
        expect(analysis.nodes.map((n) => n.depth)).toEqual([0, 1, 1, 2, 2, 2, 1]);
        const rnn = analysis.get(childAt(doc.root, ['rnn']))!;
        expect(rnn.kind?.id).toBe('NIRGraph');
        expect(rnn.parent).toBe(doc.root);
        expect(rnn.ports).toEqual({ inputs: [{ name: 'i', shape: [4] }], outputs: [{ name: 'o', shape: [4] }] });
        expect(rnn.incoming.map((e) => e.source)).toEqual(['input']);
        expect(analysis.get(doc.root)?.ports?.outputs).toEqual([{ name: 'output', shape: [4] }]);
        expect(analysis.problems).toEqual([]);
    });

    it('infers pooling, Flatten and Conv shapes from what arrives (corpus graph_conv_net)', () => {
        const doc = nirDocument(chain({
            input: nirNode('Input', { shape: ints([2, 16, 16]) }),
            conv1: nirNode('Conv2d', { weight: zerosOf([4, 2, 3, 3]), bias: zerosOf([4]), stride: ints([1, 1]), padding: ints([1, 1]), dilation: ints([1, 1]), groups: ints(1) }),
            pool: nirNode('SumPool2d', { kernel_size: ints([2, 2]), stride: ints([2, 2]), padding: ints([0, 0]) }),
            conv2: nirNode('Conv2d', { weight: zerosOf([8, 4, 3, 3]), bias: zerosOf([8]), stride: ints([2, 2]), padding: str('valid'), dilation: ints([1, 1]), groups: ints(1) }),
            flat: nirNode('Flatten', { start_dim: ints(0), end_dim: ints(-1) }),
            fc: affine(10, 72),
            output: nirNode('Output', { shape: ints([10]) }),
        }));
        expect(shapesOf(doc, ['pool'])).toEqual({ input: [4, 16, 16], output: [4, 8, 8] });
        expect(shapesOf(doc, ['conv2'])).toEqual({ input: [4, 8, 8], output: [8, 3, 3] });
        expect(shapesOf(doc, ['flat'])).toEqual({ input: [8, 3, 3], output: [72] });
        const analysis = analyse(doc);
        expect(analysis.get(childAt(doc.root, ['pool']))?.inputFrom?.source).toBe('conv1');
        expect(analysis.problems).toEqual([]);
    });

    it('gives a single-port nested graph the shapes of its ports and flows them on', () => {
        const doc = nirDocument(chain({
            input: nirNode('Input', { shape: ints([1, 8, 8]) }),
            inner: chain({ in: nirNode('Input', { shape: ints([1, 8, 8]) }), flat: nirNode('Flatten', { start_dim: ints(0) }), out: nirNode('Output', { shape: ints([64]) }) }),
            pool: nirNode('Flatten', { start_dim: ints(0) }),
            output: nirNode('Output', { shape: ints([64]) }),
        }));
        expect(shapesOf(doc, ['inner'])).toEqual({ input: [1, 8, 8], output: [64] });
        expect(shapesOf(doc, ['inner', 'flat'])).toEqual({ input: [1, 8, 8], output: [64] });
        expect(shapesOf(doc, ['pool']).output).toEqual([64]);
    });

    it('leaves a multi-port nested graph without a single shape but lists its ports', () => {
        const doc = nirDocument(nirGraph({
            g: nirGraph({ a: nirNode('Input', { shape: ints([2]) }), b: nirNode('Input', { shape: ints([3]) }), o: nirNode('Output', { shape: ints([2]) }) }, [['a', 'o']]),
        }, []));
        const g = analyse(doc).get(childAt(doc.root, ['g']))!;
        expect(g.inputShape).toBeUndefined();
        expect(g.outputShape).toEqual([2]);
        expect(g.ports?.inputs.map((p) => p.name)).toEqual(['a', 'b']);
    });

    it('takes an inferred input from the first edge that reaches a node under fan-in', () => {
        const doc = nirDocument(nirGraph({
            a: nirNode('Input', { shape: ints([1, 4, 4]) }),
            b: nirNode('Input', { shape: ints([1, 6, 6]) }),
            pool: nirNode('SumPool2d', { kernel_size: ints([2, 2]), stride: ints([2, 2]), padding: ints([0, 0]) }),
        }, [['b', 'pool'], ['a', 'pool']]));
        // Breadth first from the nodes in written order: 'a' is reached first.
        expect(shapesOf(doc, ['pool'])).toEqual({ input: [1, 4, 4], output: [1, 2, 2] });
    });

    it('infers through a cycle and terminates', () => {
        const doc = nirDocument(nirGraph({
            input: nirNode('Input', { shape: ints([3]) }),
            fc: affine(5, 3),
            lif: lif(5),
            rec: nirNode('Linear', { weight: zerosOf([5, 5]) }),
            output: nirNode('Output', { shape: ints([5]) }),
        }, [['input', 'fc'], ['fc', 'lif'], ['lif', 'rec'], ['rec', 'lif'], ['lif', 'output']]));
        const analysis = analyse(doc);
        expect(shapesOf(doc, ['rec'])).toEqual({ input: [5], output: [5] });
        expect(analysis.topologicalOrder(doc.root).map((n) => n.node.name)).toEqual(['input', 'fc', 'lif', 'output', 'rec']);
    });

    it('gives an Output without shape the incoming shape, and unknown types no shape', () => {
        const doc = nirDocument(chain({ input: nirNode('Input', { shape: ints([3]) }), x: nirNode('Mystery', {}), output: nirNode('Output') }));
        expect(shapesOf(doc, ['x'])).toEqual({ input: undefined, output: undefined });
        const doc2 = nirDocument(chain({ input: nirNode('Input', { shape: ints([3]) }), output: nirNode('Output') }));
        expect(shapesOf(doc2, ['output']).input).toEqual([3]);
        expect(analyse(doc2).get(doc2.root)?.outputShape).toEqual([3]);
    });

    it('analyses a root that is not a graph', () => {
        const doc = nirDocument(lif(7));
        const analysis = analyse(doc);
        expect(analysis.nodes).toHaveLength(1);
        expect(analysis.nodes[0].outputShape).toEqual([7]);
    });

    it('turns a throwing third-party shape rule into a problem', () => {
        const engine = createEngine({ plugins: [{ id: 'bad', nodeKinds: [{ id: 'Boom', category: 'other', summary: 'x', params: [], stateful: false, spiking: false, shapes: () => { throw new Error('kaboom'); } }] }] });
        const doc = nirDocument(chain({ input: nirNode('Input', { shape: ints([1]) }), b: nirNode('Boom') }));
        const analysis = analyzeGraph(doc, engine.registry);
        expect(analysis.problems.map((p) => p.code)).toEqual(['engine/internal-error']);
        expect(analysis.problems[0].message).toContain('kaboom');
    });

    it('handles a declared shape of 10^12 elements and 10,000 nested levels without allocating or overflowing', () => {
        const doc = nirDocument(chain({ input: nirNode('Input', { shape: ints([1_000_000, 1_000_000]) }), fc: affine(1_000_000, 1_000_000) }));
        expect(analyse(doc).get(childAt(doc.root, ['fc']))?.outputShape).toEqual([1_000_000]);
        const deep = analyse(deeplyNested(10_000));
        expect(deep.nodes.length).toBe(3 * 10_000 + 3);
        expect(deep.get(deep.document.root)?.outputShape).toEqual([1]);
    });
});
