import { describe, expect, it } from 'vitest';
import { yamlCursorAt } from '../../../server/src/features/yaml-cursor.js';
import { cursor } from './helpers.js';

const SPEC = `node:
  type: NIRGraph
  nodes:
    input: {type: Input, shape: [4]}
    lif1:
      type: LIF
      tau: 0.02
      ¦
    output: {type: Output, shape: [8]}
  edges:
    - [input, lif1]
`;

function at(source: string) {
    const { text, offset } = cursor(source);
    const found = yamlCursorAt(text, offset);
    return found && { ...found, siblings: Object.fromEntries(found.siblings()), word: text.slice(found.word.start, found.word.end) };
}

describe('yamlCursorAt', () => {
    it('finds a new key in a block node mapping, with the keys already written', () => {
        expect(at(SPEC)).toMatchObject({ path: ['node', 'nodes', 'lif1'], role: 'key', inFlow: false, siblings: { type: 'LIF', tau: '0.02' } });
    });

    it('finds the partial word of a key being typed and the whole word around the cursor', () => {
        expect(at(SPEC.replace('¦', 'v_th¦res'))).toMatchObject({ path: ['node', 'nodes', 'lif1'], role: 'key', word: 'v_thres' });
    });

    it('finds the value of type, in block and flow style', () => {
        expect(at(SPEC.replace('type: LIF', 'type: LI¦').replace('      ¦\n', ''))).toMatchObject({ path: ['node', 'nodes', 'lif1', 'type'], role: 'value', word: 'LI' });
        expect(at(SPEC.replace('{type: Input', '{type: In¦put').replace('      ¦\n', ''))).toMatchObject({ path: ['node', 'nodes', 'input', 'type'], role: 'value', inFlow: true, word: 'Input' });
    });

    it('finds a key after a comma in a flow mapping, with that mapping\'s keys', () => {
        expect(at(SPEC.replace('{type: Output, shape: [8]}', '{type: Output, ¦}').replace('      ¦\n', ''))).toMatchObject({
            path: ['node', 'nodes', 'output'], role: 'key', inFlow: true, siblings: { type: 'Output' },
        });
    });

    it('finds both ends of an edge in the list form and the arrow form', () => {
        const noCursor = SPEC.replace('      ¦\n', '');
        expect(at(noCursor.replace('[input, lif1]', '[inp¦'))).toMatchObject({ path: ['node', 'edges'], role: 'item', itemIndex: 0 });
        expect(at(noCursor.replace('[input, lif1]', '[input, l¦'))).toMatchObject({ path: ['node', 'edges'], role: 'item', itemIndex: 1, word: 'l' });
        expect(at(noCursor.replace('[input, lif1]', 'input -> li¦'))).toMatchObject({ path: ['node', 'edges'], role: 'item', token: 'input -> li', word: 'li' });
    });

    it('finds edges written at the key\'s own indentation and in a one-line flow list', () => {
        expect(at('node:\n  edges:\n  - [a, b]\n  - [c, ¦')).toMatchObject({ path: ['node', 'edges'], role: 'item', itemIndex: 1 });
        expect(at('node:\n  edges: [[a, b], [c, ¦')).toMatchObject({ path: ['node', 'edges'], role: 'item', itemIndex: 1 });
    });

    it('follows nested graphs and value maps', () => {
        const nested = 'node:\n  nodes:\n    rnn:\n      nodes:\n        w:\n          weight: {normal: {mean: 0, ¦}}\n';
        expect(at(nested)).toMatchObject({ path: ['node', 'nodes', 'rnn', 'nodes', 'w', 'weight', 'normal'], role: 'key', inFlow: true });
        const block = 'node:\n  nodes:\n    w:\n      weight:\n        dtype: fl¦\n        shape: [2, 2]\n';
        expect(at(block)).toMatchObject({ path: ['node', 'nodes', 'w', 'weight', 'dtype'], role: 'value', word: 'fl' });
    });

    it('skips comments, blank lines and CRLF line ends on the way up', () => {
        const text = 'node:\r\n  nodes:\r\n    # a comment at a lower indentation\r\n\r\n    lif1:\r\n      type: LIF\r\n\r\n      ¦';
        expect(at(text)).toMatchObject({ path: ['node', 'nodes', 'lif1'], role: 'key', siblings: { type: 'LIF' } });
    });

    it('offers nothing inside comments and unclosed quotes', () => {
        expect(at('node:\n  type: NIRGraph # a comm¦ent')).toBeUndefined();
        expect(at('node:\n  nodes:\n    "fc¦')).toBeUndefined();
    });

    it('reads a top-level key with an empty path', () => {
        expect(at('vers¦')).toMatchObject({ path: [], role: 'key', word: 'vers' });
    });
});
