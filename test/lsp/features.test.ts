/**
 * The editing features over stdio, driven like an editor: the built `dist/server.cjs` (run
 * `node esbuild.mjs` first), the real engine (spec parser, node kinds, checks), `vscode-jsonrpc`
 * on this side. Edits the server proposes are applied here and sent back as the editor would.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
    CodeAction,
    CompletionList,
    Diagnostic,
    DocumentSymbol,
    Hover,
    InitializeResult,
    Location,
    Position,
    PublishDiagnosticsParams,
    SemanticTokens,
    WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from '../helpers/lsp-client.js';
import { LIST_TARGETS_COMMAND, type TargetInfo } from '../../protocol/index.js';

const SPEC = readFileSync(join(import.meta.dirname, '..', 'server', 'features', 'fixtures', 'recurrent-nested.nir.yaml'), 'utf8');
const GRAPH_ONLY = { target: 'none', validationDelayMs: 0 };

let dir: string;
let client: LspTestClient | undefined;

beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nirmesh-features-'));
});

afterEach(() => client?.dispose());

async function started(settings: Record<string, unknown> = GRAPH_ONLY): Promise<{ c: LspTestClient; init: InitializeResult }> {
    client = LspTestClient.start({ settings });
    return { c: client, init: await client.initialize() };
}

/** The position of the `nth` occurrence of `needle` in `text`, plus `delta` characters. */
function at(text: string, needle: string, delta = 0, nth = 0): Position {
    let offset = -1;
    for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`'${needle}' not found`);
    return TextDocument.create('file:///x', 'nir-yaml', 1, text).positionAt(offset + delta);
}

/** A document the test edits as an editor would: its text follows every change it sends. */
class Editor {
    private document: TextDocument;

    constructor(private readonly c: LspTestClient, readonly uri: string, text: string) {
        this.document = TextDocument.create(uri, 'nir-yaml', 1, text);
        c.open(uri, text);
    }

    get text(): string {
        return this.document.getText();
    }

    /** Applies a workspace edit's changes to this document and sends them as one incremental change. */
    apply(edit: WorkspaceEdit | null | undefined): void {
        const edits = edit?.changes?.[this.uri] ?? [];
        expect(edits.length).toBeGreaterThan(0);
        const next = TextDocument.applyEdits(this.document, edits);
        this.replace(next);
    }

    /** Sends a whole new text. */
    replace(text: string): void {
        const version = this.c.change(this.uri, text);
        this.document = TextDocument.create(this.uri, 'nir-yaml', version, text);
    }

    /** The diagnostics of the newest version. */
    diagnostics(accept: (d: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
        return this.c.waitForDiagnostics(this.uri, accept);
    }

    request<R>(method: string, position: Position, extra: Record<string, unknown> = {}): Promise<R> {
        return this.c.request<R>(method, { textDocument: { uri: this.uri }, position, ...extra });
    }
}

const markdown = (hover: Hover | null) => (hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '');
const errors = (d: PublishDiagnosticsParams) => d.diagnostics.filter((x) => x.severity === 1);

describe('editing features over stdio', () => {
    it('announces every editing capability and lists the hardware targets', async () => {
        const { c, init } = await started();
        const caps = init.capabilities;
        expect(caps).toMatchObject({
            hoverProvider: true,
            definitionProvider: true,
            referencesProvider: true,
            renameProvider: { prepareProvider: true },
            documentSymbolProvider: true,
            foldingRangeProvider: true,
            codeLensProvider: {},
            codeActionProvider: { codeActionKinds: ['quickfix'] },
            executeCommandProvider: { commands: [LIST_TARGETS_COMMAND] },
        });
        expect(caps.completionProvider?.triggerCharacters).toContain('[');
        expect(caps.semanticTokensProvider?.legend.tokenTypes).toEqual(['type', 'variable', 'property']);
        const targets = await c.request<TargetInfo[]>('workspace/executeCommand', { command: LIST_TARGETS_COMMAND, arguments: [] });
        expect(targets.map((t) => t.id)).toEqual(expect.arrayContaining(['spinnaker2-board48', 'none']));
        expect(await c.shutdown()).toBe(0);
    });

    it('completes node types, parameters and same-level node names while the user types', async () => {
        const { c } = await started();
        const editor = new Editor(c, pathToFileURL(join(dir, 'complete.nir.yaml')).href, SPEC);
        await editor.diagnostics();
        editor.replace(SPEC.replace('type: Linear', 'type: Li'));
        const types = await editor.request<CompletionList>('textDocument/completion', at(editor.text, 'type: Li', 8));
        expect(types.items.map((i) => i.label)).toEqual(expect.arrayContaining(['LIF', 'LI', 'Linear', 'Affine', 'NIRGraph']));
        expect(types.items.find((i) => i.label === 'LIF')?.textEdit).toMatchObject({ newText: 'LIF', range: { start: at(editor.text, 'type: Li', 6) } });

        editor.replace(SPEC.replace('      tau_mem: 0.02\n      r: 1\n', '      t\n      r: 1\n'));
        const params = await editor.request<CompletionList>('textDocument/completion', at(editor.text, '      t\n', 7));
        const first = [...params.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0];
        expect(first.label).toBe('tau_mem');

        editor.replace(SPEC.replace('        - [w_rec, lif]', '        - [w_rec, '));
        const names = await editor.request<CompletionList>('textDocument/completion', at(editor.text, '- [w_rec, ', 10));
        expect(names.items.map((i) => i.label).sort()).toEqual(['input', 'lif', 'output', 'w_rec']);
        expect(await c.shutdown()).toBe(0);
    });

    it('hovers a node with its type and cost, and a parameter with its value', async () => {
        const { c } = await started();
        const editor = new Editor(c, pathToFileURL(join(dir, 'hover.nir.yaml')).href, SPEC);
        const fc2 = markdown(await editor.request<Hover>('textDocument/hover', at(SPEC, 'fc2:')));
        expect(fc2).toContain('`fc2` · `Affine`');
        expect(fc2).toContain('Input [6] → output [2]');
        expect(fc2).toContain('12 synapses');
        const viaEdge = markdown(await editor.request<Hover>('textDocument/hover', at(SPEC, 'rnn -> fc2', 8)));
        expect(viaEdge).toBe(fc2);
        const weight = markdown(await editor.request<Hover>('textDocument/hover', at(SPEC, 'weight: {shape: [2, 6]')));
        expect(weight).toContain('Value: float32 [2, 6], normal(mean 0, std 1, seed 5)');
        expect(await editor.request<Hover | null>('textDocument/hover', at(SPEC, 'version'))).toBeNull();
        expect(await c.shutdown()).toBe(0);
    });

    it('goes to definition, finds references and renames a node across its edges, per graph level', async () => {
        const { c } = await started();
        const editor = new Editor(c, pathToFileURL(join(dir, 'rename.nir.yaml')).href, SPEC);
        expect(errors(await editor.diagnostics())).toEqual([]);

        const definition = await editor.request<Location[]>('textDocument/definition', at(SPEC, '[input, lif]', 2));
        expect(definition.map((l) => l.range.start)).toEqual([at(SPEC, 'input: {type: Input, shape: [6]}')]);
        const references = await editor.request<Location[]>('textDocument/references', at(SPEC, 'lif:'), { context: { includeDeclaration: false } });
        expect(references).toHaveLength(4);

        const prepared = await editor.request<{ placeholder: string }>('textDocument/prepareRename', at(SPEC, 'lif:', 1));
        expect(prepared.placeholder).toBe('lif');
        await expect(editor.request('textDocument/rename', at(SPEC, 'lif:'), { newName: 'w_rec' })).rejects.toThrow("A node named 'w_rec' already exists in this graph.");
        await expect(editor.request('textDocument/rename', at(SPEC, 'lif:'), { newName: 'a/b' })).rejects.toThrow(/cannot contain '\/'/);

        editor.apply(await editor.request<WorkspaceEdit>('textDocument/rename', at(SPEC, 'lif:'), { newName: 'recurrent' }));
        expect(editor.text).toContain('- recurrent -> w_rec');
        expect(editor.text).toContain('lif_out:');
        expect(errors(await editor.diagnostics())).toEqual([]);
        const after = await editor.request<Location[]>('textDocument/references', at(editor.text, 'recurrent:'), { context: { includeDeclaration: true } });
        expect(after).toHaveLength(5);
        expect(await c.shutdown()).toBe(0);
    });

    it('applies a quick fix that clears the diagnostic it answers', async () => {
        const { c } = await started({ target: 'spinnaker2-board48', validationDelayMs: 0, mapOn: 'never' });
        const text = SPEC.replace('spinnaker2: {neurons_per_core: 64}', 'spinnaker2: {neurons_per_core: 100000}');
        const editor = new Editor(c, pathToFileURL(join(dir, 'fix.nir.yaml')).href, text);
        const isTooMany = (d: Diagnostic) => d.code === 'spinnaker2/neurons-per-core';
        const published = await editor.diagnostics((p) => p.diagnostics.some(isTooMany));
        const diagnostic = published.diagnostics.find(isTooMany) as Diagnostic;
        expect(diagnostic.data).toMatchObject({ fix: 'set-neurons-per-core' });

        const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri: editor.uri },
            range: diagnostic.range,
            context: { diagnostics: [diagnostic], only: ['quickfix'] },
        });
        const fix = actions.find((a) => a.title.startsWith("Set neurons_per_core of 'lif_out'"));
        expect(fix?.isPreferred).toBe(true);
        editor.apply(fix?.edit);
        expect(editor.text).toContain(`spinnaker2: {neurons_per_core: ${(diagnostic.data as { value: number }).value}}`);
        const after = await editor.diagnostics();
        expect(after.diagnostics.filter(isTooMany)).toEqual([]);
        expect(await c.shutdown()).toBe(0);
    });

    it('creates a missing node and removes a duplicate edge, clearing the graph errors', async () => {
        const { c } = await started();
        const text = SPEC.replace('[fc1, rnn]', '[fc1, lif2]').replace('    - [fc2, lif_out]\n', '    - [fc2, lif_out]\n    - fc2 -> lif_out\n');
        const editor = new Editor(c, pathToFileURL(join(dir, 'graph-fix.nir.yaml')).href, text);
        const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);
        const broken = await editor.diagnostics((p) => codes(p).includes('nir/dangling-edge') && codes(p).includes('nir/duplicate-edge'));
        for (const code of ['nir/dangling-edge', 'nir/duplicate-edge']) {
            const published = code === 'nir/dangling-edge' ? broken : await editor.diagnostics((p) => codes(p).includes(code));
            const diagnostic = published.diagnostics.find((d) => d.code === code) as Diagnostic;
            const [action] = await c.request<CodeAction[]>('textDocument/codeAction', {
                textDocument: { uri: editor.uri },
                range: diagnostic.range,
                context: { diagnostics: [diagnostic] },
            });
            expect(action.title).toBe(code === 'nir/dangling-edge' ? "Create node 'lif2' (LIF, shape [6])" : 'Remove the duplicate edge fc2 → lif_out');
            editor.apply(action.edit);
        }
        const fixed = await editor.diagnostics();
        expect(codes(fixed).filter((code) => code === 'nir/dangling-edge' || code === 'nir/duplicate-edge')).toEqual([]);
        expect(editor.text).toContain('    lif2: {type: LIF, shape: [6], tau: ');
        expect(await c.shutdown()).toBe(0);
    });

    it('flattens a nested graph that py-spinnaker2\'s from_nir would refuse, and the hint goes', async () => {
        const { c } = await started({ target: 'spinnaker2-board48', validationDelayMs: 0, mapOn: 'never' });
        const editor = new Editor(c, pathToFileURL(join(dir, 'nested.nir.yaml')).href, SPEC);
        const isNested = (d: Diagnostic) => d.code === 'spinnaker2/from-nir' && (d.data as { fix?: string } | undefined)?.fix === 'flatten-graph';
        const published = await editor.diagnostics((p) => p.diagnostics.some(isNested));
        const diagnostic = published.diagnostics.find(isNested) as Diagnostic;
        const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri: editor.uri },
            range: diagnostic.range,
            context: { diagnostics: [diagnostic], only: ['quickfix'] },
        });
        const fix = actions.find((a) => a.title === "Flatten the nested graph 'rnn' into its parent");
        expect(fix?.isPreferred).toBe(true);
        editor.apply(fix?.edit);
        expect(editor.text).toContain('    rnn_lif:\n      type: CubaLIF\n      shape: [6]\n');
        expect(editor.text).toContain('    rnn_w_rec:\n      type: Linear\n');
        expect(editor.text).toContain('    - [fc1, rnn_lif]\n    - rnn_lif -> fc2\n    - [fc2, lif_out]\n    - [lif_out, output]\n    - [rnn_lif, rnn_w_rec]\n    - [rnn_w_rec, rnn_lif]\n');
        const after = await editor.diagnostics();
        expect(after.diagnostics.filter(isNested)).toEqual([]);
        const problems = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.severity !== 4).map((d) => d.code).sort();
        expect(problems(after)).toEqual(problems(published));
        expect(await c.shutdown()).toBe(0);
    });

    it('gives the outline, folding, semantic tokens and code lenses of a spec', async () => {
        const { c } = await started();
        const editor = new Editor(c, pathToFileURL(join(dir, 'outline.nir.yaml')).href, SPEC);
        const textDocument = { uri: editor.uri };
        const [root] = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument });
        expect(root.children?.map((s) => s.name)).toEqual(['input', 'fc1', 'rnn', 'fc2', 'lif_out', 'output', 'edges']);
        expect(root.children?.[2].children?.map((s) => `${s.name}: ${s.detail}`)).toEqual(['input: Input', 'lif: CubaLIF', 'w_rec: Linear', 'output: Output', 'edges: 4']);
        const folds = await c.request<{ startLine: number }[]>('textDocument/foldingRange', { textDocument });
        expect(folds.map((f) => f.startLine)).toContain(at(SPEC, 'rnn:').line);
        const tokens = await c.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument });
        expect(tokens.data.length % 5).toBe(0);
        expect(tokens.data.length / 5).toBeGreaterThan(50);
        const lenses = await c.request<{ command?: { title: string } }[]>('textDocument/codeLens', { textDocument });
        expect(lenses.map((l) => l.command?.title)).toContain('12 synapses');
        expect(await c.shutdown()).toBe(0);
    });

    it('answers every feature on a .nir file and on a closed document without failing', async () => {
        const { c } = await started();
        const path = join(dir, 'prim_linear.nir');
        copyFileSync(join(import.meta.dirname, 'fixtures', 'prim_linear.nir'), path);
        const uri = pathToFileURL(path).href;
        c.open(uri, '', 'nir');
        await c.waitForDiagnostics(uri);
        const position = { line: 0, character: 0 };
        for (const target of [uri, 'file:///never/opened.nir.yaml']) {
            const textDocument = { uri: target };
            expect(await c.request('textDocument/hover', { textDocument, position })).toBeNull();
            expect(await c.request('textDocument/definition', { textDocument, position })).toBeNull();
            expect(await c.request('textDocument/documentSymbol', { textDocument })).toBeNull();
            expect(await c.request('textDocument/completion', { textDocument, position })).toBeNull();
        }
        expect(await c.shutdown()).toBe(0);
    });
});
