import { describe, expect, it } from 'vitest';
import { parseMarkers } from '../../helpers/markers.js';

describe('fixture markers', () => {
    it('strips markers and records the ranges of their text', () => {
        const { text, expected } = parseMarkers('a: ⟦nir/x|bad⟧ ok ⟦nir/y,nir/z|⟦nir/w|in⟧ner⟧');
        expect(text).toBe('a: bad ok inner');
        expect(expected).toEqual([
            { code: 'nir/x', start: 3, end: 6 },
            { code: 'nir/w', start: 10, end: 12 },
            { code: 'nir/y', start: 10, end: 15 },
            { code: 'nir/z', start: 10, end: 15 },
        ]);
    });

    it('refuses malformed markers', () => {
        expect(() => parseMarkers('⟦nir/x text⟧')).toThrow(/bad code list|no '\|'/);
        expect(() => parseMarkers('⟦nir/x|text')).toThrow(/not closed/);
        expect(() => parseMarkers('text⟧')).toThrow(/unmatched/);
    });
});
