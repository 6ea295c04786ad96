/**
 * Builds NirDocuments from the corpus's JSON structure dumps (test/fixtures/corpus-json/, copied
 * from ../shared/nir-corpus/), the way a `.nir` reader would: same node names, types, parameter
 * dtypes and shapes, edges and metadata. Arrays the dump gives in full (≤ 64 elements) are dense;
 * larger ones keep their shape as a zeros generator, which is all graph checks look at.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DType, NirDict, NirDocument, NirEdge, NirNode, NirValue } from '../../../engine/src/index.js';
import { allocateTensorData, writeElement } from '../../../engine/src/nir/dtype-codec.js';

/** The folder of copied JSON dumps. */
export const CORPUS_JSON_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'corpus-json');

interface DumpStorage { readonly hdf5_class: string; readonly dtype: string; readonly shape: number[] }
interface DumpDataset { readonly storage: DumpStorage; readonly value: unknown }
type DumpEntry = DumpDataset | { readonly group: Record<string, DumpEntry> };
interface DumpNode {
    readonly type: string;
    readonly params?: Record<string, DumpEntry>;
    readonly metadata?: Record<string, DumpEntry>;
    readonly nodes?: Record<string, DumpNode>;
    readonly edges?: [string, string][];
}

/** Every JSON dump below the fixtures folder, as paths relative to it (`generated/prim_lif.json`). */
export function corpusJsonFiles(): string[] {
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : name.endsWith('.json') ? [relative(CORPUS_JSON_DIR, path)] : [];
    });
    return walk(CORPUS_JSON_DIR).sort();
}

function flatten(values: unknown): number[] {
    if (Array.isArray(values)) return values.flatMap(flatten);
    return [typeof values === 'boolean' ? Number(values) : Number(values)];
}

function datasetValue(entry: DumpDataset, path: string): NirValue {
    const { storage, value } = entry;
    if (storage.hdf5_class === 'string') return { kind: 'string', value: String(value), origin: { path } };
    const dtype = storage.dtype as DType;
    const shape = storage.shape;
    const values = typeof value === 'boolean' ? value : (value as { values?: unknown }).values;
    if (values === undefined) return { kind: 'tensor', dtype, shape, source: { kind: 'generated', generator: { kind: 'zeros' } }, origin: { path } };
    const leaves = flatten(values);
    const data = allocateTensorData(dtype, leaves.length);
    leaves.forEach((x, i) => writeElement(dtype, data, i, x));
    return { kind: 'tensor', dtype, shape, source: { kind: 'dense', data }, origin: { path } };
}

function entryValue(entry: DumpEntry, path: string): NirValue {
    return 'group' in entry ? dict(entry.group, path) : datasetValue(entry, path);
}

function dict(entries: Record<string, DumpEntry> | undefined, path: string): NirDict {
    return { kind: 'dict', entries: new Map(Object.entries(entries ?? {}).map(([k, v]) => [k, entryValue(v, `${path}/${k}`)])), origin: { path } };
}

function node(dump: DumpNode, name: string, path: string): NirNode {
    const result: NirNode = {
        name,
        type: dump.type,
        params: new Map(Object.entries(dump.params ?? {}).map(([k, v]) => [k, entryValue(v, `${path}/${k}`)])),
        metadata: dict(dump.metadata, `${path}/metadata`),
        origin: { path },
        typeOrigin: { path: `${path}/type` },
    };
    if (!dump.nodes) return result;
    const edges: NirEdge[] = (dump.edges ?? []).map(([source, target], i) => {
        const origin = { path: `${path}/edges/${i}` };
        return { source, target, origin, sourceOrigin: origin, targetOrigin: origin };
    });
    const nodes = new Map(Object.entries(dump.nodes).map(([child, d]) => [child, node(d, child, `${path}/nodes/${child}`)]));
    return { ...result, nodes, edges };
}

/** The document a JSON dump describes. */
export function corpusDocument(file: string): NirDocument {
    const dump = JSON.parse(readFileSync(join(CORPUS_JSON_DIR, file), 'utf8')) as { version?: string; node: DumpNode };
    return { version: dump.version, root: node(dump.node, '', '/node') };
}
