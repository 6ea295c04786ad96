import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DTYPES, type NirDocument, type NodeKind, type Registry } from '../../../engine/src/index.js';
import { guard } from '../guard.js';
import { DocumentState, type Feature } from '../server-context.js';
import { completionContext, nodeAtNames, type CompletionContext } from './completion-context.js';
import { kindMarkdown, paramDetail } from './markdown.js';
import { toRange } from './ready-document.js';
import { yamlCursorAt, type YamlCursor } from './yaml-cursor.js';

/** What completion reads: the text at the request's version, and the model when it parsed. */
export interface CompletionInput {
    readonly text: TextDocument;
    readonly offset: number;
    readonly document?: NirDocument;
    readonly registry: Registry;
}

/** Keys and values a value map (`weight: {…}`) takes, with what they insert. */
const VALUE_MAP_KEYS: readonly (readonly [string, string, string])[] = [
    ['dtype', 'dtype: float32', 'the element type (a numpy name)'],
    ['shape', 'shape: []', 'the shape; scalars and generators fill it'],
    ['data', 'data: []', 'a scalar, a nested list, or a flat list reshaped to `shape`'],
    ['zeros', 'zeros: true', 'all zeros'],
    ['ones', 'ones: true', 'all ones'],
    ['constant', 'constant: 0', 'every element the same value'],
    ['uniform', 'uniform: {low: 0, high: 1, seed: 0}', 'seeded uniform random values in [low, high)'],
    ['normal', 'normal: {mean: 0, std: 1, seed: 0}', 'seeded normal random values'],
    ['fixed_probability', 'fixed_probability: {p: 0.1, weight: 1, seed: 0}', 'sparse `[out, in]` connectivity: each entry present with probability p'],
    ['one_to_one', 'one_to_one: 1', 'a square matrix with this value on the diagonal'],
    ['file', 'file: ', 'a `.npy` file, or a `.nir` file with `path`'],
    ['path', 'path: ', 'the dataset inside a referenced `.nir` file'],
];

/** The keys of generator recipes that take options. */
const GENERATOR_KEYS: Readonly<Record<string, readonly string[]>> = {
    uniform: ['low', 'high', 'seed'],
    normal: ['mean', 'std', 'seed'],
    fixed_probability: ['p', 'weight', 'seed'],
};

/** SpiNNaker2 hints under a node's `metadata.spinnaker2`. */
const SPINNAKER2_KEYS: readonly (readonly [string, string])[] = [
    ['neurons_per_core', 'how many neurons of this population one processing element holds'],
    ['record', 'what to record in a simulation, e.g. `[spikes]`'],
];

/** The completion items at an offset of a `*.nir.yaml` text. */
export function completionsAt(input: CompletionInput): CompletionItem[] {
    const cursor = yamlCursorAt(input.text.getText(), input.offset);
    const context = cursor && completionContext(cursor);
    if (!cursor || !context) return [];
    const range = toRange(input.text, cursor.word);
    return itemsFor(context, cursor, input).map((item) => ({ ...item, textEdit: { range, newText: item.textEdit?.newText ?? item.label } }));
}

/** An item before its range is known: `textEdit.newText` is what it inserts (default: the label). */
type Draft = Omit<CompletionItem, 'textEdit'> & { textEdit?: { newText: string } };

function itemsFor(context: CompletionContext, cursor: YamlCursor, input: CompletionInput): Draft[] {
    const { registry } = input;
    switch (context.kind) {
        case 'top-key':
            return keyItems([['version', 'the NIR version string, e.g. "1.0.8"'], ['node', 'the root node, normally a NIRGraph']], cursor);
        case 'type-value':
            return registry.nodeKinds.all().map(typeItem);
        case 'node-key':
            return nodeKeyItems(cursor, nodeAtNames(input.document, context.names)?.type, registry);
        case 'edge-end':
            return edgeItems(input.document, context.names, context.end);
        case 'value-key':
            return valueKeyItems(context.path, cursor);
        case 'dtype-value':
            return DTYPES.map((dtype) => ({ label: dtype, kind: CompletionItemKind.EnumMember }));
        case 'metadata-key':
            if (context.path.length === 0) return keyItems([['spinnaker2', 'SpiNNaker2 hints: neurons per core, recording']], cursor);
            return context.path.join('.') === 'spinnaker2' ? keyItems(SPINNAKER2_KEYS, cursor) : [];
        case 'target-value':
            return registry.targets.all().map((t) => ({
                label: t.argument ? `${t.id}:N` : t.id,
                kind: CompletionItemKind.Value,
                detail: t.title,
                documentation: t.argument ? `${t.description}\n\n${t.argument}` : t.description,
                textEdit: { newText: t.argument ? `${t.id}:1` : t.id },
            }));
    }
}

function typeItem(kind: NodeKind): Draft {
    return {
        label: kind.id,
        kind: kind.category === 'graph' ? CompletionItemKind.Module : CompletionItemKind.Class,
        detail: kind.summary,
        documentation: { kind: MarkupKind.Markdown, value: kindMarkdown(kind) },
    };
}

/**
 * The keys a node can take: parameters of its type (those not yet written first, required before
 * optional), then `shape`, `metadata`; `type` first when it is missing; `nodes`/`edges` for graphs.
 */
function nodeKeyItems(cursor: YamlCursor, modelType: string | undefined, registry: Registry): Draft[] {
    const present = cursor.siblings();
    const type = present.get('type')?.replace(/^["']|["']$/g, '') || modelType;
    const kind = type ? registry.nodeKinds.get(type) : undefined;
    const items: Draft[] = [];
    const add = (name: string, detail: string, doc: string, rank: number): void => {
        const written = present.has(name);
        items.push({
            label: name,
            kind: CompletionItemKind.Property,
            detail,
            documentation: doc,
            sortText: `${written ? 9 : rank}-${name}`,
            textEdit: { newText: `${name}: ` },
        });
    };
    if (!present.has('type')) add('type', 'the NIR node type', 'The node\'s NIR type, such as `LIF` or `Affine`.', 0);
    if (type === 'NIRGraph' || kind?.category === 'graph') {
        add('nodes', 'the graph\'s nodes by name', 'Child nodes: name → node.', 1);
        add('edges', 'the graph\'s edges', 'Edges between child nodes: `[source, target]` or `"source -> target"`.', 1);
    }
    for (const param of kind?.params ?? []) add(param.name, paramDetail(param), param.doc, param.required ? 1 : 2);
    if (kind && !kind.params.some((p) => p.name === 'shape') && kind.params.some((p) => p.kind === 'tensor')) {
        add('shape', 'YAML only · the element shape', 'The shape that scalar parameters broadcast to (not stored in `.nir`).', 3);
    }
    add('metadata', 'NIR metadata', 'Free-form metadata; SpiNNaker2 hints live under `spinnaker2`.', 4);
    return items;
}

function edgeItems(document: NirDocument | undefined, names: readonly string[], end: 'source' | 'target'): Draft[] {
    const graph = nodeAtNames(document, names);
    const last = end === 'source' ? 'Output' : 'Input';
    return [...(graph?.nodes?.values() ?? [])].map((node) => ({
        label: node.name,
        kind: CompletionItemKind.Reference,
        detail: node.type,
        sortText: `${node.type === last ? 1 : 0}-${node.name}`,
    }));
}

function valueKeyItems(path: readonly string[], cursor: YamlCursor): Draft[] {
    if (path.length === 0 || (path.length === 2 && path[0] === 'fixed_probability' && path[1] === 'weight')) {
        return VALUE_MAP_KEYS.map(([label, newText, doc]) => ({ label, kind: CompletionItemKind.Keyword, documentation: doc, textEdit: { newText } }));
    }
    const keys = path.length === 1 ? GENERATOR_KEYS[path[0]] : undefined;
    return keys ? keyItems(keys.map((k) => [k, `${path[0]} option`]), cursor) : [];
}

function keyItems(keys: readonly (readonly [string, string])[], cursor: YamlCursor): Draft[] {
    const present = cursor.siblings();
    return keys
        .filter(([name]) => !present.has(name))
        .map(([name, doc]) => ({ label: name, kind: CompletionItemKind.Property, documentation: doc, textEdit: { newText: `${name}: ` } }));
}

/**
 * Completion in `*.nir.yaml` documents. It answers from the newest text at once, without waiting
 * for that version to be parsed: the cursor's context comes from the text, and node names and
 * types from the newest parsed model, even when that is a version or two behind. Only before the
 * document's first analysis has finished does it wait, for a parse.
 */
export const completionFeature: Feature = {
    id: 'completion',
    capabilities: { completionProvider: { triggerCharacters: [' ', '[', ','] } },
    register(ctx) {
        ctx.connection.onCompletion(guard(ctx.connection.console, 'completion', async (params, token) => {
            const uri = params.textDocument.uri;
            const live = ctx.textDocument(uri);
            if (!live) return null;
            let snapshot = ctx.current(uri);
            let text = live;
            if (!snapshot) {
                // Editors update their text in place; keep the version the position refers to while waiting.
                text = TextDocument.create(live.uri, live.languageId, live.version, live.getText());
                snapshot = await ctx.whenReady(uri, DocumentState.Parsed, token);
            }
            const offset = text.offsetAt(params.position);
            return { isIncomplete: false, items: completionsAt({ text, offset, document: snapshot?.result.document, registry: ctx.engine.registry }) };
        }));
    },
};
