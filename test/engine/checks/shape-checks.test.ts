import { describe, expect, it } from 'vitest';
import { chain, ints, nirDocument, nirGraph, nirNode, zerosOf } from '../../helpers/build-nir.js';
import { baseDocument, baseNodes, lif, problemsOf, problemsWith } from './check-helpers.js';

/** Input [1,10,10] → Conv2d with a 3×5 kernel → `next` → (Output). */
const nonSquare = (next: Record<string, ReturnType<typeof nirNode>>) => nirDocument(chain({
    input: nirNode('Input', { shape: ints([1, 10, 10]) }),
    conv: nirNode('Conv2d', { weight: zerosOf([1, 1, 3, 5]), bias: zerosOf([1]), stride: ints([1, 1]), padding: ints([0, 0]), dilation: ints([1, 1]), groups: ints(1) }),
    ...next,
}));

describe('nir/edge-shape', () => {
    it('reports both shapes at the edge, with both ends as related information', async () => {
        const [problem] = await problemsWith(baseDocument({ output: nirNode('Output', { shape: ints([7]) }) }), 'nir/edge-shape');
        expect(problem.message).toBe("Edge lif → output carries [8], but Output 'output' takes [7].");
        expect(problem.origin.path).toBe('/node/edges/2');
        expect(problem.related?.map((r) => r.origin.path)).toEqual(['/node/nodes/lif', '/node/nodes/output']);
    });
    it('checks every edge of a fan-in against the shape the first one brought', async () => {
        const nodes = {
            a: nirNode('Input', { shape: ints([1, 4, 4]) }), b: nirNode('Input', { shape: ints([1, 6, 6]) }),
            pool: nirNode('SumPool2d', { kernel_size: ints([2, 2]), stride: ints([2, 2]), padding: ints([0, 0]) }),
            out: nirNode('Output', { shape: ints([1, 2, 2]) }),
        };
        const [problem] = await problemsWith(nirDocument(nirGraph(nodes, [['a', 'pool'], ['b', 'pool'], ['pool', 'out']])), 'nir/edge-shape');
        expect(problem.message).toBe("Edge b → pool carries [1, 6, 6], but SumPool2d 'pool' takes [1, 4, 4] (the shape arriving from 'a').");
    });
    it('accepts a fan-out and a fan-in of equal shapes', async () => {
        const nodes = { ...baseNodes(), lif2: lif(8) };
        const doc = nirDocument(nirGraph(nodes, [['input', 'fc'], ['fc', 'lif'], ['fc', 'lif2'], ['lif', 'output'], ['lif2', 'output']]));
        expect(await problemsOf(doc)).toEqual([]);
    });
    it('checks edges into and out of a single-port subgraph against its ports', async () => {
        const inner = chain({ in: nirNode('Input', { shape: ints([4]) }), l: lif(4), out: nirNode('Output', { shape: ints([4]) }) });
        const doc = nirDocument(chain({ input: nirNode('Input', { shape: ints([4]) }), g: inner, output: nirNode('Output', { shape: ints([5]) }) }));
        expect((await problemsWith(doc, 'nir/edge-shape')).map((p) => p.message)).toEqual(["Edge g → output carries [4], but Output 'output' takes [5]."]);
    });
});

describe('nir/reference-shape-rule', () => {
    it('warns at an Output whose stored shape only matches the reference\'s K_h-for-both-axes result', async () => {
        const problems = await problemsOf(nonSquare({ output: nirNode('Output', { shape: ints([1, 8, 8]) }) }));
        expect(problems.map((p) => [p.code, p.severity, p.origin.path])).toEqual([['nir/reference-shape-rule', 'warning', '/node/nodes/output/shape']]);
        expect(problems[0].message).toContain("NIR's reference reader infers [1, 8, 8] for Conv2d 'conv' because it uses K_h for both kernel axes; the correct shape is [1, 8, 6].");
    });
    it('is an error where a computing node depends on it (Flatten input_type)', async () => {
        const doc = nonSquare({ flat: nirNode('Flatten', { start_dim: ints(0), end_dim: ints(-1), input_type: ints([1, 8, 8]) }), output: nirNode('Output', { shape: ints([64]) }) });
        const problems = await problemsOf(doc);
        expect(problems.map((p) => [p.code, p.severity, p.origin.path])).toEqual([['nir/reference-shape-rule', 'error', '/node/edges/1']]);
    });
    it('explains an input that ignored groups', async () => {
        const doc = nirDocument(chain({
            input: nirNode('Input', { shape: ints([1, 6, 6]) }),
            conv: nirNode('Conv2d', { weight: zerosOf([8, 1, 3, 3]), bias: zerosOf([8]), stride: ints(1), padding: ints(0), dilation: ints(1), groups: ints(8) }),
            output: nirNode('Output', { shape: ints([8, 4, 4]) }),
        }));
        const [problem] = await problemsWith(doc, 'nir/reference-shape-rule');
        expect(problem.message).toContain('ignores groups (8) when counting input channels; the correct input is [8, 6, 6]');
    });
    it('says nothing when the stored shapes are the correct ones', async () => {
        expect(await problemsOf(nonSquare({ output: nirNode('Output', { shape: ints([1, 8, 6]) }) }))).toEqual([]);
    });
});

describe('nir/multi-port-edge', () => {
    const twoInputs = nirGraph({ a: nirNode('Input', { shape: ints([4]) }), b: nirNode('Input', { shape: ints([4]) }), o: nirNode('Output', { shape: ints([4]) }) }, [['a', 'o'], ['b', 'o']]);
    it('warns at an edge into a graph with two Inputs', async () => {
        const doc = nirDocument(chain({ input: nirNode('Input', { shape: ints([4]) }), g: twoInputs, output: nirNode('Output', { shape: ints([4]) }) }));
        const [problem] = await problemsWith(doc, 'nir/multi-port-edge');
        expect(problem.origin.path).toBe('/node/edges/0');
        expect(problem.message).toContain("2 Inputs ('a', 'b')");
    });
    it('says nothing for single-port graphs', async () => {
        expect(await problemsWith(baseDocument(), 'nir/multi-port-edge')).toEqual([]);
    });
});

describe('shape rule problems through the engine', () => {
    it('reports a Flatten whose default start_dim does not fit a 1-D input, with a hint', async () => {
        const doc = nirDocument(chain({ input: nirNode('Input', { shape: ints([24]) }), flat: nirNode('Flatten', {}), output: nirNode('Output', { shape: ints([24]) }) }));
        const [problem] = await problemsWith(doc, 'nir/flatten-dims');
        expect(problem.origin.path).toBe('/node/nodes/flat');
        expect(problem.message).toContain('start_dim defaults to 1');
    });
});
