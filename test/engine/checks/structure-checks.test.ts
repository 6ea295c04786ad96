import { describe, expect, it } from 'vitest';
import { chain, ints, nirDocument, nirGraph, nirNode } from '../../helpers/build-nir.js';
import { baseDocument, baseNodes, lif, problemsOf, problemsWith } from './check-helpers.js';

describe('the base graph', () => {
    it('has no problems at all', async () => {
        expect(await problemsOf(baseDocument())).toEqual([]);
    });
});

describe('nir/root-not-graph', () => {
    it('reports a bare node at the root, at its type', async () => {
        const [problem] = await problemsWith(nirDocument(lif(3)), 'nir/root-not-graph');
        expect(problem.origin.path).toBe('/node/type');
        expect(problem.message).toContain('root node is a LIF');
    });
    it('accepts a graph at the root', async () => {
        expect(await problemsWith(baseDocument(), 'nir/root-not-graph')).toEqual([]);
    });
});

describe('nir/missing-type', () => {
    it('reports a node without a type in a document without text', async () => {
        const [problem] = await problemsWith(baseDocument({ lif: nirNode('') }), 'nir/missing-type');
        expect(problem.origin.path).toBe('/node/nodes/lif');
    });
    it('leaves a node with a type alone, and a text document to the spec reader', async () => {
        expect(await problemsWith(baseDocument(), 'nir/missing-type')).toEqual([]);
        const doc = baseDocument({ lif: (name, path) => ({ ...nirNode('')(name, path), typeOrigin: { path: `${path}/type`, span: { start: 3, end: 7 } } }) });
        expect(await problemsWith(doc, 'nir/missing-type')).toEqual([]);
    });
});

describe('nir/unknown-type', () => {
    it('reports an unknown type at its value and suggests the closest', async () => {
        const problems = await problemsOf(baseDocument({ lif: nirNode('LIFF', { tau: 1 }) }));
        const unknown = problems.filter((p) => p.code === 'nir/unknown-type');
        expect(unknown).toHaveLength(1);
        expect(unknown[0].origin.path).toBe('/node/nodes/lif/type');
        expect(unknown[0].message).toContain("Did you mean 'LIF'?");
        // No parameter or edge-shape complaints pile up on an unknown node.
        expect(problems.filter((p) => p.severity === 'error').map((p) => p.code)).toEqual(['nir/unknown-type']);
    });
    it('accepts the 19 NIR types', async () => {
        expect(await problemsWith(baseDocument(), 'nir/unknown-type')).toEqual([]);
    });
});

describe('nir/bad-name', () => {
    it.each(['a/b', '', '.', '..'])('reports the name %j, which HDF5 cannot store', async (name) => {
        const nodes = { input: nirNode('Input', { shape: ints([1]) }), [name]: nirNode('Output', { shape: ints([1]) }) };
        const [problem] = await problemsWith(nirDocument(nirGraph(nodes, [['input', name]])), 'nir/bad-name');
        expect(problem.origin.path).toBe(`/node/nodes/${name}`);
    });
    it('accepts dotted and numeric names as real exporters write them', async () => {
        const doc = nirDocument(chain({ '0': nirNode('Input', { shape: ints([1]) }), 'lif1.lif': lif(1), '1_out': nirNode('Output', { shape: ints([1]) }) }));
        expect(await problemsWith(doc, 'nir/bad-name')).toEqual([]);
    });
});

describe('nir/dangling-edge', () => {
    const doc = () => nirDocument(nirGraph(baseNodes(), [['input', 'fc'], ['fc', 'lif2'], ['lif', 'output']]));

    it('reports the missing end at the edge, with the other end as related information', async () => {
        const [problem] = await problemsWith(doc(), 'nir/dangling-edge');
        expect(problem.origin.path).toBe('/node/edges/1');
        expect(problem.message).toBe("Edge target 'lif2' is not a node of the root graph. Did you mean 'lif'?");
        expect(problem.related?.[0].origin.path).toBe('/node/nodes/fc');
    });
    it('accepts edges between existing nodes', async () => {
        expect(await problemsWith(baseDocument(), 'nir/dangling-edge')).toEqual([]);
    });
});

describe('nir/cross-level-edge', () => {
    const inner = nirGraph({ in: nirNode('Input', { shape: ints([4]) }), l: lif(4), out: nirNode('Output', { shape: ints([4]) }) }, [['in', 'l'], ['l', 'out']]);
    const nodes = { input: nirNode('Input', { shape: ints([4]) }), rnn: inner, output: nirNode('Output', { shape: ints([4]) }) };

    it('explains that graph.port syntax is not NIR and names the port', async () => {
        const doc = nirDocument(nirGraph(nodes, [['input', 'rnn.in'], ['rnn', 'output']]));
        const problems = await problemsOf(doc);
        const [problem] = problems.filter((p) => p.code === 'nir/cross-level-edge');
        expect(problem.message).toContain('subgraph port syntax (graph.port) is not NIR');
        expect(problem.message).toContain("Connect 'rnn' itself; its Input node 'in' is the port.");
        expect(problems.filter((p) => p.code === 'nir/dangling-edge')).toEqual([]);
    });
    it('accepts an edge to the subgraph node itself', async () => {
        const doc = nirDocument(nirGraph(nodes, [['input', 'rnn'], ['rnn', 'output']]));
        expect(await problemsOf(doc)).toEqual([]);
    });
});

describe('nir/duplicate-edge', () => {
    it('reports the second occurrence with the first as related information', async () => {
        const doc = nirDocument(nirGraph(baseNodes(), [['input', 'fc'], ['fc', 'lif'], ['lif', 'output'], ['fc', 'lif']]));
        const [problem] = await problemsWith(doc, 'nir/duplicate-edge');
        expect(problem.severity).toBe('warning');
        expect(problem.origin.path).toBe('/node/edges/3');
        expect(problem.related?.[0].origin.path).toBe('/node/edges/1');
    });
    it('accepts the same names in opposite directions', async () => {
        const doc = nirDocument(nirGraph(baseNodes(), [['input', 'fc'], ['fc', 'lif'], ['lif', 'output'], ['lif', 'fc']]));
        expect(await problemsWith(doc, 'nir/duplicate-edge')).toEqual([]);
    });
});
