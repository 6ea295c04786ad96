import type { Document } from 'yaml';
import { isMap, isScalar } from './yaml-ast.js';
import type { NirDocument } from '../nir/graph.js';
import { describeNode, isNullScalar, type MapEntry, type SpecContext } from './spec-context.js';
import { lowerNode } from './lower-node.js';

/**
 * The top level of a spec: an optional `version` string and the one root `node` (normally a
 * NIRGraph), exactly as in NIR's HDF5 tree (`/version`, `/node`).
 */
export function lowerDocument(ctx: SpecContext, doc: Document): NirDocument | undefined {
    const contents = ctx.deref(doc.contents ?? undefined);
    if (isNullScalar(contents)) {
        ctx.report({ code: 'spec/missing-node', message: 'The spec is empty: write node: {type: NIRGraph, nodes: {…}, edges: […]}.', origin: { path: '/', span: { start: 0, end: 0 } } });
        return undefined;
    }
    if (!contents || !isMap(contents)) {
        ctx.report({ code: 'spec/unexpected-value', message: `A spec is a mapping with version: and node: keys; found ${describeNode(contents)}.`, origin: ctx.origin('/', contents) });
        return undefined;
    }
    let version: string | undefined;
    let root;
    let hasNode = false;
    const unknown: MapEntry[] = [];
    for (const entry of ctx.entries(contents)) {
        if (entry.name === 'version') {
            if (entry.value && isScalar(entry.value) && !isNullScalar(entry.value)) version = ctx.scalarText(entry.value);
            else ctx.report({ code: 'spec/unexpected-value', message: `version is a NIR version string such as "1.0.8"; found ${describeNode(entry.value)}.`, origin: ctx.problemOrigin('/version', entry.value, entry.keyNode) });
        } else if (entry.name === 'node') {
            hasNode = true;
            root = lowerNode(ctx, { name: '', path: '/node', key: entry.keyNode, node: entry.value, depth: 0 });
        } else {
            unknown.push(entry);
        }
    }
    if (!hasNode) {
        // Keys written where node: belongs (nodes:, edges:) are the one mistake: report it once, at the first.
        const first = ctx.span((unknown[0]?.keyNode ?? contents.items[0]?.key) as never);
        const found = unknown.length > 0 ? ` (${unknown.map((e) => `'${e.name}'`).join(', ')} ${unknown.length === 1 ? 'is not a top-level key' : 'are not top-level keys'})` : '';
        ctx.report({ code: 'spec/missing-node', message: `The spec has no node: key${found}; the root graph goes under node: {type: NIRGraph, …}.`, origin: { path: '/node', span: first ?? { start: 0, end: 0 } } });
        return undefined;
    }
    for (const entry of unknown) {
        ctx.report({ code: 'spec/unknown-key', message: `'${entry.name}' is not a top-level key of a spec; it has version: and node:.`, origin: ctx.origin(`/${entry.name}`, entry.keyNode, entry.keyNode) });
    }
    return root ? { ...(version !== undefined ? { version } : {}), root } : undefined;
}
