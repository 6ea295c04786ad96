import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../../engine/src/index.js';

const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'format.md'), 'utf8');
/** The complete YAML examples of docs/format.md (fragments start with '…'). */
const EXAMPLES = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]).filter((text) => text.includes('node:') && !text.startsWith('…'));

describe('docs/format.md', () => {
    it('has complete examples', () => {
        expect(EXAMPLES.length).toBeGreaterThanOrEqual(2);
    });

    it.each(EXAMPLES.map((text, i) => [i, text]))('example %i reads and checks without problems', async (_i, text) => {
        const result = await new Engine().analyze({ kind: 'spec', text }, { target: 'none' });
        expect(result.problems.map((p) => `${p.code}: ${p.message}`)).toEqual([]);
        expect(result.document?.root.nodes?.size).toBeGreaterThan(0);
    });
});
