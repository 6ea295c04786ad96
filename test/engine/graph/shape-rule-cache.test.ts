import { describe, expect, it } from 'vitest';
import { analyzeGraph, createEngine, NIR_NODE_KINDS, type NirDocument, type NirNode, type NodeKind } from '../../../engine/src/index.js';

const LIF = 'tau: 0.02, r: 1, v_leak: 0, v_threshold: 1';

const spec = (lifShape: string, extra = '') =>
    'node:\n  type: NIRGraph\n  nodes:\n' +
    '    in: {type: Input, shape: [2]}\n' +
    `    lif: {type: LIF, shape: ${lifShape}, ${LIF}}\n` +
    '    pool: {type: SumPool2d, kernel_size: [2, 2], stride: [2, 2], padding: [0, 0]}\n' +
    extra +
    '  edges:\n    - [in, lif]\n    - [lif, pool]\n';

let runs = 0;
const lif = NIR_NODE_KINDS.find((k) => k.id === 'LIF')!;
/** A plugin kind: its rule must run on every analysis. */
const counted: NodeKind = { ...lif, id: 'Counted', shapes: (node, ctx) => (runs++, lif.shapes(node, ctx)) };
const engine = createEngine({ plugins: [{ id: 'counted', nodeKinds: [counted] }] });

async function load(text: string): Promise<NirDocument> {
    const { document } = await engine.load({ kind: 'spec', text });
    if (!document) throw new Error('spec did not load');
    return document;
}

const child = (document: NirDocument, name: string) => document.root.nodes!.get(name)!;

describe('shape rules on parameters alone, cached by node', () => {
    it('reuses an unchanged node, runs an edited one again, and equals an uncached run', async () => {
        const before = await load(spec('[2]'));
        const first = analyzeGraph(before, engine.registry);
        const lifShape = first.get(child(before, 'lif'))!.outputShape;
        expect(lifShape).toEqual([2]);
        expect(analyzeGraph(before, engine.registry).get(child(before, 'lif'))!.outputShape).toBe(lifShape);

        // Only `lif` is replaced by its edited version, as the incremental reader does.
        const editedText = spec('[3]');
        const editedLif = child(await load(editedText), 'lif');
        const nodes = new Map<string, NirNode>([...before.root.nodes!].map(([name, node]) => [name, name === 'lif' ? editedLif : node]));
        const edited = { ...before, root: { ...before.root, nodes } };
        const second = analyzeGraph(edited, engine.registry);
        expect(second.get(nodes.get('lif')!)!.outputShape).toEqual([3]);
        expect(second.get(child(before, 'in'))!.outputShape).toBe(first.get(child(before, 'in'))!.outputShape);

        const fresh = analyzeGraph(await load(editedText), engine.registry);
        expect(second.nodes.map((n) => [n.path, n.inputShape, n.outputShape])).toEqual(fresh.nodes.map((n) => [n.path, n.inputShape, n.outputShape]));
        expect(second.problems).toEqual(fresh.problems);
    });

    it('keeps the problems of a cached rule and always runs the rules of plugin kinds', async () => {
        const document = await load(spec('[2, 2]', `    odd: {type: Flatten, input_type: [2, 3], start_dim: 5, end_dim: -1}\n    c: {type: Counted, shape: [2], ${LIF}}\n`));
        const first = analyzeGraph(document, engine.registry);
        expect(first.problems.some((p) => p.origin.path.startsWith('/node/nodes/odd/'))).toBe(true);
        const counted = runs;
        const again = analyzeGraph(document, engine.registry);
        expect(again.problems).toEqual(first.problems);
        expect(runs).toBe(counted + 1);
        expect(again.get(child(document, 'c'))!.outputShape).toEqual([2]);
    });
});
