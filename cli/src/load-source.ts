import { dirname, resolve } from 'node:path';
import { siblingResolver } from '../../host/file-resolver.js';
import { readRegularFile } from '../../host/read-file.js';
import { registerShippedHdf5Plugins } from '../../host/hdf5-plugins.js';
import { decodeSpecBytes, type SourceInput } from '../../engine/src/index.js';
import { UsageError } from './cli-context.js';

/** The two file formats, by extension: `.nir` (HDF5) and `*.nir.yaml` / `.yaml` / `.yml` (spec text). */
export type SourceFormat = 'nir' | 'spec';

/** The format of a path by its extension, or undefined when it is neither. */
export function formatOf(path: string): SourceFormat | undefined {
    const lower = path.toLowerCase();
    if (lower.endsWith('.nir') || lower.endsWith('.h5') || lower.endsWith('.hdf5')) return 'nir';
    if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'spec';
    return undefined;
}

/** A loaded input file: its text (for spec files, to compute positions) and the engine input. */
export interface SourceFile {
    readonly path: string;
    readonly format: SourceFormat;
    readonly text?: string;
    readonly input: SourceInput;
}

/**
 * Reads a file for the engine. Spec files get a resolver for `{file: …}` references that only
 * reaches files inside the spec's folder tree. Throws `UsageError` naming the file and the reason
 * for files it does not read (missing, unreadable, not a regular file, over the size limit).
 */
export function loadSourceFile(path: string, cwd: string, lenient = false): SourceFile {
    const absolute = resolve(cwd, path);
    const format = formatOf(path);
    if (!format) throw new UsageError(`${path}: unknown file type (expected .nir or .nir.yaml)`);
    const read = readRegularFile(absolute);
    if ('error' in read) throw new UsageError(`${path}: ${read.error}`);
    const { bytes } = read;
    registerShippedHdf5Plugins();
    if (format === 'nir') return { path, format, input: { kind: 'nir', bytes, lenient } };
    const { text, problems } = decodeSpecBytes(bytes);
    return { path, format, text, input: { kind: 'spec', text, resolveFile: siblingResolver(dirname(absolute)), decodeProblems: problems } };
}

/** Loads every file it can; an unreadable one is reported (`nirmesh: …`) and the others still checked. */
export function loadSourceFiles(paths: readonly string[], cwd: string, lenient: boolean, stderr: (text: string) => void): { files: SourceFile[]; unreadable: number } {
    const files: SourceFile[] = [];
    let unreadable = 0;
    for (const path of paths) {
        try {
            files.push(loadSourceFile(path, cwd, lenient));
        } catch (error) {
            if (!(error instanceof UsageError)) throw error;
            stderr(`nirmesh: ${error.message}\n`);
            unreadable++;
        }
    }
    return { files, unreadable };
}
