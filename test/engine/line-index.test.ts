import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../engine/src/index.js';

describe('LineIndex', () => {
    it('maps offsets to zero-based lines and UTF-16 columns across \\n, \\r\\n and \\r', () => {
        const text = 'ab\ncd\r\nef\rgh';
        const index = new LineIndex(text);
        expect(index.positionAt(0)).toEqual({ line: 0, character: 0 });
        expect(index.positionAt(text.indexOf('c'))).toEqual({ line: 1, character: 0 });
        expect(index.positionAt(text.indexOf('f'))).toEqual({ line: 2, character: 1 });
        expect(index.positionAt(text.indexOf('h'))).toEqual({ line: 3, character: 1 });
    });

    it('clamps offsets and positions outside the text', () => {
        const index = new LineIndex('one\ntwo');
        expect(index.positionAt(-5)).toEqual({ line: 0, character: 0 });
        expect(index.positionAt(999)).toEqual({ line: 1, character: 3 });
        expect(index.offsetAt({ line: 0, character: 99 })).toBe(4);
        expect(index.offsetAt({ line: 9, character: 0 })).toBe(7);
    });

    it('round-trips every offset of a text with astral characters', () => {
        const text = 'α: 1\n# 🧠 neuron\r\nβ: [1, 2]\n';
        const index = new LineIndex(text);
        for (let offset = 0; offset <= text.length; offset++) {
            expect(index.offsetAt(index.positionAt(offset))).toBe(offset);
        }
    });
});
