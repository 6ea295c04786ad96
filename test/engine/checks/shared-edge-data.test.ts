import { describe, expect, it } from 'vitest';
import { analyzeGraph, createEngine, type NirDocument } from '../../../engine/src/index.js';
import { edgeShapeVerdict, joinedEdges } from '../../../engine/src/checks/graph/edge-shapes.js';
import { missingEnds } from '../../../engine/src/checks/graph/edge-ends.js';

const spec = (lifShape: number) =>
    'node:\n  type: NIRGraph\n  nodes:\n' +
    '    in: {type: Input, shape: [2]}\n' +
    '    fc: {type: Linear, weight: [[1, 2], [3, 4]]}\n' +
    `    lif: {type: LIF, shape: [${lifShape}], tau: 0.02, r: 1, v_leak: 0, v_threshold: 1}\n` +
    '    out: {type: Output, shape: [2]}\n' +
    '  edges:\n    - [in, fc]\n    - [fc, lif]\n    - [lif, out]\n    - [lif, gone]\n';

const engine = createEngine();

async function load(text: string): Promise<NirDocument> {
    const { document } = await engine.load({ kind: 'spec', text });
    if (!document) throw new Error('spec did not load');
    return document;
}

describe('edge data shared by the edge checks of one analysis', () => {
    it('computes joined edges, verdicts and missing ends once per analysis', async () => {
        const document = await load(spec(2));
        const analysis = analyzeGraph(document, engine.registry);
        const joined = joinedEdges(analysis);
        expect(joined.map((j) => `${j.edge.source}->${j.edge.target}`)).toEqual(['in->fc', 'fc->lif', 'lif->out']);
        expect(joinedEdges(analysis)).toBe(joined);
        expect(edgeShapeVerdict(joined[1])).toBe(edgeShapeVerdict(joined[1]));
        expect(missingEnds(analysis)).toBe(missingEnds(analysis));
        expect(missingEnds(analysis).map((m) => m.name)).toEqual(['gone']);

        // Another analysis (the next version of the document) gets its own, current data.
        const next = analyzeGraph(await load(spec(3)), engine.registry);
        expect(joinedEdges(next)).not.toBe(joined);
        expect(edgeShapeVerdict(joinedEdges(next)[1])).toMatchObject({ kind: 'mismatch', carried: [2], expected: [3] });
        expect(edgeShapeVerdict(joined[1])).toEqual({ kind: 'ok' });
    });
});
