import { describe, expect, it } from 'vitest';
import type { Location } from 'vscode-languageserver';
import { definitionAt, referencesAt } from '../../../server/src/features/navigation.js';
import { fixture, offsetOf, readyOf } from './helpers.js';

const TEXT = fixture('recurrent-nested.nir.yaml');
const ready = readyOf(TEXT);

/** The text and start offset of each location. */
function places(locations: Location[]): [string, number][] {
    return locations.map((l) => {
        const start = ready.text.offsetAt(l.range.start);
        return [TEXT.slice(start, ready.text.offsetAt(l.range.end)), start];
    });
}

describe('model index', () => {
    it('finds what is under the cursor, including at the end of a name', () => {
        const at = offsetOf(TEXT, 'lif -> w_rec');
        expect(ready.index.siteAt(at)).toMatchObject({ kind: 'edge-end', name: 'lif', end: 'source' });
        expect(ready.index.siteAt(at + 3)).toMatchObject({ kind: 'edge-end', name: 'lif' });
        expect(ready.index.siteAt(at + 7)).toMatchObject({ kind: 'edge-end', name: 'w_rec', end: 'target' });
        expect(ready.index.siteAt(offsetOf(TEXT, 'type: CubaLIF', 0, 8))).toMatchObject({ kind: 'node-type', node: { name: 'lif' } });
        expect(ready.index.siteAt(offsetOf(TEXT, 'tau_mem', 1))).toMatchObject({ kind: 'param-key', name: 'tau_mem', node: { name: 'lif_out' } });
        expect(ready.index.siteAt(offsetOf(TEXT, 'version'))).toBeUndefined();
    });

    it('finds the innermost node around an offset', () => {
        expect(ready.index.nodeAt(offsetOf(TEXT, 'w_in: 1'))?.name).toBe('lif');
        expect(ready.index.nodeAt(offsetOf(TEXT, '- [input, lif]'))?.name).toBe('rnn');
        expect(ready.index.nodeAt(offsetOf(TEXT, '- [fc1, rnn]'))).toBe(ready.document.root);
    });
});

describe('go to definition', () => {
    it('goes from an edge end to the node of the same graph level', () => {
        const inner = definitionAt(ready, offsetOf(TEXT, '[input, lif]', 0, 2));
        expect(places(inner)).toEqual([['input', offsetOf(TEXT, 'input: {type: Input, shape: [6]}')]]);
        const outer = definitionAt(ready, offsetOf(TEXT, '[input, fc1]', 0, 2));
        expect(places(outer)).toEqual([['input', offsetOf(TEXT, 'input: {type: Input, shape: [3]}')]]);
    });

    it('goes from an arrow edge to its node and gives nothing for a dangling end', () => {
        expect(places(definitionAt(ready, offsetOf(TEXT, 'rnn -> fc2', 0, 8)))).toEqual([['fc2', offsetOf(TEXT, 'fc2:')]]);
        const dangling = readyOf(TEXT.replace('[lif_out, output]', '[lif_out, outptu]'));
        expect(definitionAt(dangling, offsetOf(dangling.text.getText(), 'outptu'))).toEqual([]);
    });
});

describe('find references', () => {
    it('lists every edge end naming the node in its own graph, and the key when asked', () => {
        const key = offsetOf(TEXT, 'lif:');
        const refs = places(referencesAt(ready, key + 1, true));
        expect(refs.map(([name]) => name)).toEqual(['lif', 'lif', 'lif', 'lif', 'lif']);
        expect(refs[0][1]).toBe(key);
        expect(referencesAt(ready, key, false)).toHaveLength(4);
    });

    it('keeps graph levels apart: the outer output is not the inner output', () => {
        const outer = places(referencesAt(ready, offsetOf(TEXT, '[lif_out, output]', 0, 10), false));
        expect(outer).toEqual([['output', offsetOf(TEXT, '[lif_out, output]', 0, 10)]]);
        const inner = places(referencesAt(ready, offsetOf(TEXT, 'output: {type: Output, shape: [6]}'), false));
        expect(inner).toEqual([['output', offsetOf(TEXT, '[lif, output]', 0, 6)]]);
    });
});
