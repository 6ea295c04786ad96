import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, formatSpec, OperationCancelled, readNirFile } from '../../../engine/src/index.js';
import { chunkedParse } from '../../../server/src/documents/chunked-parse.js';
import { comparable, edit } from './compare-models.js';
import { generateSpec } from '../../../bench/lib/generate-spec.mjs';

const engine = createEngine();
const load = (text: string) => engine.load({ kind: 'spec', text });
const noInterrupt = async (): Promise<void> => undefined;
const ROOT = join(import.meta.dirname, '..', '..', '..');
const MIXED = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'mixed.nir.yaml'), 'utf8');
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((name) => name.endsWith('.nir.yaml'));

/** Node by node, whatever the size (the server does it only for large specs). */
const chunked = (text: string, interrupt = noInterrupt) => chunkedParse(text, load, interrupt, 1);

describe('chunkedParse', () => {
    it('reads the mixed fixture (LF and CRLF), a generated 600-node spec (several chunks) and every example exactly as a full parse does', async () => {
        const generated = generateSpec({ nodes: 600 });
        let split = 0;
        for (const text of [MIXED, MIXED.replace(/\n/g, '\r\n'), generated, ...EXAMPLES.map((name) => readFileSync(join(ROOT, 'examples', name), 'utf8'))]) {
            const result = await chunked(text);
            if (!result) continue;
            split++;
            expect(comparable(result)).toEqual(comparable(await load(text)));
        }
        expect(split).toBeGreaterThanOrEqual(3 + Math.floor(EXAMPLES.length / 2));
        expect((await chunked(generated))?.document?.root.nodes?.size).toBe(600);
    });

    it('splits at quoted node names too, as exporters write numeric ones, and reads them as a full parse does', async () => {
        const lif = readFileSync(join(ROOT, 'test', 'fixtures', 'nir', 'real', 'neuromorphs+NIR', 'paper', '01_lif', 'lif_norse.nir'));
        const text = formatSpec((await readNirFile(lif)).document!, { nodeKinds: (type) => engine.registry.nodeKinds.get(type) });
        expect(text).toMatch(/^ {4}"0":$/m);
        const quoted = text.replace(/^ {4}output:/m, `${Array.from({ length: 40 }, (_, i) => `    "${i + 2}": {type: Scale, scale: [${i}]}\n    'q${i}': {type: Scale, scale: [${i}]}\n`).join('')}    output:`);
        for (const t of [text, quoted]) {
            const result = await chunked(t);
            expect(result).toBeDefined();
            expect(comparable(result!)).toEqual(comparable(await load(t)));
        }
        expect((await chunked(quoted))?.document?.root.nodes?.has('q39')).toBe(true);
    });

    it('declines texts it cannot split faithfully: YAML errors, aliases, flow-style nodes, nodes last in the graph', async () => {
        const cases = [
            edit(MIXED, MIXED.indexOf('[8, 4]'), MIXED.indexOf('[8, 4]') + 6, '[8, 4'),
            edit(MIXED, MIXED.indexOf('tau: 0.02'), MIXED.indexOf('tau: 0.02') + 9, 'tau: &t 0.02'),
            'node: {type: NIRGraph, nodes: {a: {type: Input, shape: [1]}}, edges: []}\n',
            'node:\n  type: NIRGraph\n  edges: []\n  nodes:\n    a: {type: Input, shape: [1]}\n',
        ];
        for (const text of cases) expect(await chunked(text)).toBeUndefined();
    });

    it('stops between chunks when its interrupt says the work is cancelled', async () => {
        const big = MIXED.replace('    output: {type: Output, shape: [8]}\n', Array.from({ length: 1500 }, (_, i) => `    s${i}:\n      type: Scale\n      scale: [${i}, ${i}]\n`).join('') + '    output: {type: Output, shape: [8]}\n');
        let calls = 0;
        const cancelling = async () => {
            if (++calls === 2) throw new OperationCancelled();
        };
        await expect(chunked(big, cancelling)).rejects.toThrow('operation cancelled');
        expect(calls).toBe(2);
    });

    it('gives exactly what a full parse gives over random value edits', async () => {
        const replacements = ['0.5', '7', '-1', '.inf', 'x', '[1, 2]', '[[1, 2], [3]]', '{a: 1}', '"s"', 'float64', 'LIF', '{shape: [2], zeros: true}', '{dtype: int9, data: 1}', ''];
        let compared = 0;
        await fc.assert(
            fc.asyncProperty(fc.array(fc.record({ pick: fc.nat(), by: fc.constantFrom(...replacements) }), { minLength: 1, maxLength: 5 }), async (edits) => {
                let text = MIXED;
                for (const { pick, by } of edits) {
                    const tokens = [...text.matchAll(/(?<=: |\[|, )(?:-?[0-9.]+|[A-Za-z_][A-Za-z0-9_]*)(?=[,\]}\s])/g)];
                    const token = tokens[pick % tokens.length];
                    text = edit(text, token.index, token.index + token[0].length, by);
                }
                const result = await chunked(text);
                if (result) {
                    compared++;
                    expect(comparable(result)).toEqual(comparable(await load(text)));
                }
            }),
            { numRuns: 150, seed: 20261126 },
        );
        expect(compared).toBeGreaterThan(75);
    });
});
