import type { RunResult, TraceChunk } from '../engine/src/index.js';
import type { RunSummaryWire, TraceChunkWire } from '../protocol/index.js';

/**
 * Engine run values to their wire form, at the edge of the two hosts (the server's `nirmesh/run`
 * and `nirmesh/traceChunk`; the CLI's `run --html`). Every field is named, so a new engine field
 * reaches the wire only when it is added here and in `protocol/run.ts`.
 */

/** A typed array as a plain JSON number array (float32 values as the double they equal). */
const plain = (values: ArrayLike<number>): number[] => Array.from(values);

/** The engine's run result as its wire summary, field by field (`chunks`: how many trace chunks the run kept). */
export function toRunSummaryWire(result: RunResult, chunks: number): RunSummaryWire {
    return {
        simulatorId: result.simulatorId,
        targetId: result.targetId,
        steps: result.steps,
        dtMs: result.dtMs,
        numerics: result.numerics,
        nodes: result.nodes.map(({ name, path, type, neurons, spikes }) => ({ name, path, type, neurons, spikes })),
        channels: result.channels.map(({ name, path, type, size, indices }) => ({ name, path, type, size, ...(indices ? { indices: [...indices] } : {}) })),
        synapticEvents: result.synapticEvents,
        packets: result.packets,
        droppedPackets: result.droppedPackets,
        routers: result.routers.map(({ x, y, packets, dropped, peakPerTick }) => ({ x, y, packets, dropped, peakPerTick })),
        links: result.links.map(({ x, y, link, packets, dropped, peakPerTick }) => ({ x, y, link, packets, dropped, peakPerTick })),
        pes: result.pes.map(({ x, y, pe, synapticEvents, peakPerTick }) => ({ x, y, pe, synapticEvents, peakPerTick })),
        ...(result.energy
            ? {
                  energy: {
                      joules: result.energy.joules,
                      model: result.energy.model,
                      terms: result.energy.terms.map(({ name, count, joulesEach, joules, setting }) => ({ name, count, joulesEach, joules, setting })),
                      placeholders: [...result.energy.placeholders],
                  },
              }
            : {}),
        setupS: result.setupS,
        simS: result.simS,
        ...(result.stopped ? { stopped: result.stopped } : {}),
        chunks,
    };
}

/** One trace chunk of the engine as its wire form. */
export function toTraceChunkWire(chunk: TraceChunk, runId: string, index: number): TraceChunkWire {
    return {
        runId,
        index,
        firstStep: chunk.firstStep,
        steps: chunk.steps,
        spikes: chunk.spikes.map((s) => ({ channel: s.channel, step: plain(s.step), neuron: plain(s.neuron) })),
        probes: chunk.probes.map((p) => ({ channel: p.channel, values: plain(p.values) })),
        ...(chunk.packets ? { packets: plain(chunk.packets) } : {}),
        ...(chunk.dropped ? { dropped: plain(chunk.dropped) } : {}),
        ...(chunk.synapticEvents ? { synapticEvents: plain(chunk.synapticEvents) } : {}),
    };
}
