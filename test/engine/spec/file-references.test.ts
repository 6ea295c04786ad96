import { describe, expect, it } from 'vitest';
import { graph, npyBytes, parse } from './helpers.js';
import type { Tensor } from '../../../engine/src/nir/value.js';

const WEIGHT = npyBytes('<f4', [2, 2], new Uint8Array(new Float32Array([1, 2, 3, 4]).buffer));

/** Ten Linear nodes, each reading its weight from `w.npy`. */
const TEN = graph(Array.from({ length: 10 }, (_, i) => `    fc${i}: {type: Linear, weight: {file: w.npy}}\n`).join(''));

describe('file references', () => {
    it('reads a file once per parse however often the spec names it, and its tensors share the data', () => {
        const calls: string[] = [];
        const result = parse(TEN, { resolveFile: (name) => (calls.push(name), WEIGHT) });
        expect(result.problems).toEqual([]);
        expect(calls).toEqual(['w.npy']);
        const weights = [...(result.document?.root.nodes?.values() ?? [])].map((n) => n.params.get('weight') as Tensor);
        expect(weights).toHaveLength(10);
        const data = weights.map((w) => (w.source.kind === 'dense' ? w.source.data : undefined));
        expect(data[0]).toEqual(new Float32Array([1, 2, 3, 4]));
        expect(new Set(data).size).toBe(1);
    });

    it('reports why the host would not read a file, at the reference', () => {
        const result = parse(graph('    fc: {type: Linear, weight: {file: w.npy}}\n'), { resolveFile: () => ({ error: 'it is a named pipe (FIFO), not a regular file' }) });
        expect(result.problems.map((p) => [p.code, p.message])).toEqual([['spec/bad-file', "Cannot read 'w.npy': it is a named pipe (FIFO), not a regular file."]]);
    });
});
