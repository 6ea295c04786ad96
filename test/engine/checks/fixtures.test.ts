import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../../engine/src/index.js';
import { byPosition, describeRange, parseMarkers } from '../../helpers/markers.js';

/**
 * Data-driven check fixtures: every `test/fixtures/checks/*.nir.yaml` holds `⟦code|text⟧` markers
 * (test/helpers/markers.ts). Stripped of them, the spec is read and checked with `--target none`;
 * the problems must be exactly the marked ones: the same codes on the same ranges, nothing more.
 */
const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'checks');
const engine = createEngine();

describe('check fixtures', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.nir.yaml')).sort();

    it('cover every graph check (but nir/missing-type, which a spec text reports as spec/missing-type)', () => {
        const marked = new Set(files.flatMap((f) => parseMarkers(readFileSync(join(DIR, f), 'utf8')).expected.map((m) => m.code)));
        const graphChecks = engine.registry.checks.all().filter((c) => c.id.startsWith('nir/')).map((c) => c.id);
        expect(graphChecks.filter((id) => !marked.has(id) && id !== 'nir/missing-type')).toEqual([]);
    });

    for (const file of files) {
        it(file, async () => {
            const { text, expected } = parseMarkers(readFileSync(join(DIR, file), 'utf8'));
            const result = await engine.analyze({ kind: 'spec', text }, { target: 'none' });
            const actual = result.problems.map((p) => ({ code: p.code, start: p.origin.span?.start ?? -1, end: p.origin.span?.end ?? -1 }));
            const messages = result.problems.map((p) => `${p.code}: ${p.message}`).join('\n');
            expect(byPosition(actual).map((m) => describeRange(text, m)), messages).toEqual(byPosition(expected).map((m) => describeRange(text, m)));
        });
    }
});
