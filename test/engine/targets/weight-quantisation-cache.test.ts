import { describe, expect, it } from 'vitest';
import { createEngine, type NirDocument, type NirNode, type Problem } from '../../../engine/src/index.js';

const LIF = 'tau: 0.02, r: 1, v_leak: 0, v_threshold: 1';

/** Two weight layers: `fc1` explicit, `fc2` generated with the given weight text. */
const spec = (fc2Weight: string) =>
    'node:\n  type: NIRGraph\n  nodes:\n' +
    '    in: {type: Input, shape: [3]}\n' +
    '    fc1: {type: Linear, weight: [[1, 0.5, 0.003], [0.2, 0.1, 0.9]]}\n' +
    `    lif1: {type: LIF, shape: [2], ${LIF}}\n` +
    `    fc2: {type: Linear, weight: ${fc2Weight}}\n` +
    `    lif2: {type: LIF, shape: [2], ${LIF}}\n` +
    '  edges:\n    - [in, fc1]\n    - [fc1, lif1]\n    - [lif1, fc2]\n    - [fc2, lif2]\n';

const engine = createEngine();

async function load(text: string): Promise<NirDocument> {
    const { document } = await engine.load({ kind: 'spec', text });
    if (!document) throw new Error('spec did not load');
    return document;
}

async function quantisation(document: NirDocument, target = 'spinnaker2-board48'): Promise<Problem[]> {
    const { problems } = await engine.analyzeDocument(document, { target, categories: ['fast'] });
    return problems.filter((p) => p.code === 'spinnaker2/weight-quantisation');
}

/** `document` with its root child `name` replaced by the same child of `from`, as the incremental reader does. */
function withNode(document: NirDocument, from: NirDocument, name: string): NirDocument {
    const nodes = new Map<string, NirNode>([...document.root.nodes!].map(([key, node]) => [key, key === name ? from.root.nodes!.get(name)! : node]));
    return { ...document, root: { ...document.root, nodes } };
}

const byPath = (problems: readonly Problem[], path: string) => problems.find((p) => p.origin.path === path);

describe('spinnaker2/weight-quantisation report cache', () => {
    it('reuses an unchanged layer, measures an edited one again, and equals an uncached run', async () => {
        const before = await load(spec('[[1, 1], [1, 0.01]]'));
        const first = await quantisation(before);
        expect(first).toHaveLength(2);

        const editedText = spec('{shape: [2, 2], uniform: {low: -1, high: 1, seed: 3}}');
        const edited = withNode(before, await load(editedText), 'fc2');
        const second = await quantisation(edited);

        // The unchanged layer's report is the cached one; the edited layer's is new and different.
        expect(byPath(second, '/node/nodes/fc1/weight')!.data).toBe(byPath(first, '/node/nodes/fc1/weight')!.data);
        expect(byPath(second, '/node/nodes/fc2/weight')!.data).not.toBe(byPath(first, '/node/nodes/fc2/weight')!.data);
        expect(byPath(second, '/node/nodes/fc2/weight')!.message).toMatch(/estimated from the generator's distribution/);
        expect(byPath(first, '/node/nodes/fc2/weight')!.message).not.toMatch(/estimated/);

        // A fresh parse of the edited text has new tensor data everywhere, so nothing comes from the cache.
        const fresh = await quantisation(await load(editedText));
        expect(byPath(fresh, '/node/nodes/fc1/weight')!.data).not.toBe(byPath(first, '/node/nodes/fc1/weight')!.data);
        expect(second).toEqual(fresh);
    });

    it('keeps the origin of the current version and keys the report by target and layer name', async () => {
        const text = spec('[[1, 1], [1, 0.01]]');
        const document = await load(text);
        const board = await quantisation(document);
        const spinnaker1 = await quantisation(document, 'spinnaker1-board48');
        expect(spinnaker1.map((p) => p.message)).not.toEqual(board.map((p) => p.message));
        expect(spinnaker1.every((p) => p.message.includes('on spinnaker1-board48'))).toBe(true);

        // The same tensor data under another name and with moved spans: new origin, new name in the message.
        const fc1 = document.root.nodes!.get('fc1')!;
        const weight = fc1.params.get('weight')!;
        const moved = { ...weight, origin: { ...weight.origin, path: '/node/nodes/renamed/weight', span: { start: 1, end: 2 } } };
        const renamed: NirNode = { ...fc1, name: 'renamed', params: new Map([['weight', moved]]), origin: { ...fc1.origin, path: '/node/nodes/renamed' } };
        const nodes = new Map([...document.root.nodes!].map(([key, node]) => (key === 'fc1' ? ['renamed', renamed] : [key, node])));
        const edges = document.root.edges!.map((e) => (e.source === 'fc1' ? { ...e, source: 'renamed' } : e.target === 'fc1' ? { ...e, target: 'renamed' } : e));
        const again = await quantisation({ ...document, root: { ...document.root, nodes, edges } });
        const report = byPath(again, '/node/nodes/renamed/weight')!;
        expect(report.origin).toBe(moved.origin);
        expect(report.message).toBe(byPath(board, '/node/nodes/fc1/weight')!.message.replace("'fc1'", "'renamed'"));
    });
});
