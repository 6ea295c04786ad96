import type { NirGraphData, NirNodeData, NirObservable, RunResult, TraceChunk } from '../engine/src/index.js';

/**
 * Collects the chunks of a run's trace for NIRData (`run --out`; the server's `nirmesh/saveTrace`):
 * spikes per channel as event columns, probed values as a [1, steps, neurons] grid. Chunks arrive
 * in order.
 */
export class TraceCollector {
    private readonly spikes = new Map<number, { step: Int32Array[]; neuron: Int32Array[] }>();
    private readonly probes = new Map<number, Float32Array[]>();

    readonly onChunk = (chunk: TraceChunk): void => {
        for (const s of chunk.spikes) {
            let columns = this.spikes.get(s.channel);
            if (!columns) this.spikes.set(s.channel, (columns = { step: [], neuron: [] }));
            columns.step.push(s.step);
            columns.neuron.push(s.neuron);
        }
        for (const p of chunk.probes) {
            let values = this.probes.get(p.channel);
            if (!values) this.probes.set(p.channel, (values = []));
            values.push(p.values);
        }
    };

    /**
     * The recorded trace as NIRData: `spikes` EventData (times in the document's time unit,
     * `tick` long each step) and `v` TimeGriddedData per probe, nested graphs nesting as their
     * NIR paths do.
     */
    toNirData(result: Pick<RunResult, 'channels' | 'steps'>, tick: number): NirGraphData {
        const root = new Map<string, NirNodeData | NirGraphData>();
        const observablesOf = (path: string): Map<string, NirObservable> => {
            const names = path.replace(/^\/node\//, '').split('/').filter((_, i) => i % 2 === 1);
            let graph = root;
            for (const name of names.slice(0, -1)) {
                let child = graph.get(name);
                if (!child || child.kind !== 'graph') graph.set(name, (child = { kind: 'graph', nodes: new Map() }));
                graph = child.nodes as Map<string, NirNodeData | NirGraphData>;
            }
            const leaf = names[names.length - 1];
            let node = graph.get(leaf);
            if (!node || node.kind !== 'node') graph.set(leaf, (node = { kind: 'node', observables: new Map() }));
            return node.observables as Map<string, NirObservable>;
        };
        result.channels.forEach((channel, index) => {
            if (channel.indices) {
                const values = concat(this.probes.get(index) ?? [], Float32Array);
                const observables = observablesOf(channel.path);
                observables.set(observables.has('v') ? `v_${index}` : 'v', {
                    kind: 'time-gridded', dt: tick, shape: [1, result.steps, channel.size], data: values.subarray(0, result.steps * channel.size),
                });
                return;
            }
            const columns = this.spikes.get(index) ?? { step: [], neuron: [] };
            const steps = concat(columns.step, Int32Array);
            const neurons = concat(columns.neuron, Int32Array);
            observablesOf(channel.path).set('spikes', {
                kind: 'event', nNeurons: channel.size, tMax: result.steps * tick,
                idx: BigInt64Array.from(neurons, (n) => BigInt(n)), time: Float64Array.from(steps, (s) => s * tick),
            });
        });
        return { kind: 'graph', nodes: root };
    }
}

function concat<T extends Int32Array | Float32Array>(parts: readonly T[], make: new (n: number) => T): T {
    const out = new make(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
        out.set(p as never, at);
        at += p.length;
    }
    return out;
}
