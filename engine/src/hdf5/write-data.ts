import type { Group } from 'h5wasm';
import type { Problem } from '../diagnostics/problem.js';
import { loadHdf5, withMemoryFile, type Hdf5Library } from './h5-module.js';
import { internalError, problemAt } from './problems.js';
import type { NirWriteResult } from './write-nir.js';

/** Values sampled on a regular time grid: `data[sample][step][neuron]`, `dt` apart. */
export interface TimeGriddedData {
    readonly kind: 'time-gridded';
    readonly dt: number;
    /** `[samples, steps, neurons]`. */
    readonly shape: readonly [number, number, number];
    readonly data: Float64Array | Float32Array;
}

/** Events (spikes): neuron `idx[k]` at time `time[k]`. */
export interface EventData {
    readonly kind: 'event';
    readonly nNeurons: number;
    readonly tMax: number;
    readonly idx: BigInt64Array;
    readonly time: Float64Array;
}

/** Events that carry a value each (`value[k]`). */
export interface ValuedEventData extends Omit<EventData, 'kind'> {
    readonly kind: 'valued-event';
    readonly value: Float64Array | Float32Array;
}

/** One observed quantity of a node (`spikes`, `v_mem`). */
export type NirObservable = TimeGriddedData | EventData | ValuedEventData;

/** What was observed of one node. */
export interface NirNodeData {
    readonly kind: 'node';
    readonly observables: ReadonlyMap<string, NirObservable>;
}

/** What was observed of a graph, by node name (nested graphs nest). */
export interface NirGraphData {
    readonly kind: 'graph';
    readonly nodes: ReadonlyMap<string, NirNodeData | NirGraphData>;
}

const TYPE_NAMES: Readonly<Record<NirObservable['kind'], string>> = {
    'time-gridded': 'TimeGriddedData', event: 'EventData', 'valued-event': 'ValuedEventData',
};

/**
 * Writes observed data as a NIRData file (the layout of NIR's `write_data`): `__type__`
 * attributes on groups, `nodes/<node>/observables/<name>/` with gzip datasets `data` or
 * `idx`/`time`(/`value`) and the attributes `dt`, `n_neurons`, `t_max`. NIR's `read_data` opens it.
 */
export async function writeNirData(data: NirGraphData): Promise<NirWriteResult> {
    try {
        const library = await loadHdf5();
        const problems: Problem[] = [];
        const bytes = withMemoryFile(library, undefined, (name) => {
            const file = new library.h5.File(name, 'w');
            try {
                writeGraph(library, file, data, '', problems);
            } finally {
                file.close();
            }
            return problems.length > 0 ? undefined : library.module.FS.readFile(name);
        });
        return { bytes, problems };
    } catch (error) {
        return { problems: [internalError(error)] };
    }
}

function writeGraph(library: Hdf5Library, group: Group, graph: NirGraphData, path: string, problems: Problem[]): void {
    group.create_attribute('__type__', 'NIRGraphData', null, 'S');
    const nodes = group.create_group('nodes');
    for (const [name, node] of graph.nodes) {
        const nodePath = `${path}/nodes/${name}`;
        if (name.length === 0 || name.includes('/') || name === '.') {
            problems.push(problemAt('hdf5/bad-name', 'error', `The node name '${name}' cannot be an HDF5 link name.`, nodePath));
            continue;
        }
        const child = nodes.create_group(name);
        if (node.kind === 'graph') {
            writeGraph(library, child, node, nodePath, problems);
            continue;
        }
        child.create_attribute('__type__', 'NIRNodeData', null, 'S');
        const observables = child.create_group('observables');
        for (const [observableName, observable] of node.observables) {
            const problem = writeObservable(observables, observableName, observable);
            if (problem) problems.push(problemAt('hdf5/bad-data', 'error', problem, `${nodePath}/observables/${observableName}`));
        }
    }
}

/** Writes one observable; returns why it could not be written. */
function writeObservable(parent: Group, name: string, observable: NirObservable): string | undefined {
    if (name.length === 0 || name.includes('/') || name === '.') return `The observable name '${name}' cannot be an HDF5 link name.`;
    const group = parent.create_group(name);
    group.create_attribute('__type__', TYPE_NAMES[observable.kind], null, 'S');
    if (observable.kind === 'time-gridded') {
        if (observable.shape.reduce((a, b) => a * b, 1) !== observable.data.length) return `${name}: the data holds ${observable.data.length} values, not shape [${observable.shape.join(', ')}].`;
        group.create_attribute('dt', Float64Array.of(observable.dt), [], '<d');
        writeArray(group, 'data', observable.data, [...observable.shape]);
        return undefined;
    }
    const count = observable.idx.length;
    if (observable.time.length !== count || (observable.kind === 'valued-event' && observable.value.length !== count)) {
        return `${name}: idx, time${observable.kind === 'valued-event' ? ' and value' : ''} must have the same length.`;
    }
    group.create_attribute('n_neurons', BigInt64Array.of(BigInt(observable.nNeurons)), [], '<q');
    group.create_attribute('t_max', Float64Array.of(observable.tMax), [], '<d');
    writeArray(group, 'idx', observable.idx, [count]);
    writeArray(group, 'time', observable.time, [count]);
    if (observable.kind === 'valued-event') writeArray(group, 'value', observable.value, [count]);
    return undefined;
}

function writeArray(group: Group, name: string, data: Float64Array | Float32Array | BigInt64Array, shape: number[]): void {
    const dtype = data instanceof BigInt64Array ? '<q' : data instanceof Float32Array ? '<f' : '<d';
    const compress = data.length > 0;
    group.create_dataset({ name, data, shape, dtype, ...(compress ? { chunks: shape, compression: 'gzip' as const, compression_opts: 4 } : {}) });
}
