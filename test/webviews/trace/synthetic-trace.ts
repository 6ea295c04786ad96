import type { TraceViewChunk, TraceViewRun } from '../../../protocol/index.js';

/** A run summary with the given populations (name, size) and no machine, for tests of the view alone. */
export function syntheticRun(populations: readonly (readonly [string, number])[], steps: number, chunkSteps: number): TraceViewRun {
    return {
        source: 'synthetic.nir.yaml',
        simulatorId: 'builtin',
        targetId: 'none',
        steps,
        dtMs: 1,
        numerics: 'exact',
        channels: populations.map(([name, size]) => ({ name, path: `/node/nodes/${name}`, type: 'LIF', size })),
        nodes: populations.map(([name, neurons]) => ({ name, path: `/node/nodes/${name}`, type: 'LIF', neurons, spikes: 0 })),
        synapticEvents: 0,
        packets: 0,
        droppedPackets: 0,
        routers: [],
        links: [],
        pes: [],
        setupS: 0,
        simS: 0,
        chunks: Math.ceil(steps / chunkSteps),
    };
}

/** Chunks in which neuron `n` of every population spikes at every tick `t` with `(t + n) % period === 0`. */
export function periodicChunks(run: TraceViewRun, chunkSteps: number, period: number): TraceViewChunk[] {
    const chunks: TraceViewChunk[] = [];
    for (let first = 0; first < run.steps; first += chunkSteps) {
        const steps = Math.min(chunkSteps, run.steps - first);
        const spikes = run.channels.map((channel, index) => {
            const step: number[] = [];
            const neuron: number[] = [];
            for (let t = first; t < first + steps; t++) {
                for (let n = 0; n < channel.size; n++) {
                    if ((t + n) % period === 0) {
                        step.push(t);
                        neuron.push(n);
                    }
                }
            }
            return { channel: index, step, neuron };
        });
        chunks.push({ firstStep: first, steps, spikes, probes: [] });
    }
    return chunks;
}
