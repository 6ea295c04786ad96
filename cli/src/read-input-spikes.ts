import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { InputSpikes } from '../../engine/src/index.js';
import { readNirSpikes } from '../../engine/src/index.js';
import { MAX_INPUT_BYTES } from '../../host/file-resolver.js';
import { UsageError } from './cli-context.js';

/** Reads the spike trains of a NIRData file for `run --input`; unreadable or malformed files are usage errors. */
export async function readInputSpikes(path: string, cwd: string): Promise<InputSpikes[]> {
    let bytes: Uint8Array;
    try {
        bytes = readFileSync(resolve(cwd, path));
    } catch (error) {
        throw new UsageError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    if (bytes.length > MAX_INPUT_BYTES) throw new UsageError(`${path}: ${bytes.length} bytes is more than the ${MAX_INPUT_BYTES} an input may have`);
    const read = await readNirSpikes(bytes);
    const errors = read.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new UsageError(`${path}: ${errors.map((p) => `${p.message} [${p.origin.path}]`).join('; ')}`);
    return [...read.spikes];
}
