import { describe, expect, it } from 'vitest';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { foldingRanges } from '../../../server/src/features/folding.js';
import { semanticTokens, SEMANTIC_TOKENS_LEGEND } from '../../../server/src/features/semantic-tokens.js';
import { documentSymbols } from '../../../server/src/features/symbols.js';
import { fixture, offsetOf, readyOf, TEST_REGISTRY } from './helpers.js';

const TEXT = fixture('recurrent-nested.nir.yaml');
const ready = readyOf(TEXT);
const lineOf = (needle: string, nth = 0) => ready.text.positionAt(offsetOf(TEXT, needle, nth)).line;

describe('document symbols', () => {
    const [root] = documentSymbols(ready, TEST_REGISTRY);
    const outline = (symbol: DocumentSymbol): unknown => [symbol.name, symbol.detail, ...(symbol.children?.length ? [symbol.children.map(outline)] : [])];

    it('nests graph → nodes with their type as detail, then the edges', () => {
        expect(outline(root)).toEqual(['node', 'NIRGraph', [
            ['input', 'Input'],
            ['fc1', 'Affine'],
            ['rnn', 'NIRGraph', [
                ['input', 'Input'], ['lif', 'CubaLIF'], ['w_rec', 'Linear'], ['output', 'Output'],
                ['edges', '4', [['input → lif', undefined], ['lif → w_rec', undefined], ['w_rec → lif', undefined], ['lif → output', undefined]]],
            ]],
            ['fc2', 'Affine'],
            ['lif_out', 'CubaLIF'],
            ['output', 'Output'],
            ['edges', '5', [['input → fc1', undefined], ['fc1 → rnn', undefined], ['rnn → fc2', undefined], ['fc2 → lif_out', undefined], ['lif_out → output', undefined]]],
        ]]);
    });

    it('gives kinds by category and ranges from the key to the end of the value, selecting the name', () => {
        const rnn = root.children?.find((s) => s.name === 'rnn') as DocumentSymbol;
        expect(rnn.kind).toBe(SymbolKind.Namespace);
        expect(root.children?.find((s) => s.name === 'lif_out')?.kind).toBe(SymbolKind.Class);
        expect(rnn.selectionRange).toEqual({ start: ready.text.positionAt(offsetOf(TEXT, 'rnn:')), end: ready.text.positionAt(offsetOf(TEXT, 'rnn:') + 3) });
        expect(rnn.range.start.line).toBe(lineOf('rnn:'));
        expect(rnn.range.end.line).toBe(lineOf('- [lif, output]'));
    });
});

describe('folding ranges', () => {
    it('folds nodes, nodes: and edges: blocks and multi-line metadata, never single lines', () => {
        const ranges = foldingRanges(ready).map((r) => [r.startLine, r.endLine]);
        expect(ranges).toEqual(expect.arrayContaining([
            [lineOf('  nodes:'), lineOf('output: {type: Output, shape: [2]}')],
            [lineOf('fc1:'), lineOf('bias: {shape: [6]')],
            [lineOf('rnn:'), lineOf('- [lif, output]')],
            [lineOf('      nodes:'), lineOf('output: {type: Output, shape: [6]}')],
            [lineOf('lif:'), lineOf('w_in: 1')],
            [lineOf('w_rec:'), lineOf('weight: {shape: [6, 6]')],
            [lineOf('      edges:'), lineOf('- [lif, output]')],
            [lineOf('fc2:'), lineOf('bias: {shape: [2]')],
            [lineOf('lif_out:'), lineOf('spinnaker2: {neurons_per_core: 64}')],
            [lineOf('      metadata:'), lineOf('spinnaker2: {neurons_per_core: 64}')],
            [lineOf('\n  edges:') + 1, lineOf('- [lif_out, output]')],
        ]));
        expect(ranges.every(([start, end]) => end > start)).toBe(true);
        expect(ranges).toHaveLength(11);
    });
});

describe('semantic tokens', () => {
    /** Decodes LSP's relative encoding into [text, type, modifiers]. */
    function decode(data: number[]): [string, string, number][] {
        const tokens: [string, string, number][] = [];
        let line = 0;
        let character = 0;
        for (let i = 0; i < data.length; i += 5) {
            line += data[i];
            character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
            const start = ready.text.offsetAt({ line, character });
            tokens.push([TEXT.slice(start, start + data[i + 2]), SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]], data[i + 4]]);
        }
        return tokens;
    }

    it('marks node types, node-name declarations, edge references and parameter keys', () => {
        const tokens = decode(semanticTokens(ready).data);
        expect(tokens.slice(0, 6)).toEqual([['NIRGraph', 'type', 0], ['input', 'variable', 1], ['Input', 'type', 0], ['shape', 'property', 0], ['fc1', 'variable', 1], ['Affine', 'type', 0]]);
        expect(tokens.slice(-4)).toEqual([['fc2', 'variable', 0], ['lif_out', 'variable', 0], ['lif_out', 'variable', 0], ['output', 'variable', 0]]);
        expect(tokens.filter(([, type]) => type === 'type')).toHaveLength(11);
    });

    it('returns only the tokens inside a requested range', () => {
        const start = offsetOf(TEXT, '      edges:');
        const end = offsetOf(TEXT, '    fc2:');
        expect(decode(semanticTokens(ready, start, end).data).map(([text]) => text)).toEqual(['input', 'lif', 'lif', 'w_rec', 'w_rec', 'lif', 'lif', 'output']);
    });
});
