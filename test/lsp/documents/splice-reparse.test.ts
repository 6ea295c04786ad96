import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, formatSpec, readNirFile, type LoadResult } from '../../../engine/src/index.js';
import { spliceReparse, type Previous } from '../../../server/src/documents/splice-reparse.js';
import { comparable, edit } from './compare-models.js';

const engine = createEngine();
const load = (text: string) => engine.load({ kind: 'spec', text });
const MIXED = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'mixed.nir.yaml'), 'utf8');
const REAL = join(import.meta.dirname, '..', '..', 'fixtures', 'nir', 'real');
/** A real exporter's file as `nirmesh convert` writes it in YAML (nodes in the writer's order, numeric names quoted). */
const converted = async (path: string) => formatSpec((await readNirFile(readFileSync(join(REAL, path)))).document!, { nodeKinds: (type) => engine.registry.nodeKinds.get(type) });
const NORSE_LIF = 'neuromorphs+NIR/paper/01_lif/lif_norse.nir';
const NORSE_BRAILLE = 'norse+norse/norse/torch/utils/test/braille.nir';

async function reparse(previous: Previous, text: string) {
    return spliceReparse(previous, text, load);
}

describe('spliceReparse', () => {
    it('re-reads a changed value inside one node and moves every later span', async () => {
        const previous = { text: MIXED, result: await load(MIXED) };
        const at = MIXED.indexOf('tau: 0.02') + 'tau: '.length;
        const text = edit(MIXED, at, at + 4, '0.0125');
        const spliced = await reparse(previous, text);
        expect(spliced).toBeDefined();
        expect(comparable(spliced as LoadResult)).toEqual(comparable(await load(text)));
        const tau = spliced?.document?.root.nodes?.get('lif1')?.params.get('tau');
        expect(text.slice(tau?.origin.span?.start, tau?.origin.span?.end)).toBe('0.0125');
        const edge = spliced?.document?.root.edges?.at(-1);
        expect(text.slice(edge?.sourceOrigin.span?.start, edge?.sourceOrigin.span?.end)).toBe('thr');
    });

    it('re-reads an edit inside the first node too, with plain or quoted node names', async () => {
        for (const path of [NORSE_LIF, NORSE_BRAILLE]) {
            const text = await converted(path);
            const previous = { text, result: await load(text) };
            const first = [...previous.result.document!.root.nodes!.values()][0];
            const at = text.indexOf('\n', first.origin.keySpan!.end) + 1; // the first line of its body
            for (const changed of [edit(text, at, at, '      # a comment\n'), edit(text, at + 6, text.indexOf(':', at), 'tipe')]) {
                const spliced = await reparse(previous, changed);
                expect([path, spliced]).toEqual([path, expect.anything()]);
                expect(comparable(spliced as LoadResult)).toEqual(comparable(await load(changed)));
            }
        }
    });

    it('re-reads a value edit in any node of a converted .nir file, first and last included, as a full parse reads it', async () => {
        for (const path of [NORSE_LIF, NORSE_BRAILLE]) {
            const text = await converted(path);
            const result = await load(text);
            const nodes = [...result.document!.root.nodes!.values()];
            await fc.assert(
                fc.asyncProperty(fc.nat({ max: nodes.length - 1 }), fc.constantFrom('7', '-0.5', '[1, 2]', 'x', '{a: 1}'), async (index, value) => {
                    // The node's last scalar value (an element of a weight list, a shape entry, a type name).
                    const key = nodes[index].origin.keySpan!;
                    const next = nodes[index + 1]?.origin.keySpan?.start ?? text.indexOf('\n  edges:');
                    const tokens = [...text.slice(key.end, next).matchAll(/(?<=: |\[|, )-?[0-9A-Za-z_.]+(?=[,\]\s])/g)];
                    const at = key.end + tokens.at(-1)!.index;
                    const changed = edit(text, at, at + tokens.at(-1)![0].length, value);
                    const spliced = await reparse({ text, result }, changed);
                    expect([path, nodes[index].name, spliced]).toEqual([path, nodes[index].name, expect.anything()]);
                    expect(comparable(spliced as LoadResult)).toEqual(comparable(await load(changed)));
                }),
                { numRuns: 15, seed: 20261203 },
            );
        }
    });

    it('works on CRLF texts too', async () => {
        const crlf = MIXED.replace(/\n/g, '\r\n');
        const previous = { text: crlf, result: await load(crlf) };
        const at = crlf.indexOf('scale: {shape: [8], constant: 0.5}') + 'scale: {shape: [8], constant: '.length;
        const text = edit(crlf, at, at + 3, '0.75');
        const spliced = await reparse(previous, text);
        expect(spliced).toBeDefined();
        expect(comparable(spliced as LoadResult)).toEqual(comparable(await load(text)));
    });

    it('leaves YAML errors, and their fixes, to a full parse (the parser\'s recovery can swallow later nodes)', async () => {
        const previous = { text: MIXED, result: await load(MIXED) };
        const at = MIXED.indexOf('shape: [8, 4]') + 'shape: [8, 4'.length;
        const broken = edit(MIXED, at, at + 1, '');
        expect(await reparse(previous, broken)).toBeUndefined();
        expect(await reparse({ text: broken, result: await load(broken) }, MIXED)).toBeUndefined();
    });

    it('declines what it cannot prove equal: renamed keys, new nodes, anchors, edits outside the nodes', async () => {
        const previous = { text: MIXED, result: await load(MIXED) };
        const cases = [
            edit(MIXED, MIXED.indexOf('lif1:'), MIXED.indexOf('lif1:') + 4, 'lif9'),
            edit(MIXED, MIXED.indexOf('    lif1:'), MIXED.indexOf('    lif1:'), '    extra: {type: Input, shape: [1]}\n'),
            edit(MIXED, MIXED.indexOf('tau: 0.02'), MIXED.indexOf('tau: 0.02') + 9, 'tau: &t 0.02'),
            edit(MIXED, MIXED.indexOf('fc1 -> lif1'), MIXED.indexOf('fc1 -> lif1') + 3, 'fc2'),
            edit(MIXED, MIXED.indexOf('      r: 1'), MIXED.indexOf('      r: 1') + 2, ''),
        ];
        for (const text of cases) expect(await reparse(previous, text)).toBeUndefined();
    });

    /** Runs chains of edits, comparing each incremental result with a full parse; returns the share that was incremental. */
    async function chains(anEdit: fc.Arbitrary<(text: string) => string>, numRuns: number): Promise<number> {
        let spliced = 0;
        let steps = 0;
        await fc.assert(
            fc.asyncProperty(fc.array(anEdit, { minLength: 1, maxLength: 8 }), async (edits) => {
                let previous: Previous = { text: MIXED, result: await load(MIXED) };
                for (const apply of edits) {
                    const text = apply(previous.text);
                    const full = await load(text);
                    const incremental = await reparse(previous, text);
                    steps++;
                    if (incremental) {
                        spliced++;
                        expect(comparable(incremental)).toEqual(comparable(full));
                    }
                    previous = { text, result: incremental ?? full };
                }
            }),
            { numRuns, seed: 20261126 },
        );
        return spliced / steps;
    }

    it('gives exactly what a full parse gives, over chains of random character edits', async () => {
        const alphabet = [' ', '\n', ':', '1', 'a', '[', ']', '{', '}', ',', '-', '#', '"', '  ', '\n      r: 2', ' 0.5', 'shape: [3]'];
        const anEdit = fc
            .record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 4 }).map((p) => p.join('')) })
            .map(({ at, remove, insert }) => (text: string) => {
                const from = at % (text.length + 1);
                return edit(text, from, Math.min(text.length, from + remove), insert);
            });
        await chains(anEdit, 100);
    });

    it('gives exactly what a full parse gives, and mostly incrementally, over chains of value edits', async () => {
        const replacements = ['0.5', '7', '-1', '.inf', 'x', '[1, 2]', '[[1, 2], [3]]', '{a: 1}', '"s"', 'float64', 'LIF', 'Affine', '{shape: [2], zeros: true}', '{dtype: int9, data: 1}'];
        const anEdit = fc.record({ pick: fc.nat(), by: fc.constantFrom(...replacements) }).map(({ pick, by }) => (text: string) => {
            const tokens = [...text.matchAll(/(?<=: |\[|, )(?:-?[0-9.]+|[A-Za-z_][A-Za-z0-9_]*)(?=[,\]}\s])/g)];
            const token = tokens[pick % tokens.length];
            return edit(text, token.index, token.index + token[0].length, by);
        });
        expect(await chains(anEdit, 120)).toBeGreaterThan(0.5);
    });
});
