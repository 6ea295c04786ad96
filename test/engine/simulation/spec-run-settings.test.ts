import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../engine/src/index.js';

const engine = createEngine();

/** Input → LIF, with the run settings in the root graph's metadata. */
function spec(run: string): string {
    return `node:
  type: NIRGraph
  nodes:
    input: {type: Input, shape: [20]}
    w: {type: Linear, weight: {shape: [5, 20], constant: 0.4}}
    lif: {type: LIF, shape: [5], tau: 0.01, r: 1, v_leak: 0, v_threshold: 1, v_reset: 0}
    out: {type: Output, shape: [5]}
  edges: [[input, w], [w, lif], [lif, out]]
  metadata: {dt: 0.001, nirmesh: {run: ${run}}}
`;
}

const inputSpikes = (result: Awaited<ReturnType<typeof engine.run>>['result']) => result?.nodes.find((n) => n.name === 'input')?.spikes ?? 0;

describe('a spec\'s own run settings (metadata.nirmesh.run)', () => {
    it('set steps, numerics, seed and Poisson inputs of a run that does not set them', async () => {
        const { result, problems } = await engine.run({ kind: 'spec', text: spec('{steps: 80, numerics: exact, seed: 5, poisson: {input: 250}}') }, { target: 'none' });
        expect(problems).toEqual([]);
        expect([result?.steps, result?.numerics]).toEqual([80, 'exact']);
        // 20 neurons at 250 Hz for 80 ms: about 400 spikes.
        expect(inputSpikes(result)).toBeGreaterThan(250);
        expect(inputSpikes(result)).toBeLessThan(550);
    });

    it('give way to the options a caller sets (command-line flags, editor settings)', async () => {
        const text = spec('{steps: 80, poisson: {input: 250}}');
        const { result } = await engine.run({ kind: 'spec', text }, { target: 'none', steps: 30, poisson: [] });
        expect(result?.steps).toBe(30);
        expect(inputSpikes(result)).toBe(0);
    });

    it('refuse a malformed setting at its place, and warn about an unknown one', async () => {
        const { result, problems } = await engine.run({ kind: 'spec', text: spec('{steps: -3, poisson: {input: fast}, step: 100}') }, { target: 'none' });
        expect(result).toBeUndefined();
        expect(problems.map((p) => [p.code, p.severity, p.message])).toEqual([
            ['simulation/bad-run-setting', 'error', "run setting 'steps' must be a whole number ≥ 1"],
            ['simulation/bad-run-setting', 'error', "the Poisson rate of 'input' must be a number of Hz ≥ 0"],
            ['simulation/bad-run-setting', 'warning', "unknown run setting 'step' (known: steps, numerics, seed, poisson)"],
        ]);
        expect(problems[0]!.origin.path).toMatch(/metadata\/nirmesh\/run\/steps$/);
    });
});
