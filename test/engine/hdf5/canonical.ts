import type { NirDocument, NirNode, NirValue } from '../../../engine/src/index.js';
import { materializeTensor } from '../../../engine/src/index.js';

/** A document as plain JSON for exact comparison: names, types, dtypes, shapes, element bytes (hex), metadata, edges. */
export function canonicalDocument(document: NirDocument): unknown {
    return { version: document.version, root: canonicalNode(document.root) };
}

function canonicalNode(node: NirNode): unknown {
    return {
        name: node.name,
        type: node.type,
        params: sortedEntries(node.params),
        metadata: sortedEntries(node.metadata.entries),
        nodes: node.nodes ? [...node.nodes].sort(byKey).map(([name, child]) => [name, canonicalNode(child)]) : undefined,
        edges: node.edges?.map((e) => `${e.source} -> ${e.target}`).sort(),
    };
}

function sortedEntries(map: ReadonlyMap<string, NirValue>): unknown[] {
    return [...map].sort(byKey).map(([name, value]) => [name, canonicalValue(value)]);
}

function byKey(a: readonly [string, unknown], b: readonly [string, unknown]): number {
    return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

function canonicalValue(value: NirValue): unknown {
    if (value.kind === 'string') return { string: value.value };
    if (value.kind === 'dict') return { dict: sortedEntries(value.entries) };
    const { data } = materializeTensor(value);
    return { dtype: value.dtype, shape: value.shape, bytes: data ? Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex') : 'unmaterialisable' };
}
