import { describe, expect, it } from 'vitest';
import { appendAll, maxOf } from '../../engine/src/index.js';

/** The server test (test/lsp/hostile-input.test.ts) sends 150,000 duplicate edges through the whole pipeline. */
describe('many problems', () => {
    it('appends and takes maxima of arrays far longer than a call\'s arguments may be', () => {
        const many = Array.from({ length: 500_000 }, (_, i) => i);
        expect(appendAll([-1], many)).toHaveLength(500_001);
        expect(maxOf(many)).toBe(499_999);
        expect(maxOf([], 3)).toBe(3);
    });
});
