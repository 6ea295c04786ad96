import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
    createEngine,
    parseSpec,
    type AnalysedNode,
    type GraphAnalysis,
    type MappingResult,
    type NirDocument,
    type NirNode,
    type NodeKind,
    type ParamKind,
    type ParamSpec,
    type Registry,
    type Shape,
} from '../../../engine/src/index.js';
import { DocumentState, type DocumentSnapshot } from '../../../server/src/server-context.js';
import { fromSnapshot, type ReadyDocument } from '../../../server/src/features/ready-document.js';

type Param = [name: string, kind: ParamKind, extra?: Partial<ParamSpec>];

function kind(id: string, category: NodeKind['category'], params: Param[], equation?: string): NodeKind {
    const specs: ParamSpec[] = params.map(([name, k, extra]) => ({ name, kind: k, required: true, doc: `The ${name} of ${id}.`, ...extra }));
    return { id, category, summary: `${id} summary.`, equation, params: specs, stateful: category === 'neuron', spiking: category === 'neuron', shapes: () => ({}) };
}

const tau: Partial<ParamSpec> = { unit: 's' };

/**
 * Node kinds shaped like NIR's (parameter names, kinds, units, defaults), so that these tests
 * check the features' logic and not the shipped kinds' wording.
 */
export const TEST_KINDS: readonly NodeKind[] = [
    kind('NIRGraph', 'graph', []),
    kind('Input', 'io', [['shape', 'shape']]),
    kind('Output', 'io', [['shape', 'shape']]),
    kind('Affine', 'linear', [['weight', 'tensor'], ['bias', 'tensor']], 'y = W·x + b'),
    kind('Linear', 'linear', [['weight', 'tensor']], 'y = W·x'),
    kind('LIF', 'neuron', [['tau', 'tensor', tau], ['r', 'tensor'], ['v_leak', 'tensor'], ['v_threshold', 'tensor'], ['v_reset', 'tensor', { required: false, defaultValue: 0 }]], 'τ·dv/dt = (v_leak − v) + R·I'),
    kind('CubaLIF', 'neuron', [
        ['tau_syn', 'tensor', tau], ['tau_mem', 'tensor', tau], ['r', 'tensor'], ['v_leak', 'tensor'], ['v_threshold', 'tensor'],
        ['v_reset', 'tensor', { required: false, defaultValue: 0 }], ['w_in', 'tensor', { required: false, defaultValue: 1 }],
    ]),
    kind('Conv2d', 'conv', [['input_shape', 'shape'], ['weight', 'tensor'], ['stride', 'int-or-pair'], ['padding', 'padding'], ['dilation', 'int-or-pair'], ['groups', 'int'], ['bias', 'tensor']]),
];

/** A registry holding the test kinds and two target families, one of them parametric. */
export const TEST_REGISTRY: Registry = createEngine({
    withoutBuiltins: true,
    plugins: [{
        id: 'test',
        nodeKinds: TEST_KINDS,
        targets: [
            { id: 'test-board', title: 'Test board', description: 'One test board.', create: () => ({ error: 'not for mapping' }) },
            { id: 'test-boards', title: 'Test boards', description: 'N test boards.', argument: 'N: number of boards', create: () => ({ error: 'not for mapping' }) },
        ],
    }],
}).registry;

/** A fixture file of this folder. */
export function fixture(name: string): string {
    return readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
}

/** A text with one cursor marked `¦`: the text without it and the cursor's offset. */
export function cursor(source: string): { text: string; offset: number } {
    const offset = source.indexOf('¦');
    if (offset < 0 || source.indexOf('¦', offset + 1) >= 0) throw new Error('mark exactly one cursor with ¦');
    return { text: source.slice(0, offset) + source.slice(offset + 1), offset };
}

/** The offset of the `nth` (0-based) occurrence of `needle`, plus `delta`. */
export function offsetOf(text: string, needle: string, nth = 0, delta = 0): number {
    let at = -1;
    for (let i = 0; i <= nth; i++) {
        at = text.indexOf(needle, at + 1);
        if (at < 0) throw new Error(`'${needle}' occurs fewer than ${nth + 1} times`);
    }
    return at + delta;
}

/** Parses a spec with the test kinds. */
export function parse(text: string): NirDocument {
    const { document, problems } = parseSpec(text, { nodeKinds: (type) => TEST_REGISTRY.nodeKinds.get(type) });
    if (!document) throw new Error(`the spec did not parse: ${problems.map((p) => p.message).join('; ')}`);
    return document;
}

/** Input and output shapes by node path, for a hand-made analysis. */
export type ShapeTable = Readonly<Record<string, readonly [Shape | undefined, Shape | undefined]>>;

/**
 * An analysis of a document with the test kinds and the given shapes (graph analysis is not
 * under test here). Cast, so that it keeps compiling while the analysis gains fields.
 */
export function analysisOf(document: NirDocument, shapes: ShapeTable = {}): GraphAnalysis {
    const byNode = new Map<NirNode, AnalysedNode>();
    const visit = (node: NirNode, depth: number, parent?: NirNode): void => {
        const [inputShape, outputShape] = shapes[node.origin.path] ?? [undefined, undefined];
        const edges = parent?.edges ?? [];
        const analysed = {
            node, path: node.origin.path, parent, depth, kind: TEST_REGISTRY.nodeKinds.get(node.type), inputShape, outputShape,
            incoming: edges.filter((e) => e.target === node.name), outgoing: edges.filter((e) => e.source === node.name),
        };
        byNode.set(node, analysed as AnalysedNode);
        for (const child of node.nodes?.values() ?? []) visit(child, depth + 1, node);
    };
    visit(document.root, 0);
    const get = (node: NirNode) => byNode.get(node);
    const topologicalOrder = (graph: NirNode) => [...(graph.nodes?.values() ?? [])].map((n) => byNode.get(n) as AnalysedNode);
    return { document, nodes: [...byNode.values()], get, topologicalOrder, problems: [] } as GraphAnalysis;
}

/** The ready view of a spec text, as the server's features get it. */
export function readyOf(text: string, options: { shapes?: ShapeTable; mapping?: MappingResult } = {}): ReadyDocument {
    const document = parse(text);
    const analysis = analysisOf(document, options.shapes);
    const state = options.mapping ? DocumentState.Mapped : DocumentState.Checked;
    const snapshot: DocumentSnapshot = {
        uri: 'file:///test/spec.nir.yaml',
        version: 1,
        format: 'spec',
        textDocument: TextDocument.create('file:///test/spec.nir.yaml', 'nir-yaml', 1, text),
        state,
        result: { document, analysis, mapping: options.mapping, problems: [] },
        problems: [],
    };
    const ready = fromSnapshot(snapshot);
    if (!ready) throw new Error('no ready view');
    return ready;
}

/** A text with LSP edits applied. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('file:///x', 'nir-yaml', 1, text), [...edits]);
}
