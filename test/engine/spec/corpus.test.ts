import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DType, NirDict, NirDocument, NirNode, NirValue, Tensor } from '../../../engine/src/index.js';
import { Engine, allocateTensorData, formatSpec, materializeTensor, parseSpec } from '../../../engine/src/index.js';

/**
 * The real and generated graphs of the NIR corpus, rebuilt from their h5py dumps
 * (test/fixtures/spec/corpus), written as *.nir.yaml, read back and checked.
 */
const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'spec', 'corpus');
const FILES = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
const engine = new Engine();
const nodeKinds = (type: string) => engine.registry.nodeKinds.get(type);

/**
 * Files with a real mistake and the error our checks give for it. NIR's reference reader refuses
 * most of them; two it reads because it checks neither bias shapes nor delay-free cycles.
 */
const KNOWN_BAD: Readonly<Record<string, string>> = {
    'generated__bare_lif_node.json': 'nir/root-not-graph',
    // NIR's test_merge_and_split_single_output: the junction Affine has weight [3, 2] but bias [2].
    'generated__arch_merge_and_split_single_output.json': 'nir/bias-shape',
    // NIR's test_simple: an Affine fed back into itself, an algebraic loop with no delay.
    'generated__rw_simple.json': 'nir/cycle-without-delay',
    'generated__invalid_type_mismatch.json': 'nir/edge-shape',
    'real__neuromorphs+NIR__paper__01_lif__lif_rockpool.json': 'nir/edge-shape',
    'real__neuromorphs+NIR__paper__03_rnn__extras__braille_noDelay_bias_zero_subgraph.json': 'nir/dangling-edge',
    'real__neuromorphs+NIR__paper__03_rnn__extras__braille_noDelay_noBias_subtract_subgraph.json': 'nir/dangling-edge',
    'real__synsense+rockpool__tests__tests_default__nir_graphs__braille.json': 'nir/edge-shape',
};

interface Dataset {
    readonly storage: { readonly hdf5_class: string; readonly dtype: string; readonly shape: number[] };
    readonly value: unknown;
}
type Entry = Dataset | { readonly group: Record<string, Entry> };
interface DumpNode {
    readonly type: string;
    readonly params?: Record<string, Dataset>;
    readonly metadata?: Record<string, Entry>;
    readonly nodes?: Record<string, DumpNode>;
    readonly edges?: [string, string][];
}

const O = { path: '/' };

/** Arrays rebuilt from full values, with the SHA-256 of their bytes as the dump records it. */
const checksums = new Map<Tensor, string>();

function toValue(entry: Entry): NirValue {
    if ('group' in entry) return dict(entry.group);
    const { storage, value } = entry;
    if (storage.hdf5_class === 'string') return { kind: 'string', value: value as string, origin: O };
    const dtype = storage.dtype as DType;
    const full = typeof value === 'boolean' ? value : (value as { values?: unknown }).values;
    if (full === undefined) {
        // Only the first 8 elements are in the dump: a recipe of the same dtype and shape stands in.
        return { kind: 'tensor', dtype, shape: storage.shape, source: { kind: 'generated', generator: { kind: 'zeros' } }, origin: O };
    }
    const flat = [full].flat(Infinity) as (number | boolean)[];
    const data = allocateTensorData(dtype, flat.length);
    flat.forEach((v, i) => ((data as unknown as (number | bigint)[])[i] = dtype.endsWith('int64') ? BigInt(v as number) : Number(v)));
    const tensor: Tensor = { kind: 'tensor', dtype, shape: storage.shape, source: { kind: 'dense', data }, origin: O };
    const sha = (value as { sha256_le?: string }).sha256_le;
    if (sha) checksums.set(tensor, sha);
    return tensor;
}

function dict(entries: Record<string, Entry> | undefined): NirDict {
    return { kind: 'dict', entries: new Map(Object.entries(entries ?? {}).map(([k, v]) => [k, toValue(v)])), origin: O };
}

function toNode(name: string, dump: DumpNode): NirNode {
    return {
        name,
        type: dump.type,
        params: new Map(Object.entries(dump.params ?? {}).map(([k, v]) => [k, toValue(v)])),
        metadata: dict(dump.metadata),
        ...(dump.nodes ? { nodes: new Map(Object.entries(dump.nodes).map(([k, v]) => [k, toNode(k, v)])) } : {}),
        ...(dump.nodes || dump.edges ? { edges: (dump.edges ?? []).map(([source, target]) => ({ source, target, origin: O, sourceOrigin: O, targetOrigin: O })) } : {}),
        origin: O,
        typeOrigin: O,
    };
}

function fromDump(name: string): { document: NirDocument; tensors: [string, Tensor][] } {
    const dump = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { version: string; node: DumpNode };
    const document = { version: dump.version, root: toNode('', dump.node) };
    const tensors: [string, Tensor][] = [];
    const walk = (node: NirNode, path: string): void => {
        for (const [k, v] of node.params) if (v.kind === 'tensor') tensors.push([`${path}/${k}`, v]);
        for (const [k, child] of node.nodes ?? []) walk(child, `${path}/nodes/${k}`);
    };
    walk(document.root, '/node');
    return { document, tensors };
}

function find(node: NirNode, path: string): NirValue | undefined {
    const parts = path.split('/').slice(2);
    let current: NirNode | undefined = node;
    while (parts.length > 1) {
        parts.shift();
        current = current?.nodes?.get(parts.shift() as string);
    }
    return current?.params.get(parts[0]);
}

function sha256(tensor: Tensor): string {
    const data = materializeTensor(tensor).data as ArrayBufferView;
    return createHash('sha256').update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)).digest('hex');
}

describe('the NIR corpus as *.nir.yaml', () => {
    it('has all 59 graph dumps', () => {
        expect(FILES.length).toBe(59);
    });

    it.each(FILES)('%s reads back bit for bit', (name) => {
        const { document, tensors } = fromDump(name);
        const text = formatSpec(document, { nodeKinds });
        const back = parseSpec(text, { nodeKinds });
        expect(back.problems).toEqual([]);
        for (const [path, tensor] of tensors) {
            const read = find(back.document!.root, path);
            expect(read?.kind, path).toBe('tensor');
            const readTensor = read as Tensor;
            expect([readTensor.dtype, readTensor.shape], path).toEqual([tensor.dtype, tensor.shape]);
            const sha = checksums.get(tensor);
            if (sha) expect(sha256(readTensor), path).toBe(sha);
        }
    });

    it.each(FILES)('%s checks as NIR reads it (--target none)', async (name) => {
        const text = formatSpec(fromDump(name).document, { nodeKinds });
        const result = await engine.analyze({ kind: 'spec', text }, { target: 'none' });
        const errors = [...new Set(result.problems.filter((p) => p.severity === 'error').map((p) => p.code))];
        expect(errors).toEqual(KNOWN_BAD[name] ? [KNOWN_BAD[name]] : []);
    });
});
