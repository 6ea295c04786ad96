import { describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completionsAt } from '../../../server/src/features/completion.js';
import { cursor, fixture, parse, TEST_REGISTRY } from './helpers.js';

const NESTED = fixture('recurrent-nested.nir.yaml');

/** The completion items at `¦`, with the model of `modelText` (the marked text without the cursor by default). */
function complete(source: string, modelText?: string): CompletionItem[] {
    const { text, offset } = cursor(source);
    let document;
    try {
        document = parse(modelText ?? text);
    } catch {
        document = undefined; // completion must work on text that does not parse
    }
    return completionsAt({ text: TextDocument.create('file:///t.nir.yaml', 'nir-yaml', 1, text), offset, document, registry: TEST_REGISTRY });
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
/** Labels in the order an editor shows them (by sortText, else label). */
const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);

describe('completion', () => {
    it('offers every node type with its summary as the value of type, replacing the partial word', () => {
        const items = complete(NESTED.replace('type: Linear', 'type: Li¦near'));
        expect(labels(items)).toEqual(TEST_REGISTRY.nodeKinds.ids());
        const linear = items.find((i) => i.label === 'Linear');
        expect(linear?.detail).toBe('Linear summary.');
        expect(JSON.stringify(linear?.documentation)).toContain('y = W·x');
        expect(linear?.textEdit).toMatchObject({ newText: 'Linear', range: { start: { character: 16 }, end: { character: 22 } } });
    });

    it('offers the parameters of the node\'s type, those not yet written first, with units and defaults', () => {
        const source = NESTED.replace('      tau_syn: 0.005\n      tau_mem: 0.02\n      r: 1\n', '      tau_syn: 0.005\n      ¦\n      r: 1\n');
        const items = complete(source);
        const order = sorted(items);
        // lif_out has tau_syn, r, v_leak, v_threshold written: the missing required one, then the optional ones.
        expect(order.slice(0, 3)).toEqual(['tau_mem', 'v_reset', 'w_in']);
        expect(order.indexOf('tau_syn')).toBeGreaterThan(order.indexOf('w_in'));
        expect(labels(items)).not.toContain('type');
        const tauMem = items.find((i) => i.label === 'tau_mem');
        expect(tauMem).toMatchObject({ detail: 'tensor · s · required', textEdit: { newText: 'tau_mem: ' } });
        expect(items.find((i) => i.label === 'w_in')?.detail).toBe('tensor · default 1 · optional');
    });

    it('reads the type from the text being typed, before the model knows the node', () => {
        const source = 'node:\n  type: NIRGraph\n  nodes:\n    new1:\n      type: LIF\n      ¦\n';
        const items = complete(source, 'node:\n  type: NIRGraph\n  nodes: {}\n');
        expect(sorted(items).slice(0, 4)).toEqual(['r', 'tau', 'v_leak', 'v_threshold']);
        expect(labels(items)).toEqual(expect.arrayContaining(['v_reset', 'shape', 'metadata']));
    });

    it('offers type first for a node without one, and nodes/edges for graphs', () => {
        expect(sorted(complete('node:\n  nodes:\n    x:\n      ¦\n'))[0]).toBe('type');
        expect(labels(complete('node:\n  type: NIRGraph\n  ¦\n'))).toEqual(expect.arrayContaining(['nodes', 'edges', 'metadata']));
    });

    it('offers only the node names of the same graph level in edges', () => {
        const outer = complete(NESTED.replace('    - [fc2, lif_out]', '    - [fc2, ¦]'));
        expect(labels(outer).sort()).toEqual(['fc1', 'fc2', 'input', 'lif_out', 'output', 'rnn']);
        expect(outer.find((i) => i.label === 'rnn')?.detail).toBe('NIRGraph');
        const inner = complete(NESTED.replace('        - lif -> w_rec', '        - lif -> ¦'));
        expect(labels(inner).sort()).toEqual(['input', 'lif', 'output', 'w_rec']);
    });

    it('puts Output nodes last as sources and Input nodes last as targets', () => {
        const asSource = sorted(complete(NESTED.replace('    - [input, fc1]', '    - [¦')));
        expect(asSource[asSource.length - 1]).toBe('output');
        const asTarget = sorted(complete(NESTED.replace('    - [input, fc1]', '    - [fc1, ¦')));
        expect(asTarget[asTarget.length - 1]).toBe('input');
    });

    it('offers value forms and generators inside a parameter\'s value map, and their options', () => {
        const forms = complete(NESTED.replace('bias: {shape: [6], zeros: true}', 'bias: {shape: [6], ¦}'));
        expect(labels(forms)).toEqual(expect.arrayContaining(['dtype', 'zeros', 'ones', 'constant', 'uniform', 'normal', 'fixed_probability', 'one_to_one', 'file']));
        expect(forms.find((i) => i.label === 'normal')?.textEdit?.newText).toBe('normal: {mean: 0, std: 1, seed: 0}');
        const options = complete(NESTED.replace('normal: {mean: 0, std: 1, seed: 1234}', 'normal: {mean: 0, ¦}'));
        expect(labels(options)).toEqual(['std', 'seed']);
    });

    it('offers dtype names as the value of dtype', () => {
        expect(labels(complete(NESTED.replace('bias: {shape: [6], zeros: true}', 'bias: {dtype: fl¦, zeros: true}')))).toEqual(
            expect.arrayContaining(['float16', 'float32', 'float64', 'int64', 'bool']),
        );
    });

    it('offers SpiNNaker2 hints in metadata and target ids as a target value', () => {
        expect(labels(complete(NESTED.replace('spinnaker2: {neurons_per_core: 64}', 'spinnaker2: {¦}')))).toEqual(['neurons_per_core', 'record']);
        expect(labels(complete(NESTED.replace('spinnaker2: {neurons_per_core: 64}', '¦')))).toEqual(['spinnaker2']);
        const targets = complete(NESTED.replace('spinnaker2: {neurons_per_core: 64}', 'spinnaker2: {target: ¦}'));
        expect(labels(targets)).toEqual(['test-board', 'test-boards:N']);
        expect(targets[1].textEdit?.newText).toBe('test-boards:1');
    });

    it('offers top-level keys and nothing where the user names things', () => {
        expect(labels(complete('¦'))).toEqual(['version', 'node']);
        expect(complete(NESTED.replace('    fc2:\n', '    f¦\n    fc2:\n'))).toEqual([]);
        expect(complete(NESTED.replace('tau_syn: 0.005', 'tau_syn: 0.0¦05'))).toEqual([]);
    });
});
