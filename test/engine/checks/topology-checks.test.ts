import { describe, expect, it } from 'vitest';
import { ints, nirDocument, nirGraph, nirNode, zerosOf } from '../../helpers/build-nir.js';
import { affine, baseNodes, lif, problemsOf, problemsWith } from './check-helpers.js';

const edges = (...pairs: string[]) => pairs.map((p) => p.split('>') as [string, string]);

describe('nir/no-input and nir/no-output', () => {
    it('warns about a graph without an Input, or without an Output, at its name', async () => {
        const { fc, lif: l, output } = baseNodes();
        const inner = nirGraph({ fc, l }, edges('fc>l'));
        const doc = nirDocument(nirGraph({ input: nirNode('Input', { shape: ints([4]) }), g: inner, output }, edges('input>g', 'g>output')));
        const problems = await problemsOf(doc);
        expect(problems.filter((p) => p.code === 'nir/no-input').map((p) => p.origin.path)).toEqual(['/node/nodes/g']);
        expect(problems.filter((p) => p.code === 'nir/no-output').map((p) => p.origin.path)).toEqual(['/node/nodes/g']);
        // Without ports nothing inside is checked for paths (one problem per mistake).
        expect(problems.filter((p) => p.code.startsWith('nir/no-') && p.code.endsWith('-path'))).toEqual([]);
    });
    it('also warns about a NIRGraph written without any nodes', async () => {
        const doc = nirDocument(nirGraph({ input: nirNode('Input', { shape: ints([4]) }), g: nirNode('NIRGraph'), output: nirNode('Output', { shape: ints([4]) }) }, edges('input>g', 'g>output')));
        expect((await problemsOf(doc)).map((p) => p.code)).toEqual(['nir/no-input', 'nir/no-output']);
    });
    it('says nothing about graphs with both', async () => {
        const doc = nirDocument(nirGraph(baseNodes(), edges('input>fc', 'fc>lif', 'lif>output')));
        expect(await problemsOf(doc)).toEqual([]);
    });
});

describe('nir/no-input-path and nir/no-output-path', () => {
    it('warns about a node no Input reaches and one that reaches no Output', async () => {
        const nodes = { ...baseNodes(), stray: lif(8), dead: lif(8) };
        const doc = nirDocument(nirGraph(nodes, edges('input>fc', 'fc>lif', 'lif>output', 'stray>output', 'fc>dead')));
        const problems = await problemsOf(doc);
        expect(problems.map((p) => [p.code, p.severity, p.origin.path])).toEqual([
            ['nir/no-input-path', 'warning', '/node/nodes/stray'],
            ['nir/no-output-path', 'warning', '/node/nodes/dead'],
        ]);
    });
});

describe('nir/cycle-without-delay', () => {
    const loopNodes = () => ({ ...baseNodes(), rec: nirNode('Linear', { weight: zerosOf([8, 8]) }) });

    it('reports a loop of weight nodes at the edge that closes it', async () => {
        const nodes = { input: nirNode('Input', { shape: ints([8]) }), a: affine(8, 8), b: nirNode('Linear', { weight: zerosOf([8, 8]) }), output: nirNode('Output', { shape: ints([8]) }) };
        const doc = nirDocument(nirGraph(nodes, edges('input>a', 'a>b', 'b>a', 'b>output')));
        const [problem] = await problemsWith(doc, 'nir/cycle-without-delay');
        expect(problem.message).toContain('The cycle a → b → a in the root graph has no delay');
        expect(problem.origin.path).toBe('/node/edges/2');
        expect(problem.related?.map((r) => r.origin.path)).toEqual(['/node/nodes/a', '/node/nodes/b']);
    });
    it('reports a weight node wired to itself', async () => {
        const nodes = { input: nirNode('Input', { shape: ints([8]) }), a: affine(8, 8), output: nirNode('Output', { shape: ints([8]) }) };
        const doc = nirDocument(nirGraph(nodes, edges('input>a', 'a>a', 'a>output')));
        expect((await problemsWith(doc, 'nir/cycle-without-delay')).map((p) => p.message)).toEqual([expect.stringContaining('The cycle a → a')]);
    });
    it('accepts a recurrent loop through a neuron, a Delay, or a subgraph holding a neuron', async () => {
        const throughNeuron = nirDocument(nirGraph(loopNodes(), edges('input>fc', 'fc>lif', 'lif>rec', 'rec>lif', 'lif>output')));
        expect(await problemsOf(throughNeuron)).toEqual([]);
        const nodes = { input: nirNode('Input', { shape: ints([8]) }), a: affine(8, 8), d: nirNode('Delay', { delay: zerosOf([8]) }), output: nirNode('Output', { shape: ints([8]) }) };
        expect(await problemsWith(nirDocument(nirGraph(nodes, edges('input>a', 'a>d', 'd>a', 'a>output'))), 'nir/cycle-without-delay')).toEqual([]);
        const inner = nirGraph({ i: nirNode('Input', { shape: ints([8]) }), l: lif(8), o: nirNode('Output', { shape: ints([8]) }) }, edges('i>l', 'l>o'));
        const withGraph = { input: nirNode('Input', { shape: ints([8]) }), a: affine(8, 8), g: inner, output: nirNode('Output', { shape: ints([8]) }) };
        expect(await problemsWith(nirDocument(nirGraph(withGraph, edges('input>a', 'a>g', 'g>a', 'g>output'))), 'nir/cycle-without-delay')).toEqual([]);
    });
});
