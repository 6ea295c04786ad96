import type { Group } from 'h5wasm';
import type { Problem } from '../diagnostics/problem.js';
import type { Tensor } from '../nir/value.js';
import type { InputSpikes } from '../simulation/types.js';
import type { Hdf5Library } from './h5-module.js';
import { loadHdf5, withMemoryFile } from './h5-module.js';
import { openProblem } from './open-file.js';
import { readDatasetValue, type DecodeBudget } from './read-dataset.js';
import { MAX_FILE_DECODED_BYTES, MAX_GROUP_DEPTH } from './limits.js';
import { hdf5ErrorSummary, internalError, problemAt } from './problems.js';
import { readElementAsNumber } from '../nir/dtype-codec.js';

/** The spike observables of a NIRData file, and what was wrong with it. */
export interface NirSpikesRead {
    /** One entry per node with a `spikes` EventData observable; nested nodes are named `graph/node`. */
    readonly spikes: readonly InputSpikes[];
    readonly problems: readonly Problem[];
}

/**
 * Reads the spike trains of a NIRData file (NIR's `write_data` layout): every
 * `nodes/<node>/observables/spikes` group with `idx` and `time` datasets, as neuron indices and
 * times (in the file's time unit). The same size limits as the `.nir` reader apply; never throws.
 */
export async function readNirSpikes(bytes: Uint8Array): Promise<NirSpikesRead> {
    const refused = openProblem(bytes);
    if (refused) return { spikes: [], problems: [refused] };
    try {
        const library = await loadHdf5();
        return withMemoryFile(library, bytes, (name) => {
            let file;
            try {
                file = new library.h5.File(name, 'r');
            } catch (error) {
                return { spikes: [], problems: [problemAt('hdf5/unreadable-file', 'error', `HDF5 cannot open the file (truncated or corrupt?): ${hdf5ErrorSummary(error)}`, '/')] };
            }
            try {
                const spikes: InputSpikes[] = [];
                const problems: Problem[] = [];
                readGraph(library, file, '', '', { remainingBytes: MAX_FILE_DECODED_BYTES }, spikes, problems, 0);
                if (spikes.length === 0 && problems.length === 0) {
                    problems.push(problemAt('hdf5/bad-data', 'error', 'The file holds no spike trains (no nodes/<node>/observables/spikes with idx and time): is it a NIRData file?', '/'));
                }
                return { spikes, problems };
            } finally {
                file.close();
            }
        });
    } catch (error) {
        return { spikes: [], problems: [internalError(error)] };
    }
}

function readGraph(library: Hdf5Library, group: Group, prefix: string, path: string, budget: DecodeBudget, spikes: InputSpikes[], problems: Problem[], depth: number): void {
    const nodes = group.get('nodes');
    if (!(nodes instanceof library.h5.Group) || depth > MAX_GROUP_DEPTH) return;
    for (const name of nodes.keys()) {
        const node = nodes.get(name);
        if (!(node instanceof library.h5.Group)) continue;
        const nodePath = `${path}/nodes/${name}`;
        readGraph(library, node, `${prefix}${name}/`, nodePath, budget, spikes, problems, depth + 1);
        const observable = node.get('observables/spikes');
        if (!(observable instanceof library.h5.Group)) continue;
        const column = (dataset: string): Tensor | undefined => {
            const entity = observable.get(dataset);
            const at = `${nodePath}/observables/spikes/${dataset}`;
            if (!(entity instanceof library.h5.Dataset)) {
                problems.push(problemAt('hdf5/bad-data', 'error', `${at} is missing: spike EventData needs idx and time.`, at));
                return undefined;
            }
            const read = readDatasetValue(library, entity, { path: at }, budget);
            if (read.problem) problems.push(problemAt(read.problem.code, 'error', read.problem.message, at));
            else if (read.value.kind !== 'tensor' || read.value.shape.length !== 1 || read.value.source.kind !== 'dense') {
                problems.push(problemAt('hdf5/bad-data', 'error', `${at} must be a one-dimensional array of numbers.`, at));
            } else return read.value;
            return undefined;
        };
        const idx = column('idx');
        const time = column('time');
        if (!idx || !time) continue;
        if (idx.shape[0] !== time.shape[0]) {
            problems.push(problemAt('hdf5/bad-data', 'error', `${nodePath}/observables/spikes: idx has ${idx.shape[0]} entries and time ${time.shape[0]}.`, nodePath));
            continue;
        }
        const count = idx.shape[0];
        const values = (t: Tensor) => (t.source as { data: Parameters<typeof readElementAsNumber>[1] }).data;
        spikes.push({
            node: `${prefix}${name}`,
            idx: Int32Array.from({ length: count }, (_, k) => asIndex(readElementAsNumber(idx.dtype, values(idx), k))),
            time: Float64Array.from({ length: count }, (_, k) => readElementAsNumber(time.dtype, values(time), k)),
        });
    }
}

/** A neuron index as an int32; −1 (which the simulator refuses with a message) for anything else. */
function asIndex(value: number): number {
    return Number.isInteger(value) && value >= 0 && value < 2 ** 31 ? value : -1;
}
