/**
 * The grammar under the engine VS Code runs: vscode-textmate with Oniguruma (vscode-oniguruma's
 * WebAssembly), our `source.nir-yaml` over a real YAML grammar (textmate/yaml.tmbundle, from the
 * tm-grammars package) with our injection injected as package.json declares it. Lines are
 * tokenized in sequence, carrying the rule stack, as an editor does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { grammars: { scopeName: string; path: string; injectTo?: string[]; language?: string }[] };
};

/** Grammar files by scope name: ours from package.json, YAML's from tm-grammars. */
const GRAMMAR_FILES = new Map<string, string>([
    ...manifest.contributes.grammars.map((g) => [g.scopeName, join(ROOT, g.path)] as [string, string]),
    ['source.yaml', require.resolve('tm-grammars/grammars/yaml.json')],
]);

let grammar: IGrammar;

beforeAll(async () => {
    await loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
    const registry = new Registry({
        onigLib: Promise.resolve({ createOnigScanner: (sources) => new OnigScanner(sources), createOnigString: (text) => new OnigString(text) }),
        loadGrammar: async (scopeName) => {
            const file = GRAMMAR_FILES.get(scopeName);
            return file ? parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
        },
        getInjections: (scopeName) => manifest.contributes.grammars.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName),
    });
    const loaded = await registry.loadGrammar('source.nir-yaml');
    if (!loaded) throw new Error('source.nir-yaml did not load');
    grammar = loaded;
});

/** Every token of a text: [line index, text, innermost scope]. */
function tokens(text: string): [number, string, string][] {
    let stack = INITIAL;
    const out: [number, string, string][] = [];
    text.split('\n').forEach((line, i) => {
        const result = grammar.tokenizeLine(line, stack);
        for (const token of result.tokens) out.push([i, line.slice(token.startIndex, token.endIndex), token.scopes[token.scopes.length - 1]]);
        stack = result.ruleStack;
    });
    return out;
}

/** The texts of a text's tokens with one scope. */
function scoped(text: string, scope: string): string[] {
    return tokens(text).filter(([, , s]) => s === scope).map(([, t]) => t);
}

const TYPE = 'support.type.node-type.nir-yaml';
const NODE_REF = 'variable.other.node-reference.nir-yaml';

describe('the grammar under vscode-textmate and Oniguruma', () => {
    it('marks NIR type values after type:, in block and flow mappings', () => {
        expect(scoped('    type: LIF', TYPE)).toEqual(['LIF']);
        expect(scoped('    lif: {type: CubaLIF, tau_mem: 0.02}', TYPE)).toEqual(['CubaLIF']);
        expect(scoped('    out: {shape: [2], type: Output}', TYPE)).toEqual(['Output']);
        expect(scoped('  type: NIRGraph   # the root', TYPE)).toEqual(['NIRGraph']);
        expect(scoped('    - type: Input', TYPE)).toEqual(['Input']);
        // The key keeps YAML's scope next to ours.
        expect(tokens('    type: LIF').find(([, t]) => t === 'type')?.[2]).toBe('entity.name.tag.yaml');
    });

    it('leaves alone what is not a NIR type after a type key, and comments and strings', () => {
        for (const line of ['    type: Lif', '    type: LIFF', '    types: LIF', '    mytype: LIF', '    note: "type: LIF"', '    type: LIF-2', '    # type: LIF']) {
            expect(scoped(line, TYPE), line).toEqual([]);
        }
    });

    it('marks the names in list and arrow edges, with their punctuation, quotes and comments', () => {
        const list = tokens('  edges:\n    - [input, fc1]').filter(([line, text]) => line === 1 && text.trim() !== '');
        expect(list.map(([, text, scope]) => [text, scope])).toEqual([
            ['-', 'punctuation.definition.block.sequence.item.yaml'],
            ['[', 'punctuation.definition.sequence.begin.yaml'],
            ['input', NODE_REF],
            [',', 'punctuation.separator.sequence.yaml'],
            ['fc1', NODE_REF],
            [']', 'punctuation.definition.sequence.end.yaml'],
        ]);
        const arrow = tokens('  edges:\n    - lif1.lif -> "w rec"  # recurrent').filter(([line, text]) => line === 1 && text.trim() !== '');
        expect(arrow.map(([, text, scope]) => [text, scope])).toEqual([
            ['-', 'punctuation.definition.block.sequence.item.yaml'],
            ['lif1.lif', NODE_REF],
            ['->', 'keyword.operator.arrow.nir-yaml'],
            ['"', 'punctuation.definition.string.begin.yaml'],
            ['w rec', NODE_REF],
            ['"', 'punctuation.definition.string.end.yaml'],
            ['# recurrent', 'comment.line.number-sign.yaml'],
        ]);
        expect(scoped('  edges: [[a, b-c], [b-c, 0]]', NODE_REF)).toEqual(['a', 'b-c', 'b-c', '0']);
        expect(scoped('  edges:\n    - a->b', NODE_REF)).toEqual(['a', 'b']);
    });

    it('keeps the edges region to the edges block, at any indentation', () => {
        const block = ['  edges:', '    - [input, fc1]', '', '    # a comment', '    - fc1 -> out', '  metadata: {dt: 0.001}', '    - [x, y]'].join('\n');
        expect(scoped(block, NODE_REF)).toEqual(['input', 'fc1', 'fc1', 'out']);
        expect(scoped(['      edges:', '      - [a, b]', '      - [b, c]', '    output: {type: Output}', '    - [d, e]'].join('\n'), NODE_REF)).toEqual(['a', 'b', 'b', 'c']);
        expect(scoped(['  edges: [[a, b]]', 'version: "1.0"', '- [c, d]'].join('\n'), NODE_REF)).toEqual(['a', 'b']);
        expect(scoped(['  edgesx:', '    - [a, b]'].join('\n'), NODE_REF)).toEqual([]);
    });

    it('tokenizes every shipped example through to its last line, typing every node', () => {
        for (const example of ['ff-lif-classifier', 'braille-rsnn', 'small-convnet', 'sparse-procedural']) {
            const text = readFileSync(join(ROOT, 'examples', `${example}.nir.yaml`), 'utf8');
            const typeLines = text.split('\n').filter((line) => /(^|[{,])\s*(- )?type:\s*[A-Z]/.test(line) && !line.trimStart().startsWith('#')).length;
            expect(scoped(text, TYPE).length, example).toBe(typeLines);
        }
    });
});
