/**
 * The `pynn` exporter: a PyNN script whose backend (NEURON with MPI, Brian2, NEST, sPyNNaker) is
 * chosen at run time.
 *
 * Invariants:
 * - It writes the network NIRmesh's simulator runs (the same synapse rows, biases and delays,
 *   exact numerics); it needs no target and no mapping.
 * - The NIR → PyNN parameter mapping lives in one place, `run.py` (`script.ts`), because it
 *   depends on the tick the run is given; the TypeScript side writes NIR values (times in ms).
 * - Connection files are sorted by post neuron, one file per column, so that each MPI rank
 *   memory-maps them and builds only the connections of its own neurons.
 * - Every way the PyNN network differs from NIR's semantics is a warning on its node
 *   (`export/approximation`) and a line of the README.
 */
import type { Exporter, ExportedFile, ExportRequest, ExportResult } from '../../plugins/exporter.js';
import type { Problem } from '../../diagnostics/problem.js';
import { writeNpy } from '../../nir/npy.js';
import { writeNirData, type NirGraphData, type NirNodeData } from '../../hdf5/write-data.js';
import { machineGraphOf } from '../../machine/lower.js';
import { pynnNetwork, type PynnNetwork, type PynnProjection } from './network.js';
import { runScript } from './script.js';
import { readme } from './readme.js';
import { networkApproximations } from './approximations.js';

/** The input file written beside the script when the export is given spikes (`export --input`). */
const INPUT_FILE = 'input.nirdata.h5';

export const PYNN_EXPORTER: Exporter = {
    id: 'pynn',
    title: 'PyNN script',
    description: 'run.py for PyNN (NEURON with MPI, Brian2, NEST, sPyNNaker) with connections as .npy, recording to NIRData, and a README',
    needsMapping: false,
    async export(request: ExportRequest): Promise<ExportResult> {
        const { network, problems } = pynnNetwork(request);
        if (!network) return { files: [], problems };
        const approximations = networkApproximations(request.analysis, network);
        const files: ExportedFile[] = [];
        const input = request.inputs?.length ? await inputFile(request, network, problems) : undefined;
        if (input) files.push({ path: INPUT_FILE, contents: input });
        const ctx = { sourceName: request.sourceName, steps: request.steps, dtMs: network.dtMs, defaultInput: input ? INPUT_FILE : undefined };
        const projections = network.projections.map((p, i) => projectionFiles(p, i, files));
        files.push(
            { path: 'run.py', contents: runScript(ctx) },
            { path: 'network.json', contents: networkJson(network, projections) },
            { path: 'README.md', contents: readme(network, ctx, approximations) },
        );
        return { files, problems: [...problems, ...approximations] };
    },
};

/** Writes one projection's columns as .npy files; returns their paths by column. */
function projectionFiles(p: PynnProjection, index: number, files: ExportedFile[]): Record<string, string> {
    const base = `connections/projection_${index}_${p.receptor}`;
    const columns: Record<string, string> = { pre: `${base}.pre.npy`, post: `${base}.post.npy`, weight: `${base}.weight.npy` };
    const n = p.preIndex.length;
    files.push(
        { path: columns.pre, contents: writeNpy({ dtype: 'int32', shape: [n], data: p.preIndex }) },
        { path: columns.post, contents: writeNpy({ dtype: 'int32', shape: [n], data: p.postIndex }) },
        { path: columns.weight, contents: writeNpy({ dtype: 'float64', shape: [n], data: p.weight }) },
    );
    if (p.extraDelayMs) {
        columns.extra_delay_ms = `${base}.extra_delay_ms.npy`;
        files.push({ path: columns.extra_delay_ms, contents: writeNpy({ dtype: 'float64', shape: [n], data: p.extraDelayMs }) });
    }
    return columns;
}

/** `network.json`: the populations (NIR parameters, times in ms) and the projections' files, in snake_case for Python. */
function networkJson(network: PynnNetwork, files: readonly Record<string, string>[]): string {
    return JSON.stringify({
        dt_ms: network.dtMs,
        ms_per_unit: network.msPerUnit,
        populations: network.populations.map((p) => ({
            name: p.name, nir_path: p.nirPath, type: p.type, size: p.size, params: p.params, bias: p.bias,
            model: p.model ? { synapse: p.model.synapse, leaky: p.model.leaky, spiking: p.model.spiking } : null,
        })),
        projections: network.projections.map((p, i) => ({
            pre: p.pre, post: p.post, via: p.via, receptor: p.receptor, synapses: p.preIndex.length, files: files[i],
        })),
    }, null, 1) + '\n';
}

/** The export's input spikes as a NIRData file for `run.py --input`'s default. */
async function inputFile(request: ExportRequest, network: PynnNetwork, problems: Problem[]): Promise<Uint8Array | undefined> {
    const graph = machineGraphOf(request.analysis);
    const root = new Map<string, NirNodeData | NirGraphData>();
    for (const given of request.inputs ?? []) {
        const pop = graph.populations.find((p) => p.isSource && (p.name === given.node || p.path === given.node));
        if (!pop) continue;
        const [leaf, ...graphs] = [...network.populations[pop.index].nirPath].reverse();
        let nodes = root;
        for (const name of graphs.reverse()) {
            const inner = nodes.get(name);
            const next = inner?.kind === 'graph' ? (inner.nodes as Map<string, NirNodeData | NirGraphData>) : new Map<string, NirNodeData | NirGraphData>();
            nodes.set(name, { kind: 'graph', nodes: next });
            nodes = next;
        }
        const spikes = { kind: 'event' as const, nNeurons: pop.size, tMax: (request.steps * network.dtMs) / network.msPerUnit, idx: BigInt64Array.from(given.idx, BigInt), time: given.time };
        nodes.set(leaf, { kind: 'node', observables: new Map([['spikes', spikes]]) });
    }
    const written = await writeNirData({ kind: 'graph', nodes: root });
    problems.push(...written.problems);
    return written.bytes;
}
