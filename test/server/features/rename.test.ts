import { describe, expect, it } from 'vitest';
import { ResponseError, type WorkspaceEdit } from 'vscode-languageserver';
import { prepareRenameAt, renameAt } from '../../../server/src/features/rename.js';
import type { ReadyDocument } from '../../../server/src/features/ready-document.js';
import { applyEdits, fixture, offsetOf, parse, readyOf } from './helpers.js';

const TEXT = fixture('recurrent-nested.nir.yaml');
const ready = readyOf(TEXT);

function renamed(doc: ReadyDocument, offset: number, name: string): string {
    const edit = renameAt(doc, offset, name);
    if (!edit || edit instanceof ResponseError) throw new Error(`rename refused: ${edit?.message}`);
    return applyEdits(doc.text.getText(), (edit as WorkspaceEdit).changes?.[doc.snapshot.uri] ?? []);
}

function refusal(offset: number, name: string): string {
    const result = renameAt(ready, offset, name);
    return result instanceof ResponseError ? result.message : 'accepted';
}

describe('rename', () => {
    it('renames a node and every edge end of its own graph level, in list and arrow edges', () => {
        const text = renamed(ready, offsetOf(TEXT, 'lif:'), 'hidden');
        const graph = parse(text).root.nodes?.get('rnn');
        expect([...(graph?.nodes?.keys() ?? [])]).toEqual(['input', 'hidden', 'w_rec', 'output']);
        expect(graph?.edges?.map((e) => [e.source, e.target])).toEqual([['input', 'hidden'], ['hidden', 'w_rec'], ['w_rec', 'hidden'], ['hidden', 'output']]);
        expect(text).toContain('- hidden -> w_rec');
        expect(text.replace(/hidden/g, 'lif')).toBe(TEXT); // nothing else changed
    });

    it('starts from an edge end as well as from the key', () => {
        const text = renamed(ready, offsetOf(TEXT, '[w_rec, lif]', 0, 8), 'neurons');
        expect([...(parse(text).root.nodes?.get('rnn')?.nodes?.keys() ?? [])]).toContain('neurons');
        expect(parse(text).root.nodes?.has('lif_out')).toBe(true);
    });

    it('leaves the other graph level alone', () => {
        const text = renamed(ready, offsetOf(TEXT, '[lif, output]', 0, 6), 'readout');
        const root = parse(text).root;
        expect(root.nodes?.has('output')).toBe(true);
        expect(root.edges?.map((e) => e.target)).toContain('output');
        expect(root.nodes?.get('rnn')?.nodes?.has('readout')).toBe(true);
        expect(root.nodes?.get('rnn')?.edges?.map((e) => e.target)).toContain('readout');
    });

    it('quotes names YAML would not read back, and rewrites an arrow edge that cannot hold them', () => {
        const text = renamed(ready, offsetOf(TEXT, 'lif:'), 'hidden layer: 1');
        expect(text).toContain('"hidden layer: 1":');
        expect(text).toContain('- ["hidden layer: 1", w_rec]');
        const graph = parse(text).root.nodes?.get('rnn');
        expect(graph?.nodes?.has('hidden layer: 1')).toBe(true);
        expect(graph?.edges?.filter((e) => e.source === 'hidden layer: 1' || e.target === 'hidden layer: 1')).toHaveLength(4);
        expect(renamed(ready, offsetOf(TEXT, 'w_rec:'), 'true')).toContain('"true":');
    });

    it('keeps the quotes a name was written in', () => {
        const quoted = readyOf(TEXT.replace('    fc2:\n', '    "fc2":\n').replace('[fc2, lif_out]', "['fc2', lif_out]"));
        const text = renamed(quoted, offsetOf(quoted.text.getText(), '"fc2"', 0, 1), 'fc 2');
        expect(text).toContain('"fc 2":');
        expect(text).toContain('- ["fc 2", lif_out]');
        expect(text).toContain('- [rnn, "fc 2"]');
        expect(parse(text).root.edges?.filter((e) => e.source === 'fc 2' || e.target === 'fc 2')).toHaveLength(2);
    });

    it('refuses names with a slash, names already taken and empty names, saying why', () => {
        const lif = offsetOf(TEXT, 'lif:');
        expect(refusal(lif, 'a/b')).toMatch(/contains '\/'.*HDF5/);
        expect(refusal(lif, 'w_rec')).toBe("A node named 'w_rec' already exists in this graph.");
        expect(refusal(lif, 'lif_out')).toBe('accepted'); // taken only at the other level
        expect(refusal(lif, ' ')).toMatch(/empty/);
    });

    it('prepares a rename on node names only, refusing dangling edge ends', () => {
        const key = offsetOf(TEXT, 'fc1:');
        const prepared = prepareRenameAt(ready, key + 1);
        expect(prepared).toMatchObject({ placeholder: 'fc1', range: { start: ready.text.positionAt(key), end: ready.text.positionAt(key + 3) } });
        expect(prepareRenameAt(ready, offsetOf(TEXT, 'tau_mem'))).toBeNull();
        const dangling = readyOf(TEXT.replace('[lif_out, output]', '[lif_out, outptu]'));
        const refused = prepareRenameAt(dangling, offsetOf(dangling.text.getText(), 'outptu'));
        expect(refused).toBeInstanceOf(ResponseError);
        expect((refused as ResponseError<void>).message).toContain("no node named 'outptu'");
    });
});
