import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine, resolveTarget, runChecks, type MappingResult } from '../../../engine/src/index.js';
import { analyseSpec } from '../machine/analysis-fixture.js';

const engine = createEngine();
const LIF = 'tau: 0.02, r: 1, v_leak: 0, v_threshold: 1, v_reset: 0';

/** A weight recipe for a `[out, in]` matrix. */
const weightOf = (kind: number, out: number, inputs: number, seed: number): string => {
    if (kind === 0) return `{shape: [${out}, ${inputs}], normal: {mean: 0, std: 1, seed: ${seed}}}`;
    if (kind === 1) return `{shape: [${out}, ${inputs}], fixed_probability: {p: 0.05, weight: 1, seed: ${seed}}}`;
    if (kind === 2) return `{shape: [${out}, ${inputs}], one_to_one: 1}`;
    // A small explicit matrix with a seeded sprinkling of zeros.
    const rows = Array.from({ length: out }, (_, i) => `[${Array.from({ length: inputs }, (_, j) => ((i * 7 + j * 3 + seed) % 5 === 0 ? 0 : 1)).join(', ')}]`);
    return `[${rows.join(', ')}]`;
};

/** A chain Input → (Linear → LIF) × layers, with optional recurrence on a layer. */
const networks = fc.record({
    input: fc.integer({ min: 1, max: 300 }),
    layers: fc.array(fc.record({ size: fc.integer({ min: 1, max: 3000 }), kind: fc.integer({ min: 0, max: 3 }), recurrent: fc.boolean() }), { minLength: 1, maxLength: 4 }),
    target: fc.constantFrom('spinnaker2-chip', 'spinnaker2-board48', 'spinnaker2-boards:3', 'spinnaker1-board48'),
}).map(({ input, layers, target }) => {
    const nodes = [`    in: {type: Input, shape: [${input}]}`];
    const edges: string[] = [];
    let previous = { name: 'in', size: input };
    layers.forEach((layer, i) => {
        const explicit = layer.kind === 3;
        const size = explicit ? Math.min(layer.size, 40) : layer.kind === 2 ? previous.size : layer.size;
        const inputs = explicit ? Math.min(previous.size, 40) : previous.size;
        nodes.push(`    w${i}: {type: Linear, weight: ${weightOf(layer.kind, size, inputs, i + 1)}}`, `    l${i}: {type: LIF, shape: [${size}], ${LIF}}`);
        edges.push(`    - [${previous.name}, w${i}]`, `    - [w${i}, l${i}]`);
        if (layer.recurrent && !explicit) {
            nodes.push(`    r${i}: {type: Linear, weight: {shape: [${size}, ${size}], fixed_probability: {p: 0.01, weight: -1, seed: ${i + 50}}}}`);
            edges.push(`    - [l${i}, r${i}]`, `    - [r${i}, l${i}]`);
        }
        previous = { name: `l${i}`, size };
    });
    return { target, text: `node:\n  type: NIRGraph\n  nodes:\n${nodes.join('\n')}\n  edges:\n${edges.join('\n')}\n` };
});

function slicesOf(mapping: MappingResult) {
    return mapping.nodes.flatMap((n) => n.pes.map((p) => ({ ...p, node: n })));
}

describe('greedy mapper invariants on random networks', () => {
    it('places every neuron exactly once, one slice per PE, with disjoint keys and verified tables', async () => {
        await fc.assert(
            fc.asyncProperty(networks, async ({ target: id, text }) => {
                const target = resolveTarget(engine.registry, id).target!;
                const analysis = await analyseSpec(text);
                const mapping = await engine.registry.mappers.get('greedy')!.map(analysis, target, undefined, { neuronModels: engine.registry.neuronModels });
                const limits = mapping.limits!;
                expect(mapping.problems).toEqual([]); // routing problems and failed verifications would show here

                // Neurons: each node's placed slices tile 0..neurons−1 in order when everything fits.
                for (const node of mapping.nodes) {
                    if ((node.pesNeeded ?? 0) > node.pes.length) continue;
                    let next = 0;
                    for (const slice of node.pes) {
                        expect(slice.first).toBe(next);
                        expect(slice.count).toBeGreaterThan(0);
                        expect(slice.count).toBeLessThanOrEqual(node.neuronsPerCore!);
                        next += slice.count;
                    }
                    expect(next).toBe(node.neurons);
                    if (node.neuronsPerCoreSource === 'sram-fit') expect(node.maxSramBytes).toBeLessThanOrEqual(limits.sramBytesPerPe);
                }

                // PEs: one slice each, inside the chip's application PEs.
                const slices = slicesOf(mapping);
                const pes = new Set(slices.map((s) => `${s.chip.join(',')}:${s.pe}`));
                expect(pes.size).toBe(slices.length);
                expect(slices.every((s) => s.pe >= 0 && s.pe < limits.pesPerChip)).toBe(true);
                expect(mapping.pesUsed).toBe(slices.length);

                // Keys: every sending slice's key range (key … key | ~mask) is disjoint from the others.
                const ranges = slices.filter((s) => s.key !== undefined).map((s) => [s.key!, s.key! + ((~s.mask! >>> 0) + 1)] as const).sort((a, b) => a[0] - b[0]);
                for (let i = 1; i < ranges.length; i++) expect(ranges[i][0]).toBeGreaterThanOrEqual(ranges[i - 1][1]);
                for (const s of slices) if (s.key !== undefined) expect(s.count).toBeLessThanOrEqual((~s.mask! >>> 0) + 1);

                // Tables: minimisation never grows a table; resource checks never throw.
                for (const chip of mapping.chips) expect(chip.routerEntries).toBeLessThanOrEqual(chip.routerEntriesUncompressed);
                const problems = runChecks(analysis, engine.registry, { categories: ['fast', 'slow'], target, mapping });
                expect(problems.filter((p) => p.code === 'engine/internal-error')).toEqual([]);
            }),
            { numRuns: 60, seed: 20261126 },
        );
    });
});
