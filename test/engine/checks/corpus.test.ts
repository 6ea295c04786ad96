import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../engine/src/index.js';
import { corpusDocument, corpusJsonFiles } from './corpus-document.js';

/**
 * Every corpus graph (60 real and generated .nir files, through their JSON dumps) is checked with
 * the target `none`. Valid files give no errors; the known-bad ones give exactly the right codes.
 */

/** Files the corpus README (and a closer look) knows to be broken, with the errors they must give. */
const KNOWN_BAD: Readonly<Record<string, readonly string[]>> = {
    // NIR's own negative test: Linear 2x2 then Linear 1x1.
    'generated/invalid_type_mismatch.json': ['nir/edge-shape'],
    // Written without a surrounding graph; NIR's reader rejects any root that is not a NIRGraph.
    'generated/bare_lif_node.json': ['nir/root-not-graph'],
    // Output [1, 1, 1] after a LIF of shape [1].
    'real/neuromorphs+NIR/paper/01_lif/lif_rockpool.json': ['nir/edge-shape'],
    // Nested graph 'hidden': Input [1] (and Output [1]) around 38 neurons.
    'real/synsense+rockpool/tests/tests_default/nir_graphs/braille.json': ['nir/edge-shape', 'nir/edge-shape'],
    // The inner graph 'lif1' has four edge ends naming 'lif', which it does not have (its neuron is 'lif1').
    'real/neuromorphs+NIR/paper/03_rnn/extras/braille_noDelay_bias_zero_subgraph.json': Array(4).fill('nir/dangling-edge'),
    'real/neuromorphs+NIR/paper/03_rnn/extras/braille_noDelay_noBias_subtract_subgraph.json': Array(4).fill('nir/dangling-edge'),
    // Not in the README: NIR's tests/test_architectures.py gives the 'junction' Affine (weight [3, 2]) a bias of
    // shape [2], which cannot be added to its 3 outputs. NIR never validates biases, so its reader accepts it.
    'generated/arch_merge_and_split_single_output.json': ['nir/bias-shape'],
    // Not in the README: NIR's tests/test_readwrite.py::test_simple wires the Affine 'a' to itself, a loop with no
    // state on it (docs/node-kinds.md gives every edge into a stateful node a tick of delay; an Affine has none).
    'generated/rw_simple.json': ['nir/cycle-without-delay'],
};

const engine = createEngine();

describe('the NIR corpus through graph checks', () => {
    const files = corpusJsonFiles();

    it('has the corpus dumps', () => {
        expect(files.length).toBeGreaterThanOrEqual(55);
    });

    for (const file of files) {
        it(`${file}: ${KNOWN_BAD[file] ? KNOWN_BAD[file].join(', ') : 'no errors'}`, async () => {
            const result = await engine.analyzeDocument(corpusDocument(file), { target: 'none' });
            const errors = result.problems.filter((p) => p.severity === 'error');
            expect(errors.map((p) => p.code).sort(), errors.map((p) => p.message).join('\n')).toEqual([...(KNOWN_BAD[file] ?? [])].sort());
        });
    }
});
