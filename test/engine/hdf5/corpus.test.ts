import { describe, it, expect, beforeAll } from 'vitest';
import { readNirFile, createEngine } from '../../../engine/src/index.js';
import { registerShippedHdf5Plugins } from '../../../host/hdf5-plugins.js';
import { CORPUS_FILES, corpusBytes, corpusDump } from './corpus-files.js';
import { dumpComparable, nodeComparable } from './comparable.js';

beforeAll(() => registerShippedHdf5Plugins());

describe('reading the NIR corpus', () => {
    it('has all 59 graph files', () => {
        expect(CORPUS_FILES.length).toBe(59);
    });

    it.each(CORPUS_FILES)('%s equals its h5py dump', async (file) => {
        const result = await readNirFile(corpusBytes(file));
        expect(result.problems).toEqual([]);
        const dump = corpusDump(file);
        expect(result.document!.version).toBe(dump.version);
        expect(nodeComparable(result.document!.root)).toEqual(dumpComparable(dump.node));
    });

    it('reads LZF datasets through the shipped plugin to the same values as gzip', async () => {
        const lzf = await readNirFile(corpusBytes('generated/graph_ff_lif_lzf.nir'));
        const gzip = await readNirFile(corpusBytes('generated/graph_ff_lif.nir'));
        expect(nodeComparable(lzf.document!.root)).toEqual(nodeComparable(gzip.document!.root));
    });

    it('keeps HDF5 paths as origins of nodes, parameters, metadata and edges', async () => {
        const { document } = await readNirFile(corpusBytes('generated/graph_metadata.nir'));
        const lin = document!.root.nodes!.get('lin')!;
        expect(lin.origin.path).toBe('/node/nodes/lin');
        expect(lin.typeOrigin.path).toBe('/node/nodes/lin/type');
        expect(lin.params.get('weight')!.origin.path).toBe('/node/nodes/lin/weight');
        const nested = lin.metadata.entries.get('nested');
        expect(nested?.kind === 'dict' && nested.entries.get('a')!.origin.path).toBe('/node/nodes/lin/metadata/nested/a');
        const quantized = lin.metadata.entries.get('quantized');
        expect(quantized?.kind === 'tensor' && quantized.dtype).toBe('bool');
        const edge = document!.root.edges![1];
        expect(edge.origin.path).toBe('/node/edges/1');
        expect(edge.sourceOrigin.path).toBe('/node/edges/1');
    });

    it('keeps int64 parameters as BigInt64Array and 0-d datasets as shape []', async () => {
        const { document } = await readNirFile(corpusBytes('generated/prim_conv1d.nir'));
        const conv = [...document!.root.nodes!.values()].find((n) => n.type === 'Conv1d')!;
        const stride = conv.params.get('stride')!;
        expect(stride.kind === 'tensor' && stride.shape).toEqual([]);
        expect(stride.kind === 'tensor' && stride.source.kind === 'dense' && stride.source.data).toBeInstanceOf(BigInt64Array);
    });

    it('says a NIRData file is not a graph', async () => {
        const result = await readNirFile(corpusBytes('generated/nirdata_example.h5'));
        expect(result.document).toBeUndefined();
        expect(result.problems.map((p) => p.code)).toEqual(['hdf5/no-root-node']);
        expect(result.problems[0].message).toMatch(/NIRData/);
    });

    it('loads the files NIR refuses, leaving their faults to the graph checks', async () => {
        const engine = createEngine();
        const refused = [
            'generated/bare_lif_node.nir',
            'real/neuromorphs+NIR/paper/03_rnn/extras/braille_noDelay_bias_zero_subgraph.nir',
            'real/synsense+rockpool/tests/tests_default/nir_graphs/braille.nir',
            'real/neuromorphs+NIR/paper/01_lif/lif_rockpool.nir',
        ];
        for (const file of refused) {
            const result = await engine.analyze({ kind: 'nir', bytes: corpusBytes(file), lenient: true }, { target: 'none' });
            expect(result.document, file).toBeDefined();
            expect(result.problems.length, file).toBeGreaterThan(0);
            expect(result.problems.every((p) => p.origin.path.startsWith('/node')), file).toBe(true);
        }
    });
});
