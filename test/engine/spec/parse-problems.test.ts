import { describe, expect, it } from 'vitest';
import { graph, marked, npyBytes, parse } from './helpers.js';
import type { SpecParseOptions } from '../../../engine/src/spec/parse-spec.js';

/**
 * Each case: a spec with one «marked» range and the one problem code expected exactly there.
 * Texts use `graph()` so they are otherwise valid.
 */
const LIF = 'tau: 0.02, r: 1, v_leak: 0, v_threshold: 1';

const CASES: [string, string, string, SpecParseOptions?][] = [
    ['yaml/syntax', 'unclosed bracket at the bracket', graph(`    x: {type: Input, shape: «[»4}\n    y: {type: Output, shape: [4]}\n`)],
    ['yaml/syntax', 'unclosed flow list at end of text', 'node: {type: NIRGraph, nodes: «[»1, 2\n'],
    ['yaml/syntax', 'unclosed quote at the quote', graph(`    x: {type: Input, shape: [4]}\n    y: {type: «"»Output, shape: [4]}\n`)],
    ['yaml/syntax', 'a tab as indentation', 'node:\n«\t »type: NIRGraph\n'],
    ['yaml/syntax', 'an alias without an anchor', graph(`    lif: {type: LIF, shape: [2], tau: 1, r: «*gain», v_leak: 0, v_threshold: 1}\n`)],
    ['yaml/duplicate-key', 'the second key', graph(`    x: {type: Input, shape: [4]}\n    «x»: {type: Output, shape: [4]}\n`)],
    ['spec/too-large', 'the bracket past the nesting limit', `node: ${'['.repeat(200)}«[»${']'.repeat(201)}\n`],
    ['spec/missing-node', 'an empty spec', '«»'],
    ['spec/missing-node', 'the first key', '«version»: "1.0"\n'],
    ['spec/unknown-key', 'an unknown top-level key', `node: {type: NIRGraph, nodes: {}, edges: []}\n«nodez»: {}\n`],
    ['spec/unknown-key', 'an unknown value key', graph(`    fc: {type: Linear, weight: {«dtyp»: float64, data: [[1]]}}\n`)],
    ['spec/unknown-key', 'an unknown generator argument', graph(`    fc: {type: Linear, weight: {shape: [1, 1], normal: {mean: 0, std: 1, seed: 1, «sd»: 2}}}\n`)],
    ['spec/unexpected-value', 'a string for a tensor', graph(`    lif: {type: LIF, shape: [2], tau: «fast», r: 1, v_leak: 0, v_threshold: 1}\n`)],
    ['spec/unexpected-value', 'an empty value at its key', graph(`    lif:\n      type: LIF\n      shape: [2]\n      «tau»:\n      r: 1\n      v_leak: 0\n      v_threshold: 1\n`)],
    ['spec/unexpected-value', 'a number for an integer shape', graph(`    x: {type: Input, shape: «4»}\n`)],
    ['spec/value-out-of-range', 'a fraction for an int parameter', graph(`    f: {type: Flatten, start_dim: «0.5», end_dim: -1}\n`)],
    ['spec/unexpected-value', 'a node that is not a mapping', graph(`    x: «[1, 2]»\n`)],
    ['spec/missing-type', 'a node without type, at its name', graph(`    «lif»: {shape: [2], ${LIF}}\n`)],
    ['spec/bad-edge', 'a three-name edge', graph(`    a: {type: Input, shape: [1]}\n`, `    - «[a, a, a]»\n`)],
    ['spec/bad-edge', 'a string without an arrow', graph(`    a: {type: Input, shape: [1]}\n`, `    - «a to a»\n`)],
    ['spec/ragged-list', 'the short row', graph(`    fc: {type: Linear, weight: [[1, 2, 3], «[4, 5]»]}\n`)],
    ['spec/ragged-list', 'a number among rows', graph(`    fc: {type: Linear, weight: [[1, 2], «3»]}\n`)],
    ['spec/bad-element', 'a quoted number', graph(`    lif: {type: LIF, tau: [0.02, «"0.03"»], r: 1, v_leak: 0, v_threshold: 1}\n`)],
    ['spec/value-out-of-range', 'an int beyond uint8', graph(`    fc: {type: Linear, weight: {dtype: uint8, data: [[1, «300»]]}}\n`)],
    ['spec/value-out-of-range', 'a fraction in an integer dtype', graph(`    fc: {type: Linear, weight: {dtype: int32, data: [[«1.5»]]}}\n`)],
    ['spec/unknown-dtype', 'the dtype name', graph(`    fc: {type: Linear, weight: {dtype: «float128», data: [[1]]}}\n`)],
    ['spec/bad-shape', 'a negative dimension', graph(`    fc: {type: Linear, weight: {shape: [2, «-2»], zeros: true}}\n`)],
    ['spec/bad-shape', 'a negative input shape', graph(`    x: {type: Input, shape: «[4, -1]»}\n`)],
    ['spec/data-shape-mismatch', 'the data list', graph(`    fc: {type: Linear, weight: {shape: [2, 3], data: «[1, 2, 3, 4]»}}\n`)],
    ['spec/huge-shape', 'the shape', graph(`    fc: {type: Linear, weight: {shape: «[100000000000, 100000000000]», zeros: true}}\n`)],
    ['spec/unknown-value-form', 'a mapping with no form', graph(`    lif: {type: LIF, tau: [1, 2], r: «{shape: [2]}», v_leak: 0, v_threshold: 1}\n`)],
    ['spec/unknown-value-form', 'the second form key', graph(`    fc: {type: Linear, weight: {shape: [1, 1], data: 1, «zeros»: true}}\n`)],
    ['spec/bad-generator', 'a missing seed, at the generator key', graph(`    fc: {type: Linear, weight: {shape: [2, 2], «normal»: {mean: 0, std: 1}}}\n`)],
    ['spec/bad-generator', 'p outside [0, 1]', graph(`    fc: {type: Linear, weight: {shape: [2, 2], fixed_probability: {p: «1.5», weight: 1, seed: 1}}}\n`)],
    ['spec/bad-generator', 'one_to_one on a non-square shape', graph(`    fc: {type: Linear, weight: «{shape: [2, 3], one_to_one: 1}»}\n`)],
    ['spec/bad-generator', 'normal for an integer dtype', graph(`    fc: {type: Linear, weight: {dtype: int8, shape: [2, 2], normal: «{mean: 0, std: 1, seed: 1}»}}\n`)],
    ['spec/broadcast-shape-unknown', 'a scalar with no node shape', graph(`    lif: {type: LIF, tau: «0.02», r: [1, 1], v_leak: [0, 0], v_threshold: [1, 1]}\n    lif2: {type: LIF, tau: [1], r: 1, v_leak: 0, v_threshold: 1}\n`).replace('tau: «0.02», r: [1, 1], v_leak: [0, 0], v_threshold: [1, 1]', 'tau: «0.02»')],
    ['spec/broadcast-shape-unknown', 'a scalar weight', graph(`    fc: {type: Linear, weight: «0.5»}\n`)],
    ['spec/unresolved-file', 'no resolver', graph(`    fc: {type: Linear, weight: {file: «w.npy»}}\n`)],
    ['spec/unresolved-file', 'a missing file', graph(`    fc: {type: Linear, weight: {file: «w.npy»}}\n`), { resolveFile: () => undefined }],
    ['spec/unresolved-file', 'a path leaving the folder', graph(`    fc: {type: Linear, weight: {file: «../w.npy»}}\n`), { resolveFile: () => new Uint8Array() }],
    ['spec/unresolved-file', 'a .nir reference without a reader', graph(`    fc: {type: Linear, weight: {file: «o.nir», path: /node/x}}\n`), { resolveFile: () => new Uint8Array() }],
    ['spec/bad-file', 'a Fortran-order .npy', graph(`    fc: {type: Linear, weight: {file: «w.npy»}}\n`), { resolveFile: () => npyBytes('<f4', [1, 1], new Uint8Array(4), true) }],
    ['spec/bad-file', 'not an array file', graph(`    fc: {type: Linear, weight: {file: «w.txt»}}\n`), { resolveFile: () => new Uint8Array() }],
];

describe('parseSpec problems', () => {
    it.each(CASES)('%s: %s', (code, _what, source, options) => {
        const { text, spans } = marked(source);
        const result = parse(text, options);
        // A YAML error may leave a half-read tree behind; only the YAML problems are asserted then.
        const relevant = code.startsWith('yaml/') ? result.problems.filter((p) => p.code.startsWith('yaml/')) : result.problems;
        expect(relevant.map((p) => [p.code, p.origin.span])).toEqual([[code, spans[0]]]);
        for (const p of result.problems) expect(p.message).toMatch(/\S.*[.)]$/);
    });

    it('one case per documented spec and yaml code', () => {
        const covered = new Set(CASES.map(([code]) => code));
        for (const code of ['yaml/syntax', 'yaml/duplicate-key', 'spec/too-large', 'spec/missing-node', 'spec/unknown-key', 'spec/unexpected-value',
            'spec/missing-type', 'spec/bad-edge', 'spec/ragged-list', 'spec/bad-element', 'spec/value-out-of-range', 'spec/unknown-dtype',
            'spec/bad-shape', 'spec/data-shape-mismatch', 'spec/huge-shape', 'spec/unknown-value-form', 'spec/bad-generator',
            'spec/broadcast-shape-unknown', 'spec/unresolved-file', 'spec/bad-file']) {
            expect(covered.has(code), code).toBe(true);
        }
    });

    it('warns when a float overflows float32', () => {
        const { text, spans } = marked(graph(`    fc: {type: Linear, weight: [[«1e39»]]}\n`));
        const result = parse(text);
        expect(result.problems.map((p) => [p.code, p.severity, p.origin.span])).toEqual([['spec/value-out-of-range', 'warning', spans[0]]]);
    });

    it('refuses texts with too many items before parsing them', () => {
        const text = `node: [${'0,'.repeat(2_000_001)}]`;
        const result = parse(text);
        expect(result.problems.map((p) => p.code)).toEqual(['spec/too-large']);
        expect(result.document).toBeUndefined();
    });

    it('refuses a quoted string longer than the limit at its opening quote, before the YAML parser folds it', () => {
        const open = 'node:\n  type: NIRGraph\n  metadata:\n    note: '.length;
        const text = `node:\n  type: NIRGraph\n  metadata:\n    note: "${'a'.repeat(20_000_000)}"\n`;
        const result = parse(text);
        expect(result.problems.map((p) => [p.code, p.origin.span])).toEqual([['spec/too-large', { start: open, end: open + 1 }]]);
        expect(result.problems[0].message).toMatch(/20000000 characters, more than the 1048576/);
    });

    it('stops alias bombs within the budget', () => {
        const lines = ['a0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]'];
        for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
        const text = `node:\n  type: NIRGraph\n  metadata:\n${lines.map((l) => `    ${l}`).join('\n')}\n`;
        const result = parse(text);
        expect(result.problems.map((p) => p.code)).toEqual(['spec/too-large']);
    });

    it('turns an internal failure into engine/internal-error instead of throwing', () => {
        const result = parse(graph('    x: {type: Input, shape: [1]}\n'), { nodeKinds: () => { throw new Error('boom'); } });
        expect(result.problems.map((p) => [p.code, p.origin.span])).toEqual([['engine/internal-error', { start: 0, end: 0 }]]);
        expect(result.problems[0].message).toContain('boom');
    });
});
