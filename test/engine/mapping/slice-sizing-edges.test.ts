import { describe, expect, it } from 'vitest';
import { createEngine, resolveTarget, withSettingOverrides, type HardwareTarget } from '../../../engine/src/index.js';

/**
 * Slice sizing at the exact-fit edge: with the SRAM window set to exactly what a slice of k neurons
 * needs, the sizer picks at least k neurons per PE, and one byte less makes it pick fewer. Run for
 * explicit weights (sized by bisection) and for a generator (sized by the downward scan).
 */

const engine = createEngine();

/** A seeded pseudo-random matrix, written as an explicit nested list. */
function explicitWeights(rows: number, cols: number): string {
    let state = 12345;
    const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    const data = Array.from({ length: rows }, () => `[${Array.from({ length: cols }, () => (next() < 0.3 ? (next() - 0.5).toFixed(3) : '0')).join(', ')}]`);
    return `[${data.join(', ')}]`;
}

const spec = (weight: string, hint = '') => `node:
  type: NIRGraph
  nodes:
    input: {type: Input, shape: [48]}
    fc: {type: Linear, weight: ${weight}}
    lif: {type: LIF, shape: [40], tau: 0.02, r: 1, v_leak: 0, v_threshold: 1, v_reset: 0${hint}}
    output: {type: Output, shape: [40]}
  edges: [[input, fc], [fc, lif], [lif, output]]
`;

function targetWithWindow(bytes?: number): HardwareTarget {
    const base = resolveTarget(engine.registry, 'spinnaker2-chip').target as HardwareTarget;
    if (bytes === undefined) return base;
    const overridden = withSettingOverrides(base, { sram_data_window_bytes: bytes });
    if ('error' in overridden) throw new Error(overridden.error);
    return overridden;
}

async function lifSizing(text: string, window?: number) {
    const result = await engine.analyze({ kind: 'spec', text }, { target: targetWithWindow(window), categories: ['fast', 'slow'] });
    const node = result.mapping?.nodes.find((n) => n.name === 'lif');
    if (!node) throw new Error(`no mapping: ${result.problems.map((p) => p.message).join('; ')}`);
    return { n: node.neuronsPerCore ?? 0, source: node.neuronsPerCoreSource, sram: node.maxSramBytes ?? 0 };
}

describe.each([
    ['explicit weights (bisection)', explicitWeights(40, 48)],
    ['a generator (downward scan)', '{shape: [40, 48], uniform: {low: -0.5, high: 0.5, seed: 3}}'],
])('slice sizing with %s', (_name, weight) => {
    it.each([2, 3, 7, 13, 22])('fits %i neurons per PE when the window is exactly their need, and fewer with one byte less', async (k) => {
        const need = (await lifSizing(spec(weight, `, metadata: {spinnaker2: {neurons_per_core: ${k}}}`))).sram;
        const exact = await lifSizing(spec(weight), need);
        expect(exact.source).toBe('sram-fit');
        expect(exact.n).toBeGreaterThanOrEqual(k);
        expect(exact.sram).toBeLessThanOrEqual(need);
        const short = await lifSizing(spec(weight), need - 1);
        expect(short.n).toBeLessThan(k);
        expect(short.n).toBeGreaterThan(0);
        expect(short.sram).toBeLessThanOrEqual(need - 1);
    });
});
