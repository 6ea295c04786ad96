import { createHash } from 'node:crypto';
import type { NirNode, NirValue } from '../../../engine/src/index.js';

/**
 * Graph contents in a form both the engine's model and a corpus-style JSON dump (h5py's view of a
 * file) reduce to: types, parameters as `{dtype, shape, sha256}` of their little-endian bytes,
 * booleans as lists, strings, metadata groups, nested nodes, and edges as sorted `a -> b` strings.
 */
export type Comparable = Record<string, unknown>;

/** The comparable form of a model node. */
export function nodeComparable(node: NirNode): Comparable {
    return {
        type: node.type,
        params: valuesOf(node.params),
        metadata: valuesOf(node.metadata.entries),
        nodes: node.nodes ? Object.fromEntries([...node.nodes].map(([k, v]) => [k, nodeComparable(v)])) : undefined,
        edges: node.edges ? node.edges.map((e) => `${e.source} -> ${e.target}`).sort() : undefined,
    };
}

function valuesOf(map: ReadonlyMap<string, NirValue>): Comparable {
    return Object.fromEntries([...map].map(([k, v]) => [k, valueComparable(v)]));
}

function valueComparable(value: NirValue): unknown {
    if (value.kind === 'string') return value.value;
    if (value.kind === 'dict') return { group: valuesOf(value.entries) };
    if (value.source.kind !== 'dense') throw new Error(`${value.origin.path} is not dense`);
    const data = value.source.data;
    if (value.dtype === 'bool') return { dtype: 'bool', shape: value.shape, bools: Array.from(data as Uint8Array, (x) => x !== 0) };
    return { dtype: value.dtype, shape: value.shape, sha256: sha256(data) };
}

function sha256(view: ArrayBufferView): string {
    return createHash('sha256').update(new Uint8Array(view.buffer, view.byteOffset, view.byteLength)).digest('hex');
}

interface DumpEntry {
    readonly group?: Record<string, DumpEntry>;
    readonly storage?: { readonly dtype: string; readonly shape: number[]; readonly hdf5_class?: string };
    readonly value?: unknown;
}

interface DumpNode {
    readonly type: string;
    readonly params?: Record<string, DumpEntry>;
    readonly metadata?: Record<string, DumpEntry>;
    readonly nodes?: Record<string, DumpNode>;
    readonly edges?: string[][];
}

/** The comparable form of a dump's `node` (corpus JSON or `h5pyDump`). */
export function dumpComparable(node: DumpNode): Comparable {
    return {
        type: node.type,
        params: entriesOf(node.params ?? {}),
        metadata: entriesOf(node.metadata ?? {}),
        nodes: node.nodes ? Object.fromEntries(Object.entries(node.nodes).map(([k, v]) => [k, dumpComparable(v)])) : undefined,
        edges: node.edges ? node.edges.map(([a, b]) => `${a} -> ${b}`).sort() : undefined,
    };
}

function entriesOf(entries: Record<string, DumpEntry>): Comparable {
    return Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, entryComparable(v)]));
}

function entryComparable(entry: DumpEntry): unknown {
    if (entry.group) return { group: entriesOf(entry.group) };
    const storage = entry.storage!;
    if (storage.dtype === 'object') return entry.value;
    if (storage.dtype === 'bool') {
        return { dtype: 'bool', shape: storage.shape, bools: [entry.value].flat(8) as boolean[] };
    }
    return { dtype: storage.dtype, shape: storage.shape, sha256: (entry.value as { sha256_le: string }).sha256_le };
}
