import { describe, it, expect, beforeAll } from 'vitest';
import { createEngine, loadHdf5, readNirDataset } from '../../../engine/src/index.js';
import { corpusBytes } from './corpus-files.js';

beforeAll(async () => {
    await loadHdf5();
});

describe('readNirDataset', () => {
    const bytes = corpusBytes('generated/prim_linear.nir');

    it('reads one dataset with its dtype and shape', () => {
        const result = readNirDataset(bytes, '/node/nodes/node/weight');
        if ('error' in result) throw new Error(result.error);
        expect(result.dtype).toBe('float32');
        expect(result.shape).toEqual([4, 3]);
        expect(result.data).toBeInstanceOf(Float32Array);
    });

    it('explains missing datasets, strings and non-HDF5 bytes', () => {
        expect(readNirDataset(bytes, '/node/nodes/nothing')).toEqual({ error: expect.stringMatching(/no dataset \/node\/nodes\/nothing/) });
        expect(readNirDataset(bytes, '/node/type')).toEqual({ error: expect.stringMatching(/string/) });
        expect(readNirDataset(new Uint8Array(10), '/x')).toEqual({ error: expect.stringMatching(/HDF5 signature/) });
    });

    it('resolves {file: x.nir, path: …} in specs loaded by the engine', async () => {
        const text = [
            'node:',
            '  type: NIRGraph',
            '  nodes:',
            '    input: {type: Input, shape: [3]}',
            '    linear: {type: Linear, weight: {file: w.nir, path: /node/nodes/node/weight}}',
            '    output: {type: Output, shape: [4]}',
            '  edges: [[input, linear], [linear, output]]',
        ].join('\n');
        const result = await createEngine().load({ kind: 'spec', text, resolveFile: (p) => (p === 'w.nir' ? bytes : undefined) });
        expect(result.problems).toEqual([]);
        const weight = result.document!.root.nodes!.get('linear')!.params.get('weight')!;
        expect(weight.kind === 'tensor' && weight.shape).toEqual([4, 3]);
    });
});
