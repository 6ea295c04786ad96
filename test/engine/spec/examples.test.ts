import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, LineIndex, formatSpec, parseSpec } from '../../../engine/src/index.js';

const dir = join(import.meta.dirname, '..', '..', '..', 'examples');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const VALID = readdirSync(dir).filter((n) => n.endsWith('.nir.yaml') && n !== 'mistakes.nir.yaml').sort();
const engine = new Engine();
const nodeKinds = (type: string) => engine.registry.nodeKinds.get(type);

describe('examples/', () => {
    it('has the examples the docs and the README name', () => {
        expect(VALID).toEqual(['braille-rsnn.nir.yaml', 'ff-lif-classifier.nir.yaml', 'small-convnet.nir.yaml', 'sparse-procedural.nir.yaml']);
    });

    it.each(VALID)('%s checks without errors or warnings (--target none)', async (name) => {
        const result = await engine.analyze({ kind: 'spec', text: read(name) }, { target: 'none' });
        expect(result.problems.filter((p) => p.severity === 'error' || p.severity === 'warning').map((p) => `${p.code}: ${p.message}`)).toEqual([]);
    });

    it.each(VALID)('%s formats to text that reads back and formats identically', (name) => {
        const first = formatSpec(parseSpec(read(name), { nodeKinds }).document!, { nodeKinds });
        const again = parseSpec(first, { nodeKinds });
        expect(again.problems).toEqual([]);
        expect(formatSpec(again.document!, { nodeKinds })).toBe(first);
    });

    it('mistakes.nir.yaml gives exactly the code named on each marked line', async () => {
        const text = read('mistakes.nir.yaml');
        const expected = text.split('\n').flatMap((line, i) => {
            const match = /#\s*expect\s+([a-z0-9]+\/[a-z0-9-]+)/.exec(line);
            return match ? [`${i + 1} ${match[1]}`] : [];
        });
        expect(expected.length).toBe(9);
        const result = await engine.analyze({ kind: 'spec', text }, { target: 'none' });
        const index = new LineIndex(text);
        const actual = result.problems
            .filter((p) => p.severity === 'error' || p.severity === 'warning')
            .map((p) => `${p.origin.span ? index.positionAt(p.origin.span.start).line + 1 : '?'} ${p.code}`);
        expect(actual.sort()).toEqual(expected.sort());
    });
});
