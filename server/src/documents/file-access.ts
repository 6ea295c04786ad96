import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import type { FileResolver } from '../../../engine/src/index.js';
import { siblingResolver } from '../../../host/file-resolver.js';
import type { NirInput } from './document-input.js';

/** The largest `.nir` file the server reads into memory; larger ones get a diagnostic instead. */
export const MAX_NIR_BYTES = 256 * 1024 * 1024;

/** The file-system path of a `file:` URI, or undefined for other schemes (untitled, virtual). */
export function filePathOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
        return fileURLToPath(uri);
    } catch {
        return undefined;
    }
}

/** Reads a `.nir` file named by URI. Never throws: a failure is kept as `readError`, to be reported. */
export async function readNirInput(uri: string, version: number): Promise<NirInput> {
    const path = filePathOf(uri);
    if (!path) return { format: 'nir', uri, version, readError: `${uri} is not a file on disk` };
    try {
        const info = await stat(path);
        if (!info.isFile()) return { format: 'nir', uri, version, readError: `${path} is not a file` };
        if (info.size > MAX_NIR_BYTES) {
            return { format: 'nir', uri, version, readError: `${path} has ${info.size} bytes, more than the ${MAX_NIR_BYTES}-byte limit` };
        }
        return { format: 'nir', uri, version, bytes: new Uint8Array(await readFile(path)) };
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
        return { format: 'nir', uri, version, readError: `cannot read ${path} (${code})` };
    }
}

/**
 * The resolver for a spec's `{file: …}` references: files inside the spec's own folder tree, read
 * the same way the command line reads them. Undefined for documents that are not on disk.
 */
export function specFileResolver(uri: string): FileResolver | undefined {
    const path = filePathOf(uri);
    return path ? siblingResolver(dirname(path)) : undefined;
}
