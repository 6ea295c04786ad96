import { describe, expect, it } from 'vitest';
import { BUILTIN_PLUGINS, createEngine, type EnginePlugin, type NeuronModel } from '../../../engine/src/index.js';

/**
 * A Conv2d with a 2-step delay hint into an IF layer. The built-in IF model has a conv variant
 * (`lif_conv2d`), whose Conv2DProjection takes no delay, so the check refuses the hint. A plugin
 * IF model without a conv variant turns the convolution into a connection list on its delayed
 * variant: ±15 levels and a 2-step delay, which the run must use too.
 */
const CONV = `node:
  type: NIRGraph
  nodes:
    in: {type: Input, shape: [1, 3, 3]}
    conv: {type: Conv2d, weight: [[[[1, 0.12], [0.6, 0.35]]]], bias: 0, stride: 1, padding: 0, dilation: 1, groups: 1, input_shape: [3, 3], metadata: {spinnaker2: {delay: 2}}}
    if1: {type: IF, shape: [1, 2, 2], r: 1000, v_threshold: 100}
  edges: [[in, conv], [conv, if1]]
`;

const PLUGIN_IF: NeuronModel = { id: 'IF', bytesPerNeuron: 28, maxNeuronsPerCore: 256, machineModel: 'if_plugin_no_delay', delayedMachineModel: 'if_plugin_delayed' };

/** The built-in plugins with the IF model replaced by `PLUGIN_IF`. */
const plugins: EnginePlugin[] = BUILTIN_PLUGINS.map((p) => p.neuronModels ? { ...p, neuronModels: p.neuronModels.map((m) => m.id === 'IF' ? PLUGIN_IF : m) } : p);

/** One spike of the centre pixel in step 1; `v` of if1 (r·dt = 1 per unit of input) every step. */
const centre = { node: 'in', idx: Int32Array.of(4), time: Float64Array.of(0.001) };

async function probed(engine: ReturnType<typeof createEngine>, numerics: 'exact' | 'hardware') {
    const probes: number[][] = [];
    const run = await engine.run({ kind: 'spec', text: CONV }, {
        target: 'spinnaker2-chip', steps: 5, numerics, inputs: [centre], probes: [{ node: 'if1' }],
        onChunk: (chunk) => {
            const values = chunk.probes[0]?.values ?? new Float32Array();
            for (let t = 0; t < chunk.steps; t++) probes.push(Array.from(values.subarray(t * 4, t * 4 + 4)));
        },
    });
    return { ...run, probes };
}

describe('the simulator plans synapses with the registry\'s neuron models', () => {
    it('the built-in IF runs convolutions on lif_conv2d, which refuses the delay', async () => {
        const { result, problems } = await probed(createEngine(), 'hardware');
        expect(result).toBeUndefined();
        expect(problems.map((p) => p.code)).toContain('spinnaker2/delay-range');
    });

    it('a plugin IF without a conv variant runs the convolution on its delayed model: ±15 levels, 2 steps', async () => {
        const engine = createEngine({ withoutBuiltins: true, plugins });
        const hardware = await probed(engine, 'hardware');
        expect(hardware.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(hardware.mapping?.nodes.find((n) => n.name === 'if1')?.model).toBe('if_plugin_delayed');
        // The centre pixel meets every kernel tap: outputs (0,0), (0,1), (1,0), (1,1) get w[1][1], w[1][0], w[0][1], w[0][0].
        expect(hardware.probes.findIndex((row) => row.some((x) => x !== 0))).toBe(3);
        expect(hardware.probes[3]).toEqual([5 / 15, 9 / 15, 2 / 15, 1].map((x) => expect.closeTo(x, 6)));
        const exact = await probed(engine, 'exact');
        expect(exact.probes.findIndex((row) => row.some((x) => x !== 0))).toBe(2);
        expect(exact.probes[2]).toEqual([0.35, 0.6, 0.12, 1].map((x) => expect.closeTo(x, 6)));
    });
});
