import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createEngine, type TraceChunk } from '../../../engine/src/index.js';

const engine = createEngine();

/** Two input neurons drive two LIF neurons one to one; the weight makes each input spike a post spike. */
const CHAIN = `node:
  type: NIRGraph
  nodes:
    in: {type: Input, shape: [2]}
    w: {type: Linear, weight: [[3, 0], [0, 3]]}
    lif: {type: LIF, shape: [2], tau: 0.001, r: 1, v_leak: 0, v_threshold: 1, v_reset: 0}
    out: {type: Output, shape: [2]}
  edges: [[in, w], [w, lif], [lif, out]]
`;

const spikes = { node: 'in', idx: Int32Array.of(0, 1, 0), time: Float64Array.of(0.002, 0.005, 0.0071) };

describe('Engine.run', () => {
    for (const target of ['none', 'spinnaker2-chip']) {
        it(`delivers each input spike one tick later to its post neuron (--target ${target})`, async () => {
            const chunks: TraceChunk[] = [];
            const { result, problems } = await engine.run({ kind: 'spec', text: CHAIN }, { target, steps: 10, inputs: [spikes], onChunk: (c) => chunks.push(c) });
            expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
            expect(result?.targetId).toBe(target);
            const lif = result!.channels.findIndex((c) => c.name === 'lif');
            const column = chunks[0].spikes.find((s) => s.channel === lif)!;
            expect([...column.step]).toEqual([3, 6, 8]);
            expect([...column.neuron]).toEqual([0, 1, 0]);
            expect(result!.nodes.find((n) => n.name === 'lif')?.spikes).toBe(3);
            expect(result!.synapticEvents).toBe(3);
            if (target !== 'none') {
                expect(result!.packets).toBe(3);
                expect(result!.droppedPackets).toBe(0);
                expect(result!.routers.length).toBeGreaterThan(0);
                expect(result!.energy?.joules).toBeGreaterThan(0);
            }
        });
    }

    it('runs the feed-forward example on the default board', async () => {
        const text = readFileSync('examples/ff-lif-classifier.nir.yaml', 'utf8');
        const { result, problems } = await engine.run({ kind: 'spec', text }, { steps: 100, poisson: [{ node: 'input', rateHz: 200 }], seed: 3 });
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(result!.nodes.find((n) => n.name === 'lif1')!.spikes).toBeGreaterThan(0);
        expect(result!.packets).toBeGreaterThan(0);
    });

    it('stops at a tick boundary when cancelled and still hands over what it recorded', async () => {
        const token = { isCancellationRequested: false };
        const chunks: TraceChunk[] = [];
        const { result } = await engine.run({ kind: 'spec', text: CHAIN }, {
            target: 'none', steps: 10_000, chunkSteps: 64, inputs: [spikes], token,
            onProgress: (done) => void (token.isCancellationRequested = done >= 100),
            onChunk: (c) => chunks.push(c),
        });
        expect(result?.stopped).toBe('cancelled');
        expect(result!.steps).toBe(150);
        expect(chunks.reduce((n, c) => n + c.steps, 0)).toBe(150);
        expect(result!.nodes.find((n) => n.name === 'lif')?.spikes).toBe(3);
    });
});
