import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../engine/src/index.js';

const engine = createEngine();

/**
 * Two projections into one LIF population: a strong one (|w| = 100) and a weak one (0.3). On the
 * machine every projection into a population shares one scale, 127 / 100 (s2_nir.py
 * get_max_abs_weight with scale_weights), so the weak weight rounds to level 0; a scale per layer
 * would have kept it.
 */
const SHARED = `node:
  type: NIRGraph
  nodes:
    strong_in: {type: Input, shape: [1]}
    weak_in: {type: Input, shape: [1]}
    strong: {type: Linear, weight: [[100]]}
    weak: {type: Linear, weight: [[0.3]]}
    lif: {type: LIF, shape: [1], tau: 0.001, r: 1, v_leak: 0, v_threshold: 0.1, v_reset: 0}
    out: {type: Output, shape: [1]}
  edges: [[strong_in, strong], [strong, lif], [weak_in, weak], [weak, lif], [lif, out]]
`;

const weakSpikes = { node: 'weak_in', idx: Int32Array.of(0, 0, 0), time: Float64Array.of(0.002, 0.005, 0.008) };

async function lifSpikes(numerics: 'exact' | 'hardware'): Promise<number> {
    const { result, problems } = await engine.run({ kind: 'spec', text: SHARED }, { target: 'spinnaker2-chip', steps: 12, numerics, inputs: [weakSpikes] });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    return result!.nodes.find((n) => n.name === 'lif')!.spikes;
}

describe('hardware numerics store weights on the synapse plan grid', () => {
    it('rounds a weak projection to zero when a strong one into the same population sets the scale', async () => {
        expect(await lifSpikes('exact')).toBe(3);
        expect(await lifSpikes('hardware')).toBe(0);
    });

    it('says the same in the weight-quantisation check: the weak layer loses its weights', async () => {
        const { problems } = await engine.analyze({ kind: 'spec', text: SHARED }, { target: 'spinnaker2-chip', categories: ['fast', 'slow'] });
        const weak = problems.find((p) => p.code === 'spinnaker2/weight-quantisation' && p.origin.path.includes('/weak'));
        expect(weak?.message).toMatch(/100(\.0)?\s?%|all|every|lost/i);
    });
});
