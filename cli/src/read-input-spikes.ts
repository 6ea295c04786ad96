import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_INPUT_BYTES } from '../../host/file-resolver.js';
import { loadHdf5, readNirDataset, type InputSpikes } from '../../engine/src/index.js';
import { UsageError } from './cli-context.js';

/**
 * The spikes of a NIRData file (a run's `--input`) for the named Input nodes: the EventData
 * `nodes/<node>/observables/spikes/{idx,time}` of each node the file has (a nested node's path
 * segments are nested `nodes/` groups). Throws `UsageError` for an unreadable file or bad data.
 */
export async function readInputSpikes(path: string, cwd: string, nodes: readonly string[]): Promise<InputSpikes[]> {
    let bytes: Uint8Array;
    try {
        bytes = new Uint8Array(readFileSync(resolve(cwd, path)));
    } catch (error) {
        throw new UsageError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    if (bytes.length > MAX_INPUT_BYTES) throw new UsageError(`${path}: ${bytes.length} bytes is more than the ${MAX_INPUT_BYTES}-byte limit`);
    await loadHdf5();
    const spikes: InputSpikes[] = [];
    for (const node of nodes) {
        const group = `/nodes/${node.split('/').join('/nodes/')}/observables/spikes`;
        const idx = readNirDataset(bytes, `${group}/idx`);
        const time = readNirDataset(bytes, `${group}/time`);
        if ('error' in idx || 'error' in time) continue;
        if (idx.data.length !== time.data.length) throw new UsageError(`${path}: ${group} has ${idx.data.length} idx but ${time.data.length} time values`);
        spikes.push({
            node,
            idx: Int32Array.from(idx.data as ArrayLike<number | bigint>, Number),
            time: Float64Array.from(time.data as ArrayLike<number | bigint>, Number),
        });
    }
    return spikes;
}
