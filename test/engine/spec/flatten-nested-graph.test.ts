import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, createEngine, flattenNestedGraph, formatSpec, machineGraphOf, type AnalyzeResult } from '../../../engine/src/index.js';

const engine = createEngine();
const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');

const analyze = (text: string) => engine.analyze({ kind: 'spec', text });
const nestedHints = (r: AnalyzeResult) => r.problems.filter((p) => p.code === 'spinnaker2/from-nir' && (p.data as { fix?: string } | undefined)?.fix === 'flatten-graph');

/** Flattens every nested graph of a spec text, outermost first, as the quick fix would one by one. */
async function flattenAll(text: string): Promise<string> {
    let current = text;
    for (let round = 0; round < 20; round++) {
        const r = await analyze(current);
        const hint = nestedHints(r)[0];
        if (!hint) return current;
        const result = flattenNestedGraph(current, r.document!, (hint.data as { node: string }).node);
        if ('reason' in result) throw new Error(result.reason);
        current = applyEdits(current, result.edits);
    }
    throw new Error('still nested after 20 rounds');
}

/** What the machine runs: neuron populations (type and size) and projections (ends and synapse count), without names. */
function network(r: AnalyzeResult): { populations: string[]; projections: string[] } {
    const graph = machineGraphOf(r.analysis!);
    const pop = (i: number) => `${graph.populations[i].type}[${graph.populations[i].size}]`;
    return {
        populations: graph.populations.map((p) => pop(p.index)).sort(),
        projections: graph.projections.map((p) => `${pop(p.pre)} → ${pop(p.post)}: ${p.connectivity.synapses} via ${p.ops.map((op) => op.node.node.type).join(',')}`).sort(),
    };
}

/**
 * The codes of the problems other than hints. Flattening drops the nested graph's Input and Output
 * nodes with their declared shapes, so an edge-shape problem about a port's declaration (rockpool's
 * braille.nir declares [12] for a port fed [38]) goes with it; the network is the same.
 */
const codes = (r: AnalyzeResult) => r.problems.filter((p) => p.severity !== 'hint' && p.code !== 'nir/edge-shape').map((p) => p.code).sort();

const NESTED = `node:
  type: NIRGraph
  nodes:
    in: {type: Input, shape: [2]}
    fc_in: {type: Affine, weight: [[1, 0.5], [0.25, 1], [0, 1]], bias: [0, 0, 0.1]}
    cell:
      type: NIRGraph
      nodes:
        x: {type: Input, shape: [3]}
        neurons:
          type: IF  # the recurrent layer
          shape: [3]
          r: 1
          v_threshold: 1
        loop: {type: Affine, weight: [[0, 1, 0], [0, 0, 1], [1, 0, 0]], bias: 0}
        y: {type: Output, shape: [3]}
      edges: [[x, neurons], [neurons, loop], [loop, neurons], [neurons, y]]
    out: {type: Output, shape: [3]}
  edges:
    - [in, fc_in]
    - [fc_in, cell]
    - [cell, out]
`;

describe('flattenNestedGraph', () => {
    it('inlines the children with prefixed names, keeps their text and comments, and rewires through the ports', async () => {
        const r = await analyze(NESTED);
        const result = flattenNestedGraph(NESTED, r.document!, '/node/nodes/cell');
        expect('edits' in result).toBe(true);
        if (!('edits' in result)) return;
        const flat = applyEdits(NESTED, result.edits);
        expect(flat).toContain('    fc_in: {type: Affine, weight: [[1, 0.5], [0.25, 1], [0, 1]], bias: [0, 0, 0.1]}\n    cell_neurons:\n      type: IF  # the recurrent layer\n');
        expect(flat).toContain('      v_threshold: 1\n    cell_loop: {type: Affine, weight: [[0, 1, 0], [0, 0, 1], [1, 0, 0]], bias: 0}\n    out: {type: Output, shape: [3]}\n');
        expect(flat).toContain('  edges:\n    - [in, fc_in]\n    - [fc_in, cell_neurons]\n    - [cell_neurons, out]\n    - [cell_neurons, cell_loop]\n    - [cell_loop, cell_neurons]\n');
        expect(flat).not.toMatch(/ (cell|x|y): /);
        // The graph's own six lines (cell, type, nodes, x, y, edges) go; its two inner edges join the parent's.
        expect(flat.split('\n')).toHaveLength(NESTED.split('\n').length - 4);
    });

    it('writes flow-style edge lists and arrow edges in their own style', async () => {
        const text = `node:
  type: NIRGraph
  nodes:
    in: {type: Input, shape: [2]}
    g: {type: NIRGraph, nodes: {i: {type: Input, shape: [2]}, lif: {type: LIF, shape: [2], tau: 0.02, r: 1, v_leak: 0, v_threshold: 1}, o: {type: Output, shape: [2]}}, edges: [[i, lif], [lif, o]]}
    out: {type: Output, shape: [2]}
  edges: ["in -> g", "g -> out"]
`;
        const r = await analyze(text);
        const result = flattenNestedGraph(text, r.document!, '/node/nodes/g');
        if (!('edits' in result)) throw new Error(result.reason);
        const flat = applyEdits(text, result.edits);
        expect(flat).toContain('    g_lif: {type: LIF, shape: [2], tau: 0.02, r: 1, v_leak: 0, v_threshold: 1}\n    out:');
        expect(flat).toContain('  edges: ["in -> g_lif", "g_lif -> out"]');
        const after = await analyze(flat);
        expect(codes(after)).toEqual(codes(r));
        expect(network(after)).toEqual(network(r));
    });

    it('refuses a graph whose Input an edge cannot choose, and says why', async () => {
        const text = readFileSync(join(fixtures, 'checks', 'subgraphs.nir.yaml'), 'utf8').replace(/⟦[^|]*\|([^⟧]*)⟧/g, '$1');
        const r = await analyze(text);
        expect(flattenNestedGraph(text, r.document!, '/node/nodes/merge')).toEqual({ reason: 'an edge into \'merge\' cannot say which of its 2 Input nodes it feeds' });
        const portless = flattenNestedGraph(text, r.document!, '/node/nodes/portless');
        if (!('edits' in portless)) throw new Error(portless.reason);
        expect(applyEdits(text, portless.edits)).toMatch(/ {4}portless_lif: \{type: LIF[^\n]*\n {4}output:/);
    });

    it('says a .nir file has no text to edit, and the hint says to convert it to YAML first', async () => {
        const bytes = new Uint8Array(readFileSync(join(fixtures, 'nir', 'generated', 'graph_cubalif_recurrent_nested.nir')));
        const r = await engine.analyze({ kind: 'nir', bytes });
        const hint = r.problems.find((p) => p.code === 'spinnaker2/from-nir');
        expect(hint?.message).toMatch(/Suggestion: convert the file to YAML \(`nirmesh convert FILE\.nir FILE\.nir\.yaml`\) and flatten the graph there with the quick fix\.$/);
        expect(hint?.data).toBeUndefined();
        expect(flattenNestedGraph('', r.document!, '/node/nodes/rnn')).toEqual({ reason: '\'rnn\' has no place in the text (a .nir file: convert it to YAML first)' });
    });

    // Every corpus file with a nested graph, written as YAML: flattened, it parses, has no nested
    // graph left, and the machine runs the same populations and projections with the same problems.
    // Left out: the NIR paper's braille_*_subgraph.nir extras, whose inner edges name a node 'lif'
    // the graph does not have (nir/dangling-edge), so no path through them is the same one.
    const NESTED_CORPUS = [
        'generated/arch_merge_and_split_different_output_type.nir',
        'generated/arch_merge_and_split_single_output.nir',
        'generated/arch_two_independent_branches.nir',
        'generated/arch_two_independent_branches_merging.nir',
        'generated/graph_cubalif_recurrent_nested.nir',
        'generated/prim_nirgraph_nested.nir',
        'real/kmheckel+spyx/docs/examples/nir/rsnn/braille_noDelay_bias_zero_subgraph.nir',
        'real/synsense+rockpool/tests/tests_default/nir_graphs/braille.nir',
    ];
    it.each(NESTED_CORPUS)('%s', async (file) => {
        const loaded = await engine.load({ kind: 'nir', bytes: new Uint8Array(readFileSync(join(fixtures, 'nir', file))) });
        const text = formatSpec(loaded.document!, { nodeKinds: (type) => engine.registry.nodeKinds.get(type) });
        const before = await analyze(text);
        expect(nestedHints(before).length).toBeGreaterThan(0);
        const after = await analyze(await flattenAll(text));
        expect(after.problems.filter((p) => p.code.startsWith('spec/') || p.code.startsWith('yaml/'))).toEqual([]);
        expect(nestedHints(after)).toEqual([]);
        expect(codes(after)).toEqual(codes(before));
        expect(network(after)).toEqual(network(before));
    });
});
