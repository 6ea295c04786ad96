import { describe, expect, it } from 'vitest';
import { lowerToMachine, type SynapseFormat } from '../../../engine/src/index.js';
import { analyseSpec } from './analysis-fixture.js';

/** SpiNNaker2's synapse format: 16-bit words, a 4-byte row header. */
const S2: SynapseFormat = { synapseBytes: 2, rowHeaderBytes: 4, convWeightBits: 8, convParamsBytes: 64 };

const spec = (nodes: string, edges: string, metadata = '') =>
    `node:\n  type: NIRGraph\n  nodes:\n${nodes}\n  edges:\n${edges}\n${metadata}`;

describe('lowering NIR to populations and projections', () => {
    it('turns neurons and inputs into populations and weight chains into projections', async () => {
        const analysis = await analyseSpec(spec(
            `    in: {type: Input, shape: [4]}
    fc: {type: Affine, weight: [[1, 0, 0.5, 0.25], [0, 1, 0, 0], [0.5, 0.5, 0.5, 0.5]], bias: 0}
    lif: {type: LIF, shape: [3], tau: 0.02, r: 1, v_leak: 0, v_threshold: 1}
    out: {type: Output, shape: [3]}`,
            '    - [in, fc]\n    - [fc, lif]\n    - [lif, out]',
        ));
        const graph = lowerToMachine(analysis);
        expect(graph.populations.map((p) => [p.name, p.type, p.size, p.isSource, p.record.spikes])).toEqual([
            ['in', 'Input', 4, true, false],
            ['lif', 'LIF', 3, false, true], // feeds the graph output: records spikes (s2_nir's default)
        ]);
        expect(graph.projections).toHaveLength(1);
        const [p] = graph.projections;
        expect([p.pre, p.post, p.ops.map((op) => op.node.node.name), p.weightOp?.node.node.name]).toEqual([0, 1, ['fc'], 'fc']);
        const c = p.connectivity;
        expect([c.kind, c.exact, c.synapses]).toEqual(['dense', true, 8]);
        expect(c.fanIn()).toEqual({ max: 4, mean: 8 / 3, argMax: 2 });
        // Post neurons 0..2: columns 0, 1, 2, 3 each have two non-zeros → 4 rows of 2 synapses (4 + 4 bytes).
        expect(c.load(0, 3, S2)).toEqual({ rows: 4, synapses: 8, bytes: 32 });
        // Post neuron 1 alone: one row (column 1) of one synapse.
        expect(c.load(1, 1, S2)).toEqual({ rows: 1, synapses: 1, bytes: 8 });
        expect(c.reach(1, 1)).toEqual([[1, 3]]); // pre neuron 1 reaches post 1 and 2
        expect(c.sources(0, 1)).toEqual([[0, 1], [2, 4]]);
        expect(p.origin.path).toBe('/node/nodes/fc');
    });

    it('costs generators from their recipe: all-to-all, fixed probability (expected), one-to-one, block diagonal', async () => {
        const analysis = await analyseSpec(spec(
            `    in: {type: Input, shape: [1000]}
    dense: {type: Linear, weight: {shape: [200, 1000], normal: {mean: 0, std: 1, seed: 1}}}
    a: {type: LIF, shape: [200], tau: 0.02, r: 1, v_leak: 0, v_threshold: 1}
    sparse: {type: Linear, weight: {shape: [500, 200], fixed_probability: {p: 0.1, weight: 1, seed: 2}}}
    b: {type: LIF, shape: [500], tau: 0.02, r: 1, v_leak: 0, v_threshold: 1}
    diag: {type: Linear, weight: {shape: [500, 500], one_to_one: 2}}
    c: {type: IF, shape: [500], r: 1, v_threshold: 1}
    grouped: {type: Linear, weight: {shape: [5, 100, 100], ones: true}}
    d: {type: IF, shape: [5, 100], r: 1, v_threshold: 1}`,
            '    - [in, dense]\n    - [dense, a]\n    - [a, sparse]\n    - [sparse, b]\n    - [b, diag]\n    - [diag, c]\n    - [c, grouped]\n    - [grouped, d]',
        ));
        const [dense, sparse, diag, grouped] = lowerToMachine(analysis).projections.map((p) => p.connectivity);
        expect([dense.kind, dense.synapses, dense.fanIn().max]).toEqual(['dense', 200000, 1000]);
        expect(dense.load(0, 10, S2)).toEqual({ rows: 1000, synapses: 10000, bytes: 1000 * (4 + 20) });
        expect([sparse.kind, sparse.exact, sparse.synapses, sparse.fanIn().mean]).toEqual(['sparse', false, 10000, 20]);
        const rows = 200 * (1 - 0.9 ** 50);
        expect(sparse.load(0, 50, S2).rows).toBeCloseTo(rows, 9);
        expect(sparse.load(0, 50, S2).synapses).toBeCloseTo(1000, 9);
        expect([diag.kind, diag.synapses, diag.load(100, 50, S2)]).toEqual(['one-to-one', 500, { rows: 50, synapses: 50, bytes: 50 * 8 }]);
        expect(diag.reach(10, 5)).toEqual([[10, 15]]);
        expect([grouped.synapses, grouped.fanIn().max]).toEqual([5 * 100 * 100, 100]);
        // Post neurons 150..249 span groups 1 (150..199) and 2 (200..249): 100 rows of 50 synapses each.
        expect(grouped.load(150, 100, S2)).toEqual({ rows: 200, synapses: 10000, bytes: 200 * (4 + 100) });
        expect(grouped.reach(0, 120)).toEqual([[0, 100], [100, 200]]);
        expect(grouped.slicePeriod(60)).toBe(5);
    });

    it('follows chains into and out of nested graphs, and finds recurrent projections', async () => {
        const analysis = await analyseSpec(spec(
            `    in: {type: Input, shape: [3]}
    w: {type: Linear, weight: {shape: [3, 3], ones: true}}
    rnn:
      type: NIRGraph
      nodes:
        i: {type: Input, shape: [3]}
        lif: {type: LIF, shape: [3], tau: 0.02, r: 1, v_leak: 0, v_threshold: 1}
        rec: {type: Linear, weight: {shape: [3, 3], normal: {mean: 0, std: 1, seed: 3}}}
        o: {type: Output, shape: [3]}
      edges: [[i, lif], [lif, rec], [rec, lif], [lif, o]]
    w2: {type: Linear, weight: {shape: [2, 3], ones: true}}
    out_lif: {type: LIF, shape: [2], tau: 0.02, r: 1, v_leak: 0, v_threshold: 1}`,
            '    - [in, w]\n    - [w, rnn]\n    - [rnn, w2]\n    - [w2, out_lif]',
        ));
        const graph = lowerToMachine(analysis);
        expect(graph.populations.map((p) => p.path)).toEqual(['/node/nodes/in', '/node/nodes/rnn/nodes/lif', '/node/nodes/out_lif']);
        const names = (i: number) => graph.populations[i].name;
        expect(graph.projections.map((p) => `${names(p.pre)}→${names(p.post)} via ${p.ops.map((o) => o.node.node.name).join(',')}`)).toEqual([
            'in→lif via w', 'lif→lif via rec', 'lif→out_lif via w2',
        ]);
    });

    it('computes what a convolution reads and feeds from its geometry', async () => {
        const analysis = await analyseSpec(spec(
            `    in: {type: Input, shape: [1, 6, 6]}
    conv: {type: Conv2d, weight: {shape: [2, 1, 3, 3], ones: true}, bias: {shape: [2], zeros: true}, stride: 1, padding: 0, dilation: 1, groups: 1, input_shape: [6, 6]}
    if1: {type: IF, shape: [2, 4, 4], r: 1, v_threshold: 1}`,
            '    - [in, conv]\n    - [conv, if1]',
        ));
        const [p] = lowerToMachine(analysis).projections;
        const c = p.connectivity;
        expect([c.kind, c.preSize, c.postSize, c.synapses, c.fanIn().max]).toEqual(['conv', 36, 32, 32 * 9, 9]);
        // Input row 0 (neurons 0..5) feeds output row 0 of both channels.
        expect(c.reach(0, 6)).toEqual([[0, 4], [16, 20]]);
        // Output row 3 of channel 0 (neurons 12..15) reads input rows 3..5.
        expect(c.sources(12, 4)).toEqual([[18, 36]]);
        // A PE stores the kernel (18 int8 weights, padded to 20 bytes) and the parameter block.
        expect(c.load(0, 16, S2)).toEqual({ rows: 0, synapses: 144, bytes: 20 + 64 });
    });

    it('reads SpiNNaker hints with their origins, and reports malformed ones', async () => {
        const text = spec(
            `    in: {type: Input, shape: [4], metadata: {spinnaker2: {neurons_per_core: 2, chip: [1, 0], core: 3, record: [spikes, v]}}}
    fc: {type: Linear, weight: {shape: [4, 4], ones: true}, metadata: {spinnaker2: {delay: 2, colour: red}}}
    lif: {type: LIF, shape: [4], tau: 0.02, r: 1, v_leak: 0, v_threshold: 1, metadata: {spinnaker2: {neurons_per_core: 0, record: [spike]}}}`,
            '    - [in, fc]\n    - [fc, lif]',
        );
        const graph = lowerToMachine(await analyseSpec(text));
        const [source, lif] = graph.populations;
        expect(source.hints.neuronsPerCore?.value).toBe(2);
        expect(source.hints.chip?.value).toEqual([1, 0]);
        expect(source.hints.core?.value).toBe(3);
        expect(source.record).toEqual({ spikes: true, v: true, vLast: false, timeDone: false });
        const at = (span?: { start: number; end: number }) => (span ? text.slice(span.start, span.end) : undefined);
        expect(at(source.hints.neuronsPerCore?.origin.span)).toBe('2');
        expect(graph.projections[0].delayHint?.steps).toBe(2);
        expect(lif.hints.problems.map((p) => [p.severity, p.origin.path, p.message])).toEqual([
            ['error', '/node/nodes/lif/metadata/spinnaker2/neurons_per_core', "hint 'neurons_per_core' must be a whole number ≥ 1"],
            ['error', '/node/nodes/lif/metadata/spinnaker2/record', "hint 'record' must name what to record (spikes, v, v_last, time_done); found unknown recordable 'spike'"],
        ]);
    });
});
