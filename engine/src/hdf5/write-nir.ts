import type { Group } from 'h5wasm';
import type { NirDocument, NirNode } from '../nir/graph.js';
import type { NirDict, NirValue } from '../nir/value.js';
import type { Problem } from '../diagnostics/problem.js';
import { hasErrors } from '../diagnostics/problem.js';
import { loadHdf5, withMemoryFile, type Hdf5Library } from './h5-module.js';
import { writeStringDataset, writeTensorDataset, type WriteSettings } from './write-dataset.js';
import { hdf5ErrorSummary, internalError, problemAt } from './problems.js';
import { WRITE_LIBVER, restoreNativeDtypes } from './native-dtypes.js';

/** The version string written when the document has none: the NIR release this writer follows. */
export const DEFAULT_NIR_VERSION = '1.0.8';

/** Options for writing a `.nir` file. */
export interface NirWriteOptions {
    /** `gzip` (NIR's default since 2026, level `gzipLevel`) on every non-scalar array, or `none`. */
    readonly compression?: 'gzip' | 'none';
    /** The deflate level, 0–9; default 4 (h5py's). */
    readonly gzipLevel?: number;
}

/** The bytes of the written file (absent when an error prevented writing) and the problems found. */
export interface NirWriteResult {
    readonly bytes?: Uint8Array;
    readonly problems: readonly Problem[];
}

/** The members of a node group that are not parameters. */
const RESERVED = new Set(['type', 'nodes', 'edges', 'metadata']);

/**
 * Writes the NIR model as a `.nir` file laid out the way NIR's `nir.write` lays it out: `/version`,
 * `/node` with a `type` string dataset, parameter datasets (gzip on non-scalar arrays), nested
 * `nodes/`, `[E, 2]` string `edges` (an empty float64 `(0,)` dataset when there are none) and
 * `metadata/` only when non-empty. Generated tensors are materialised. Never throws.
 */
export async function writeNirFile(document: NirDocument, options: NirWriteOptions = {}): Promise<NirWriteResult> {
    try {
        return writeNirBytes(await loadHdf5(), document, options);
    } catch (error) {
        return { problems: [internalError(error, document.root.origin)] };
    }
}

/** `writeNirFile` once HDF5 is loaded (synchronous). Never throws. */
export function writeNirBytes(library: Hdf5Library, document: NirDocument, options: NirWriteOptions = {}): NirWriteResult {
    const problems: Problem[] = [];
    const settings: WriteSettings = { library, problems, gzipLevel: options.compression === 'none' ? undefined : options.gzipLevel ?? 4 };
    try {
        const bytes = withMemoryFile(library, undefined, (name) => {
            const file = new library.h5.File(name, 'w', { libver: WRITE_LIBVER });
            try {
                writeStringDataset(file, 'version', document.version ?? DEFAULT_NIR_VERSION);
                writeNode(settings, file.create_group('node'), document.root, 0);
            } finally {
                file.close();
            }
            if (hasErrors(problems)) return undefined;
            const written = library.module.FS.readFile(name);
            restoreNativeDtypes(written);
            return written;
        });
        return { bytes, problems };
    } catch (error) {
        return { problems: [...problems, internalError(error, document.root.origin)] };
    }
}

function writeNode(settings: WriteSettings, group: Group, node: NirNode, depth: number): void {
    if (storableString(settings, node.type, node.typeOrigin.path)) writeStringDataset(group, 'type', node.type);
    for (const [name, value] of node.params) {
        if (RESERVED.has(name)) {
            settings.problems.push(problemAt('hdf5/bad-name', 'error', `A parameter may not be called '${name}': NIR's layout uses that name for the node's structure.`, value.origin.path));
        } else if (validName(settings, name, value.origin.path)) {
            writeValue(settings, group, name, value, depth);
        }
    }
    if (node.nodes) {
        const children = group.create_group('nodes');
        for (const [name, child] of node.nodes) {
            if (validName(settings, name, child.origin.path)) {
                guarded(settings, child.origin.path, () => writeNode(settings, children.create_group(name), child, depth + 1));
            }
        }
    }
    if (node.nodes || node.edges) writeEdges(group, node);
    if (node.metadata.entries.size > 0) writeDict(settings, group.create_group('metadata'), node.metadata, depth + 1);
}

function writeEdges(group: Group, node: NirNode): void {
    const edges = node.edges ?? [];
    if (edges.length === 0) {
        group.create_dataset({ name: 'edges', data: new Float64Array(0), shape: [0], dtype: '<d' });
        return;
    }
    group.create_dataset({ name: 'edges', data: edges.flatMap((e) => [e.source, e.target]), shape: [edges.length, 2], dtype: 'S' });
}

function writeDict(settings: WriteSettings, group: Group, dict: NirDict, depth: number): void {
    for (const [name, value] of dict.entries) {
        if (validName(settings, name, value.origin.path)) writeValue(settings, group, name, value, depth);
    }
}

function writeValue(settings: WriteSettings, group: Group, name: string, value: NirValue, depth: number): void {
    guarded(settings, value.origin.path, () => {
        if (value.kind === 'string') {
            if (storableString(settings, value.value, value.origin.path)) writeStringDataset(group, name, value.value);
        } else if (value.kind === 'tensor') {
            writeTensorDataset(settings, group, name, value);
        } else {
            writeDict(settings, group.create_group(name), value, depth + 1);
        }
    });
}

/** Runs one element's writing; an HDF5 failure becomes one problem at its path instead of a raw error stack. */
function guarded(settings: WriteSettings, path: string, write: () => void): void {
    try {
        write();
    } catch (error) {
        settings.problems.push(problemAt('hdf5/write-failed', 'error', `${path} could not be written to the .nir file: ${hdf5ErrorSummary(error)}.`, path));
    }
}

/** Why a text cannot go into HDF5 unchanged (HDF5 strings and names are NUL-terminated UTF-8), or undefined. */
function unstorable(text: string): string | undefined {
    if (text.includes('\0')) return 'it contains a NUL character, where HDF5 would cut it off';
    if (/\p{Cs}/u.test(text)) return 'it is not valid Unicode (it holds a lone UTF-16 surrogate), so it has no UTF-8 form';
    return undefined;
}

/** False (with a problem naming the path) for a string value HDF5 would store altered. */
function storableString(settings: WriteSettings, value: string, path: string): boolean {
    const why = unstorable(value);
    if (why === undefined) return true;
    settings.problems.push(problemAt('hdf5/unstorable-string', 'error', `The string at ${path} cannot be stored in a .nir file: ${why}.`, path));
    return false;
}

/** HDF5 link names may not be empty or `.`, and contain neither `/` nor NUL; they must be valid Unicode. */
function validName(settings: WriteSettings, name: string, path: string): boolean {
    const why = name.length === 0 ? 'it is empty' : name === '.' ? "'.' names the group itself"
        : name.includes('/') ? "it contains '/', HDF5's path separator" : unstorable(name);
    if (why === undefined) return true;
    const shown = JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name);
    settings.problems.push(problemAt('hdf5/bad-name', 'error', `The name ${shown} cannot be an HDF5 link name: ${why}.`, path));
    return false;
}
