import { describe, expect, it } from 'vitest';
import { createEngine, type Problem } from '../../../engine/src/index.js';

const LIF = 'tau: 0.02, r: 1, v_leak: 0, v_threshold: 1';

const spec = (nodes: string, edges: string, metadata = '') =>
    `node:\n  type: NIRGraph\n  nodes:\n${nodes}\n  edges:\n${edges}\n${metadata}`;

/** The `spinnaker2/…` problems of a spec's fast checks, with the text each one points at. */
async function rules(text: string, target = 'spinnaker2-board48'): Promise<(Problem & { at?: string })[]> {
    const result = await createEngine().analyze({ kind: 'spec', text }, { target, categories: ['fast'] });
    return result.problems
        .filter((p) => p.code.startsWith('spinnaker2/'))
        .map((p) => ({ ...p, at: p.origin.span ? text.slice(p.origin.span.start, p.origin.span.end) : undefined }));
}

describe('SpiNNaker toolchain rules', () => {
    it('accepts a plain feed-forward LIF network', async () => {
        const problems = await rules(spec(
            `    in: {type: Input, shape: [4]}\n    fc: {type: Affine, weight: {shape: [3, 4], ones: true}, bias: 0}\n    lif: {type: LIF, shape: [3], ${LIF}}`,
            '    - [in, fc]\n    - [fc, lif]',
        ));
        expect(problems.filter((p) => p.severity !== 'hint')).toEqual([]);
    });

    it('reports node types the toolchain does not run, on the type, with a replacement', async () => {
        const problems = await rules(spec(
            `    in: {type: Input, shape: [4]}\n    fc: {type: Linear, weight: {shape: [4, 4], ones: true}}\n    li: {type: LI, shape: [4], tau: 0.02, r: 1, v_leak: 0}`,
            '    - [in, fc]\n    - [fc, li]',
        ));
        const [p] = problems.filter((q) => q.code === 'spinnaker2/unsupported-primitive');
        expect(p.at).toBe('LI');
        expect(p.message).toMatch(/^spinnaker2-board48 does not run NIR type 'LI' \(node 'li'\); its toolchain accepts Input, Output, .* Suggestion: use LIF/);
    });

    it('reports two weight layers in a row on the second one', async () => {
        const problems = await rules(spec(
            `    in: {type: Input, shape: [4]}\n    fc1: {type: Linear, weight: {shape: [4, 4], ones: true}}\n    fc2: {type: Linear, weight: {shape: [2, 4], ones: true}}\n    lif: {type: LIF, shape: [2], ${LIF}}`,
            '    - [in, fc1]\n    - [fc1, fc2]\n    - [fc2, lif]',
        ));
        const [p] = problems.filter((q) => q.code === 'spinnaker2/consecutive-weight-layers');
        expect(p.origin.path).toBe('/node/nodes/fc2');
        expect(p.related?.[0].origin.path).toBe('/node/nodes/fc1');
    });

    it('reports neurons joined without weights', async () => {
        const problems = await rules(spec(
            `    in: {type: Input, shape: [4]}\n    fc: {type: Linear, weight: {shape: [4, 4], ones: true}}\n    a: {type: LIF, shape: [4], ${LIF}}\n    b: {type: LIF, shape: [4], ${LIF}}`,
            '    - [in, fc]\n    - [fc, a]\n    - [a, b]',
        ));
        const [p] = problems.filter((q) => q.code === 'spinnaker2/neuron-to-neuron');
        expect(p.origin.path).toBe('/node/edges/2');
        expect(p.message).toMatch(/^'a' feeds 'b' with no weights between them/);
    });

    it('accepts pooling straight into neurons, and reports CubaLIF after a convolution', async () => {
        const problems = await rules(spec(
            `    in: {type: Input, shape: [1, 4, 4]}
    conv: {type: Conv2d, weight: {shape: [1, 1, 3, 3], ones: true}, bias: {shape: [1], zeros: true}, stride: 1, padding: 1, dilation: 1, groups: 1, input_shape: [4, 4]}
    cuba: {type: CubaLIF, shape: [1, 4, 4], tau_syn: 0.01, tau_mem: 0.02, r: 1, v_leak: 0, v_threshold: 1}
    pool: {type: SumPool2d, kernel_size: [2, 2], stride: [2, 2], padding: [0, 0]}
    if2: {type: IF, shape: [1, 2, 2], r: 1, v_threshold: 1}`,
            '    - [in, conv]\n    - [conv, cuba]\n    - [cuba, pool]\n    - [pool, if2]',
        ));
        expect(problems.find((p) => p.code === 'spinnaker2/cubalif-after-conv')?.at).toBe('CubaLIF');
        // Pooling straight into neurons is what s2_nir.py create_sumpool2d_projection does: no hint.
        expect(problems.find((p) => p.code === 'spinnaker2/from-nir')).toBeUndefined();
    });

    it('reports a delay the 3-bit field cannot hold, on the hint, in steps and seconds', async () => {
        const problems = await rules(spec(
            `    in: {type: Input, shape: [4]}\n    fc: {type: Linear, weight: {shape: [4, 4], ones: true}, metadata: {spinnaker2: {delay: 12}}}\n    lif: {type: LIF, shape: [4], ${LIF}}`,
            '    - [in, fc]\n    - [fc, lif]',
            '  metadata: {dt: 0.0005}',
        ));
        const [p] = problems.filter((q) => q.code === 'spinnaker2/delay-range');
        expect(p.at).toBe('12');
        expect(p.message).toBe("the projection 'in' → 'lif' needs a delay of 12 steps (the delay hint's 12 steps); spinnaker2-board48 encodes 1..8 steps. Suggestion: keep the delay within 1..8 steps (at most 0.004 s at dt 0.0005 s).");
        expect(await rules(spec(
            `    in: {type: Input, shape: [4]}\n    fc: {type: Linear, weight: {shape: [4, 4], ones: true}, metadata: {spinnaker2: {delay: 12}}}\n    lif: {type: LIF, shape: [4], ${LIF}}`,
            '    - [in, fc]\n    - [fc, lif]',
        ), 'spinnaker1-board48')).not.toContainEqual(expect.objectContaining({ code: 'spinnaker2/delay-range' }));
    });

    it('counts a Delay node in steps of the graph dt', async () => {
        const problems = await rules(spec(
            `    in: {type: Input, shape: [2]}\n    d: {type: Delay, delay: [0.004, 0.01]}\n    fc: {type: Linear, weight: {shape: [2, 2], ones: true}}\n    lif: {type: LIF, shape: [2], ${LIF}}`,
            '    - [in, d]\n    - [d, fc]\n    - [fc, lif]',
            '  metadata: {dt: 0.001}',
        ));
        const [p] = problems.filter((q) => q.code === 'spinnaker2/delay-range');
        expect(p.origin.path).toBe('/node/nodes/d/delay');
        expect(p.message).toMatch(/needs a delay of 11 steps \(the default 1-step synaptic delay plus Delay 'd' up to 0.01 s at dt 0.001 s = 10 steps\)/);
    });

    it('measures the weight quantisation error exactly for explicit weights', async () => {
        const problems = await rules(spec(
            `    in: {type: Input, shape: [3]}\n    fc: {type: Linear, weight: [[1, 0.5, 0.003]]}\n    lif: {type: LIF, shape: [1], ${LIF}}`,
            '    - [in, fc]\n    - [fc, lif]',
        ));
        const [p] = problems.filter((q) => q.code === 'spinnaker2/weight-quantisation');
        // 127 levels of 1/127: 1 → 127 (exact), 0.5 → 64 (0.50394, +0.79%), 0.003 → 0 (−100%).
        expect(p.severity).toBe('warning');
        expect(p.data).toEqual({ maxRelativeError: 1, meanRelativeError: expect.closeTo((0 + (64 / 127 - 0.5) / 0.5 + 1) / 3, 6), zeroed: 1, step: 1 / 127, levels: 127 });
        expect(p.message).toBe("weights of 'fc' lose a mean 33.6% to rounding on spinnaker2-board48, and 1 of 3 non-zero weights (33.3%) round to 0 and are lost (127 levels of 0.00787 up to |w| = 1; the warning limit is a mean of 5.0%). Suggestion: spread the weights over the range (clip outliers: one step is 0.00787), or prune weights below 0.00394.");
        expect(p.at).toBe('[[1, 0.5, 0.003]]');
    });

    it('gives well-quantised weights a hint, not a warning', async () => {
        const problems = await rules(spec(
            `    in: {type: Input, shape: [3]}\n    fc: {type: Linear, weight: [[127, 64, -32]]}\n    lif: {type: LIF, shape: [1], ${LIF}}`,
            '    - [in, fc]\n    - [fc, lif]',
        ));
        expect(problems.find((q) => q.code === 'spinnaker2/weight-quantisation')).toMatchObject({ severity: 'hint', data: { maxRelativeError: 0, zeroed: 0 } });
    });

    it('reports a fan-in one PE cannot hold, with the limit it derives from the SRAM window', async () => {
        const problems = await rules(spec(
            `    in: {type: Input, shape: [20000]}\n    fc: {type: Linear, weight: {shape: [10, 20000], ones: true}}\n    lif: {type: LIF, shape: [10], ${LIF}}`,
            '    - [in, fc]\n    - [fc, lif]',
        ));
        const [p] = problems.filter((q) => q.code === 'spinnaker2/fan-in');
        // (67,328 − 64 fixed − 12 routing − 28 state − 64 buffers − 12 table) / (4 header + 4 word) = 8,393
        expect(p.message).toMatch(/^neuron 0 of 'lif' receives 20,000 synapses; on spinnaker2-board48 one neuron can receive at most 8,393: /);
        expect(p.origin.path).toBe('/node/nodes/fc/weight');
        expect(await rules(spec(
            `    in: {type: Input, shape: [20000]}\n    fc: {type: Linear, weight: {shape: [10, 20000], ones: true}}\n    lif: {type: LIF, shape: [10], ${LIF}}`,
            '    - [in, fc]\n    - [fc, lif]',
        ), 'spinnaker1-board48')).not.toContainEqual(expect.objectContaining({ code: 'spinnaker2/fan-in' }));
    });

    it('reports bad hints and a neurons_per_core above the limit with a quick-fix value', async () => {
        const problems = await rules(spec(
            `    in: {type: Input, shape: [4], metadata: {spinnaker2: {neurons_per_core: 1000, colour: red}}}\n    fc: {type: Linear, weight: {shape: [4, 4], ones: true}}\n    lif: {type: LIF, shape: [4], ${LIF}, metadata: {spinnaker2: {chip: [1]}}}`,
            '    - [in, fc]\n    - [fc, lif]',
        ));
        expect(problems.filter((p) => p.code === 'spinnaker2/bad-hint').map((p) => [p.severity, p.at])).toEqual([
            ['warning', 'red'],
            ['error', '[1]'],
        ]);
        const [limit] = problems.filter((p) => p.code === 'spinnaker2/neurons-per-core');
        expect(limit.at).toBe('1000');
        expect(limit.data).toEqual({ fix: 'set-neurons-per-core', value: 256 });
    });

    it('stays silent without a target', async () => {
        const result = await createEngine().analyze({ kind: 'spec', text: spec(`    li: {type: LI, shape: [4], tau: 0.02, r: 1, v_leak: 0}`, '    []') }, { target: 'none' });
        expect(result.problems.filter((p) => p.code.startsWith('spinnaker2/'))).toEqual([]);
    });
});
