import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockEnd, commonEnds, indentOf, lineStart, nextLineStart } from '../../../server/src/documents/text-lines.js';

function naiveEnds(a: string, b: string) {
    const max = Math.min(a.length, b.length);
    let prefix = 0;
    while (prefix < max && a[prefix] === b[prefix]) prefix++;
    let suffix = 0;
    while (suffix < max - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
    return { prefix, suffix };
}

describe('text lines', () => {
    it('finds the common ends of two texts as a character-by-character scan does, blocks or not', () => {
        const long = 'x'.repeat(9000);
        expect(commonEnds(long, long)).toEqual({ prefix: 9000, suffix: 0 });
        expect(commonEnds(`${long}a${long}`, `${long}bb${long}`)).toEqual({ prefix: 9000, suffix: 9000 });
        expect(commonEnds('ab', 'abb')).toEqual({ prefix: 2, suffix: 0 });
        fc.assert(
            fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\n'), maxLength: 20 }), fc.nat({ max: 3 }), fc.string({ maxLength: 3 }), fc.nat(), (base, remove, insert, at) => {
                const text = base.repeat(700);
                const from = at % (text.length + 1);
                const edited = text.slice(0, from) + insert + text.slice(from + remove);
                expect(commonEnds(text, edited)).toEqual(naiveEnds(text, edited));
            }),
        );
    });

    it('measures lines and indentation, treating blank and comment lines as neutral and tabs as fatal', () => {
        const text = 'a:\n  b: 1\n\n  # note\n\tc: 2\nd: 3';
        expect(lineStart(text, 5)).toBe(3);
        expect(nextLineStart(text, 5)).toBe(10);
        expect([indentOf(text, 3), indentOf(text, 10), indentOf(text, 11), indentOf(text, 20)]).toEqual([2, -1, -1, -2]);
        expect(blockEnd(text, 3, 0)).toBe(-1);
        expect(blockEnd(text, 3, 0, 20)).toBe(20);
        expect(blockEnd(text, 26, 0)).toBe(26);
    });
});
