import { describe, expect, it } from 'vitest';
import { createEngine, type AnalysedNode, type GraphAnalysis, type NirDocument, type NirNode, type Problem } from '../../../engine/src/index.js';
import { PARAM_SHAPE } from '../../../engine/src/checks/graph/param-shape.js';

const spec = (tau: string) =>
    'node:\n  type: NIRGraph\n  nodes:\n' +
    '    in: {type: Input, shape: [4]}\n' +
    '    fc: {type: Affine, weight: [1, 2, 3, 4], bias: [0, 0, 0, 0]}\n' +
    `    lif: {type: LIF, shape: [4], tau: ${tau}, r: 1, v_leak: 0, v_threshold: 1}\n` +
    '    out: {type: Output, shape: [4]}\n' +
    '  edges:\n    - [in, fc]\n    - [fc, lif]\n    - [lif, out]\n';

const engine = createEngine();

async function load(text: string): Promise<NirDocument> {
    const { document } = await engine.load({ kind: 'spec', text });
    if (!document) throw new Error('spec did not load');
    return document;
}

async function paramShape(document: NirDocument): Promise<Problem[]> {
    const { problems } = await engine.analyzeDocument(document, { target: 'none' });
    return problems.filter((p) => p.code === 'nir/param-shape');
}

const at = (problems: readonly Problem[], path: string) => problems.filter((p) => p.origin.path.startsWith(path));

describe('nir/param-shape per-node cache', () => {
    it('reuses an unchanged node, checks an edited one again, and equals an uncached run', async () => {
        const before = await load(spec('[0.02, 0.02]'));
        const first = await paramShape(before);
        expect(at(first, '/node/nodes/fc/')).toHaveLength(1);
        expect(at(first, '/node/nodes/lif/')).toHaveLength(1);

        // Replace only `lif` by its edited version, as the incremental reader does.
        const editedText = spec('[0.02, 0.02, 0.02]');
        const lif = (await load(editedText)).root.nodes!.get('lif')!;
        const nodes = new Map<string, NirNode>([...before.root.nodes!].map(([name, node]) => [name, name === 'lif' ? lif : node]));
        const second = await paramShape({ ...before, root: { ...before.root, nodes } });

        expect(at(second, '/node/nodes/fc/')[0]).toBe(at(first, '/node/nodes/fc/')[0]);
        expect(at(second, '/node/nodes/lif/')[0]).not.toBe(at(first, '/node/nodes/lif/')[0]);
        expect(at(second, '/node/nodes/lif/')[0].message).toContain('has shape [3]');

        const fresh = await paramShape(await load(editedText));
        expect(at(fresh, '/node/nodes/fc/')[0]).not.toBe(at(first, '/node/nodes/fc/')[0]);
        expect(second).toEqual(fresh);
    });

    it('checks a node again when its inferred shape changes', async () => {
        const document = await load(spec('[0.02, 0.02]'));
        const { analysis } = await engine.analyzeDocument(document, { target: 'none' });
        const lif = analysis!.get(document.root.nodes!.get('lif')!)!;
        const run = (node: AnalysedNode): Problem[] => {
            const problems: Problem[] = [];
            const only = { ...analysis!, nodes: [node] } as GraphAnalysis;
            PARAM_SHAPE.run({ analysis: only, registry: engine.registry, report: (p) => problems.push(p) });
            return problems;
        };
        const asWritten = run(lif);
        expect(run(lif)[0]).toBe(asWritten[0]);
        // With the node's shape inferred as [2], tau agrees and r, v_leak, v_threshold are the odd ones.
        const narrower = run({ ...lif, outputShape: [2] });
        expect(narrower.map((p) => p.origin.path)).toEqual(['/node/nodes/lif/r', '/node/nodes/lif/v_leak', '/node/nodes/lif/v_threshold']);
        expect(run(lif)).toEqual(asWritten);
    });
});
