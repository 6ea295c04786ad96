import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { parseSpec, type NirDict, type NirValue } from '../../../engine/src/index.js';
import { quickFixes } from '../../../server/src/features/code-actions.js';
import type { ReadyDocument } from '../../../server/src/features/ready-document.js';
import { applyEdits, fixture, offsetOf, parse, readyOf, TEST_REGISTRY, type ShapeTable } from './helpers.js';

const TEXT = fixture('recurrent-nested.nir.yaml');
const SHAPES: ShapeTable = { '/node/nodes/fc1': [[3], [6]], '/node/nodes/input': [undefined, [3]] };

function diagnostic(doc: ReadyDocument, at: number, code: string, data: Record<string, unknown>): Diagnostic {
    const position = doc.text.positionAt(at);
    return { range: { start: position, end: position }, message: code, code, source: 'nirmesh', data };
}

function fixes(doc: ReadyDocument, ...diagnostics: Diagnostic[]): CodeAction[] {
    return quickFixes(doc, TEST_REGISTRY, diagnostics);
}

/** The text after applying a code action's edits. */
function applied(doc: ReadyDocument, action: CodeAction | undefined): string {
    if (!action?.edit?.changes) throw new Error('no edit');
    return applyEdits(doc.text.getText(), action.edit.changes[doc.snapshot.uri]);
}

function numberAt(value: NirValue | undefined): number | undefined {
    if (value?.kind !== 'tensor') return undefined;
    return value.source.kind === 'dense' ? Number(value.source.data[0]) : value.source.generator.kind === 'constant' ? value.source.generator.value : undefined;
}

function hint(metadata: NirDict | undefined): number | undefined {
    const spinnaker2 = metadata?.entries.get('spinnaker2');
    return spinnaker2?.kind === 'dict' ? numberAt(spinnaker2.entries.get('neurons_per_core')) : undefined;
}

describe('quick fix: create the missing node', () => {
    it('adds a stub of the kind its name says, with the shape the edge\'s source puts out', () => {
        const doc = readyOf(TEXT.replace('[fc1, rnn]', '[fc1, lif2]'), { shapes: SHAPES });
        const text = doc.text.getText();
        const [action] = fixes(doc, diagnostic(doc, offsetOf(text, 'lif2'), 'nir/dangling-edge', { path: '/node/edges/1' }));
        expect(action).toMatchObject({ title: "Create node 'lif2' (LIF, shape [6])", kind: 'quickfix', isPreferred: true });
        const fixed = applied(doc, action);
        expect(fixed).toContain('    output: {type: Output, shape: [2]}\n    lif2: {type: LIF, shape: [6], tau: 0.01, r: 1, v_leak: 0, v_threshold: 1}\n  edges:');
        const { document, problems } = parseSpec(fixed, { nodeKinds: (t) => TEST_REGISTRY.nodeKinds.get(t) });
        expect(problems).toEqual([]);
        expect(document?.root.nodes?.get('lif2')?.type).toBe('LIF');
    });

    it('falls back on the other end: after a weight node a LIF, as a source an Input of the target\'s input shape', () => {
        const doc = readyOf(TEXT.replace('[fc1, rnn]', '[fc1, hidden]').replace('[input, fc1]', '[source, fc1]'), { shapes: SHAPES });
        const titles = fixes(doc,
            diagnostic(doc, 0, 'nir/dangling-edge', { path: '/node/edges/1' }),
            diagnostic(doc, 0, 'nir/dangling-edge', { path: '/node/edges/0' }),
        ).map((a) => a.title);
        expect(titles).toEqual(["Create node 'hidden' (LIF, shape [6])", "Create node 'source' (Input, shape [3])"]);
    });

    it('writes into a flow nodes mapping and quotes names that need it', () => {
        const flow = 'node:\n  type: NIRGraph\n  nodes: {a: {type: Input, shape: [2]}, b: {type: Linear, weight: [[1, 2], [3, 4]]}}\n  edges: [[a, b], [b, "out put"]]\n';
        const doc = readyOf(flow, { shapes: { '/node/nodes/b': [[2], [2]] } });
        const action = fixes(doc, diagnostic(doc, offsetOf(flow, '"out put"'), 'nir/dangling-edge', { path: '/node/edges/1' }))[0];
        expect(action.title).toBe("Create node 'out put' (Output, shape [2])");
        const fixed = applied(doc, action);
        expect(fixed).toContain('[3, 4]]}, "out put": {type: Output, shape: [2]}}');
        expect(parse(fixed).root.nodes?.get('out put')?.type).toBe('Output');
    });

    it('creates nodes in nested graphs at their own level', () => {
        const doc = readyOf(TEXT.replace('- [lif, output]', '- [lif, readout]'));
        const fixed = applied(doc, fixes(doc, diagnostic(doc, 0, 'nir/dangling-edge', { path: '/node/nodes/rnn/edges/3' }))[0]);
        expect(fixed).toContain('        output: {type: Output, shape: [6]}\n        readout: {type: Output, shape: [1]}\n      edges:');
    });
});

describe('quick fix: neurons per core', () => {
    const fix = (doc: ReadyDocument, path: string, value: unknown) =>
        fixes(doc, diagnostic(doc, 0, 'spinnaker2/neurons-per-core', { path, fix: 'set-neurons-per-core', value }));

    it('replaces a value that is written', () => {
        const doc = readyOf(TEXT);
        const [action] = fix(doc, '/node/nodes/lif_out', 32);
        expect(action.title).toBe("Set neurons_per_core of 'lif_out' to 32");
        expect(hint(parse(applied(doc, action)).root.nodes?.get('lif_out')?.metadata)).toBe(32);
    });

    it('adds metadata to a node without any, found from a path inside it', () => {
        const doc = readyOf(TEXT);
        const fixed = applied(doc, fix(doc, '/node/nodes/rnn/nodes/lif/tau_mem', 3)[0]);
        expect(fixed).toContain('          w_in: 1\n          metadata: {spinnaker2: {neurons_per_core: 3}}\n');
        expect(hint(parse(fixed).root.nodes?.get('rnn')?.nodes?.get('lif')?.metadata)).toBe(3);
    });

    it('adds spinnaker2 to existing metadata and neurons_per_core to existing hints', () => {
        const withDescription = readyOf(TEXT.replace('spinnaker2: {neurons_per_core: 64}', 'note: hand-tuned'));
        const fixedA = applied(withDescription, fix(withDescription, '/node/nodes/lif_out', 16)[0]);
        expect(hint(parse(fixedA).root.nodes?.get('lif_out')?.metadata)).toBe(16);
        const withRecord = readyOf(TEXT.replace('spinnaker2: {neurons_per_core: 64}', 'spinnaker2: {record: [spikes]}'));
        const fixedB = applied(withRecord, fix(withRecord, '/node/nodes/lif_out', 8)[0]);
        expect(fixedB).toContain('spinnaker2: {record: [spikes], neurons_per_core: 8}');
    });

    it('offers nothing without a usable value', () => {
        const doc = readyOf(TEXT);
        expect(fix(doc, '/node/nodes/lif_out', 0)).toEqual([]);
        expect(fix(doc, '/node/nodes/lif_out', '12')).toEqual([]);
    });
});

describe('quick fix: shape', () => {
    it('sets a written shape to the inferred one', () => {
        const doc = readyOf(TEXT);
        const [action] = fixes(doc, diagnostic(doc, 0, 'nir/shape-mismatch', { path: '/node/nodes/output/shape', fix: 'set-shape', shape: [4] }));
        expect(action.title).toBe("Set the shape of 'output' to [4]");
        expect(applied(doc, action)).toContain('    output: {type: Output, shape: [4]}');
    });

    it('sets the shape of the node the check names, not of the graph of an edge it points at', () => {
        const doc = readyOf(TEXT);
        const onEdge = { path: '/node/edges/4', fix: 'set-shape', shape: [5] };
        expect(fixes(doc, diagnostic(doc, 0, 'nir/edge-shape', onEdge))).toEqual([]);
        const [action] = fixes(doc, diagnostic(doc, 0, 'nir/edge-shape', { ...onEdge, node: '/node/nodes/output' }));
        expect(applied(doc, action)).toContain('    output: {type: Output, shape: [5]}');
    });

    it('adds no shape to a node whose kind has none (its YAML-only shape is not in the model)', () => {
        const doc = readyOf(TEXT);
        expect(fixes(doc, diagnostic(doc, 0, 'x/y', { path: '/node/nodes/lif_out', fix: 'set-shape', shape: [3] }))).toEqual([]);
    });

    it('adds a shape to a node whose kind takes one', () => {
        const doc = readyOf(TEXT.replace('output: {type: Output, shape: [2]}', 'output: {type: Output}'));
        expect(applied(doc, fixes(doc, diagnostic(doc, 0, 'x/y', { path: '/node/nodes/output', fix: 'set-shape', shape: [2, 3] }))[0]))
            .toContain('    output: {type: Output, shape: [2, 3]}');
    });
});

describe('quick fix: duplicate edge', () => {
    it('removes a block item\'s whole line', () => {
        const doc = readyOf(TEXT.replace('    - [fc2, lif_out]\n', '    - [fc2, lif_out]\n    - fc2 -> lif_out\n'));
        const [action] = fixes(doc, diagnostic(doc, 0, 'nir/duplicate-edge', { path: '/node/edges/4' }));
        expect(action.title).toBe('Remove the duplicate edge fc2 → lif_out');
        expect(applied(doc, action)).toBe(TEXT);
    });

    it('removes a flow item with its comma', () => {
        const flow = 'node:\n  type: NIRGraph\n  nodes: {a: {type: Input, shape: [1]}, b: {type: Output, shape: [1]}}\n  edges: [[a, b], [a, b]]\n';
        const doc = readyOf(flow);
        expect(applied(doc, fixes(doc, diagnostic(doc, 0, 'nir/duplicate-edge', { path: '/node/edges/1' }))[0])).toContain('edges: [[a, b]]\n');
    });
});

describe('code actions', () => {
    it('answer only nirmesh diagnostics with a fix they know', () => {
        const doc = readyOf(TEXT);
        expect(fixes(doc, { ...diagnostic(doc, 0, 'nir/duplicate-edge', { path: '/node/edges/0' }), source: 'yaml' })).toEqual([]);
        expect(fixes(doc, diagnostic(doc, 0, 'nir/other', { path: '/node', fix: 'no-such-fix' }))).toEqual([]);
        expect(fixes(doc, { ...diagnostic(doc, 0, 'nir/duplicate-edge', {}), data: undefined })).toEqual([]);
    });
});

describe('quick fix: Linear after Flatten becomes an Affine (spinnaker2/from-nir)', () => {
    it('renames the type and adds a zero bias, which reads back as an Affine', () => {
        const text = 'node:\n  type: NIRGraph\n  nodes:\n    flat: {type: Flatten, start_dim: 0, end_dim: -1}\n    fc:\n      type: Linear\n      weight: [[1, 2], [3, 4]]\n  edges: [[flat, fc]]\n';
        const doc = readyOf(text);
        const [action] = fixes(doc, diagnostic(doc, offsetOf(text, 'Linear'), 'spinnaker2/from-nir', { fix: 'linear-to-affine', node: '/node/nodes/fc' }));
        expect(action).toMatchObject({ title: "Make 'fc' an Affine with bias 0", isPreferred: true });
        const fixed = applied(doc, action);
        expect(fixed).toContain('      type: Affine\n      weight: [[1, 2], [3, 4]]\n      bias: 0\n');
        const fc = parseSpec(fixed, { nodeKinds: (t) => TEST_REGISTRY.nodeKinds.get(t) }).document?.root.nodes?.get('fc');
        expect([fc?.type, numberAt(fc?.params.get('bias'))]).toEqual(['Affine', 0]);
    });

    it('offers nothing for a node that is not a Linear', () => {
        const text = 'node:\n  type: NIRGraph\n  nodes:\n    fc: {type: Affine, weight: [[1]], bias: 0}\n  edges: []\n';
        const doc = readyOf(text);
        expect(fixes(doc, diagnostic(doc, 0, 'spinnaker2/from-nir', { fix: 'linear-to-affine', node: '/node/nodes/fc' }))).toEqual([]);
    });
});
