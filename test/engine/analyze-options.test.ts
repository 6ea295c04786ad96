import { describe, expect, it } from 'vitest';
import { createEngine, type AnalyzeOptions } from '../../engine/src/index.js';

const engine = createEngine();
const LIF = 'tau: 0.02, r: 1, v_leak: 0, v_threshold: 1';

/** A 1,000-neuron LIF population fed from an input, with optional metadata on the LIF node. */
const NETWORK = (lifMetadata = '') => `node:
  type: NIRGraph
  nodes:
    in: {type: Input, shape: [100]}
    fc: {type: Linear, weight: {shape: [1000, 100], ones: true}}
    lif: {type: LIF, shape: [1000], ${LIF}${lifMetadata}}
  edges:
    - [in, fc]
    - [fc, lif]
`;

async function lifPlacement(text: string, options: AnalyzeOptions = {}) {
    const result = await engine.analyze({ kind: 'spec', text }, { target: 'spinnaker2-board48', categories: ['fast', 'slow'], ...options });
    const lif = result.mapping?.nodes.find((n) => n.name === 'lif');
    if (!lif) throw new Error(`not mapped: ${result.problems.map((p) => p.message).join('; ')}`);
    return lif;
}

describe('AnalyzeOptions.neuronsPerCore', () => {
    it('sets the neurons per PE of a type, and so its PE count', async () => {
        const sized = await lifPlacement(NETWORK());
        const preset = await lifPlacement(NETWORK(), { neuronsPerCore: { LIF: 50 } });
        expect(sized.neuronsPerCoreSource).not.toBe('default');
        expect([preset.neuronsPerCore, preset.neuronsPerCoreSource, preset.pes.length]).toEqual([50, 'default', 20]);
        expect(sized.pes.length).toBeLessThan(20);
    });

    it('leaves other types alone and yields to a node\'s own neurons_per_core', async () => {
        const other = await lifPlacement(NETWORK(), { neuronsPerCore: { CubaLIF: 50 } });
        expect(other.neuronsPerCoreSource).not.toBe('default');
        const hinted = await lifPlacement(NETWORK(', metadata: {spinnaker2: {neurons_per_core: 125}}'), { neuronsPerCore: { LIF: 50 } });
        expect([hinted.neuronsPerCore, hinted.neuronsPerCoreSource, hinted.pes.length]).toEqual([125, 'hint', 8]);
    });

    it('caps a default above the PE\'s limit at the limit', async () => {
        const capped = await lifPlacement(NETWORK(), { neuronsPerCore: { LIF: 100_000 } });
        expect(capped.neuronsPerCoreSource).toBe('default');
        expect(capped.neuronsPerCore).toBeLessThanOrEqual(256);
        expect(capped.pes.length).toBe(Math.ceil(1000 / (capped.neuronsPerCore ?? 1)));
    });
});

describe('AnalyzeOptions.timeUnit', () => {
    /** A network with one Delay node, and `metadata.dt` when given. */
    const DELAYED = (delay: number, dt?: number) => `node:
  type: NIRGraph
  nodes:
    in: {type: Input, shape: [2]}
    d: {type: Delay, delay: ${delay}, shape: [2]}
    fc: {type: Linear, weight: {shape: [2, 2], ones: true}}
    lif: {type: LIF, shape: [2], ${LIF}}
  edges:
    - [in, d]
    - [d, fc]
    - [fc, lif]
${dt === undefined ? '' : `  metadata: {dt: ${dt}}\n`}`;

    async function delayProblems(text: string, timeUnit?: 's' | 'ms') {
        const result = await engine.analyze({ kind: 'spec', text }, { target: 'spinnaker2-board48', timeUnit });
        return result.problems.filter((p) => p.code === 'spinnaker2/delay-range');
    }

    it('reads Delay values in seconds by default, and in milliseconds with ms', async () => {
        // 0.01 at the target's 1 ms step: 10 steps, over the 7 the synapse word holds.
        const [inSeconds] = await delayProblems(DELAYED(0.01));
        expect(inSeconds.message).toMatch(/needs a delay of 11 steps \(the default 1-step synaptic delay plus Delay 'd' up to 0\.01 s at dt 0\.001 s = 10 steps\)/);
        // The same number as milliseconds is 0.01 ms: no step at all.
        expect(await delayProblems(DELAYED(0.01), 'ms')).toEqual([]);
        // 10 ms is 10 steps again, and says so.
        const [inMs] = await delayProblems(DELAYED(10), 'ms');
        expect(inMs.message).toMatch(/needs a delay of 11 steps \(the default 1-step synaptic delay plus Delay 'd' up to 10 ms at dt 1 ms = 10 steps\)/);
        expect(await delayProblems(DELAYED(10), 's')).toHaveLength(1);
    });

    it('reads the graph\'s metadata.dt in the same unit', async () => {
        // delay 5 at dt 1: 5 steps in either unit (6 with the synaptic delay), which fits.
        expect(await delayProblems(DELAYED(5, 1), 's')).toEqual([]);
        expect(await delayProblems(DELAYED(5, 1), 'ms')).toEqual([]);
        // delay 10 at dt 1 is 10 steps, too many, whichever the unit; the message shows dt in the document's unit.
        const [p] = await delayProblems(DELAYED(10, 1), 'ms');
        expect(p.message).toMatch(/up to 10 ms at dt 1 ms = 10 steps/);
    });

    it('takes the unit from the graph\'s metadata.time_unit when the document names one', async () => {
        const withUnit = (unit: string) => DELAYED(10).replace('  edges:', `  metadata: {time_unit: ${unit}}\n  edges:`);
        // 10 ms is 10 steps at the target's 1 ms step, whatever the caller asked for.
        const [p] = await delayProblems(withUnit('ms'), 's');
        expect(p.message).toMatch(/up to 10 ms at dt 1 ms = 10 steps/);
        // 10 s is 10,000 steps.
        const [q] = await delayProblems(withUnit('s'), 'ms');
        expect(q.message).toMatch(/Delay 'd' up to 10 s at dt 0\.001 s = 10,?000 steps/);
        // A unit NIRmesh does not know leaves the caller's choice.
        const [r] = await delayProblems(withUnit('us'), 'ms');
        expect(r.message).toMatch(/up to 10 ms at dt 1 ms/);
    });
});
