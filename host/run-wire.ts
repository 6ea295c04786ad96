import type { RunResult, TraceChunk } from '../engine/src/index.js';
import type { RunSummaryWire, TraceViewChunk } from '../protocol/index.js';

/**
 * Engine run values to their wire form, at the edge of the hosts (the CLI's `run --html`; the
 * server's `nirmesh/run`). Every field is named, so a new engine field reaches the wire only when
 * it is added here and in `protocol/run.ts`; typed arrays become plain number arrays.
 */
export function toRunSummaryWire(result: RunResult, chunks: number): RunSummaryWire {
    const r = result;
    return {
        simulatorId: r.simulatorId, targetId: r.targetId, steps: r.steps, dtMs: r.dtMs, numerics: r.numerics,
        nodes: r.nodes.map((n) => ({ name: n.name, path: n.path, type: n.type, neurons: n.neurons, spikes: n.spikes })),
        channels: r.channels.map((c) => ({ name: c.name, path: c.path, type: c.type, size: c.size, ...(c.indices ? { indices: [...c.indices] } : {}) })),
        synapticEvents: r.synapticEvents, packets: r.packets, droppedPackets: r.droppedPackets,
        routers: r.routers.map(trafficWire), links: r.links.map(trafficWire),
        pes: r.pes.map((p) => ({ x: p.x, y: p.y, pe: p.pe, synapticEvents: p.synapticEvents, peakPerTick: p.peakPerTick })),
        ...(r.energy ? {
            energy: {
                joules: r.energy.joules, model: r.energy.model, placeholders: [...r.energy.placeholders],
                terms: r.energy.terms.map((t) => ({ name: t.name, count: t.count, joulesEach: t.joulesEach, joules: t.joules, setting: t.setting })),
            },
        } : {}),
        setupS: r.setupS, simS: r.simS,
        ...(r.stopped ? { stopped: r.stopped } : {}),
        chunks,
    };
}

function trafficWire(t: RunResult['links'][number]): RunSummaryWire['links'][number] {
    return { x: t.x, y: t.y, ...(t.link === undefined ? {} : { link: t.link }), packets: t.packets, dropped: t.dropped, peakPerTick: t.peakPerTick };
}

/** One chunk of a trace as plain JSON. */
export function toTraceChunkWire(chunk: TraceChunk): TraceViewChunk {
    return {
        firstStep: chunk.firstStep,
        steps: chunk.steps,
        spikes: chunk.spikes.map((s) => ({ channel: s.channel, step: Array.from(s.step), neuron: Array.from(s.neuron) })),
        probes: chunk.probes.map((p) => ({ channel: p.channel, values: Array.from(p.values) })),
        ...(chunk.packets ? { packets: Array.from(chunk.packets) } : {}),
        ...(chunk.dropped ? { dropped: Array.from(chunk.dropped) } : {}),
        ...(chunk.synapticEvents ? { synapticEvents: Array.from(chunk.synapticEvents) } : {}),
    };
}
