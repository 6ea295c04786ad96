import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isPair, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import { createEngine } from '../../../engine/src/index.js';

/**
 * One mistake, one problem: replacing a single parameter value of a valid example with a bad one
 * gives errors only at that value (its key or its text), never `nir/missing-param`, broadcast or
 * shape errors elsewhere in the node or the graph.
 */

const examples = ['ff-lif-classifier.nir.yaml', 'small-convnet.nir.yaml'].map((name) =>
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', name), 'utf8'));

/** Bad values of the kinds people write: a quoted number, a word, unknown forms, broken files and shapes. */
const CORRUPTIONS = [
    '"0.01"',
    'fast',
    '[1, "2"]',
    '[[1, 2], [3]]',
    '{shape: [3], data: [1, 2]}',
    '{shape: [2, 2], nrmal: {mean: 0, std: 1, seed: 1}}',
    '{shape: [2, 2], normal: {mean: 0, std: 1}}',
    '{file: missing.npy}',
    '{file: ../outside.npy}',
    '{shape: [-1], zeros: true}',
    '{shape: [4]}',
    '',
];

interface ValueSite {
    readonly key: [number, number];
    readonly value: [number, number];
}

/** Every parameter value of every node of the root graph: the key's and the value's text ranges. */
function parameterSites(text: string): ValueSite[] {
    const doc = parseDocument(text);
    const nodes = (doc.getIn(['node', 'nodes'], true) as YamlNode | undefined);
    if (!nodes || !isMap(nodes)) throw new Error('example without node.nodes');
    const sites: ValueSite[] = [];
    for (const node of nodes.items) {
        if (!isPair(node) || !isMap(node.value)) continue;
        for (const param of node.value.items) {
            if (!isPair(param) || !isScalar(param.key) || ['type', 'metadata'].includes(String(param.key.value))) continue;
            const key = param.key.range;
            const value = (param.value as YamlNode | null)?.range;
            if (key && value) sites.push({ key: [key[0], key[1]], value: [value[0], value[1]] });
        }
    }
    return sites;
}

const engine = createEngine();

describe('a single corrupted value', () => {
    it('gives errors only at that value', async () => {
        await fc.assert(
            fc.asyncProperty(fc.nat(), fc.nat(), fc.constantFrom(...CORRUPTIONS), async (which, site, bad) => {
                const text = examples[which % examples.length];
                const sites = parameterSites(text);
                const { key, value } = sites[site % sites.length];
                const corrupted = text.slice(0, value[0]) + bad + text.slice(value[1]);
                const end = value[0] + bad.length;
                const result = await engine.analyze({ kind: 'spec', text: corrupted }, { categories: ['fast'] });
                const elsewhere = result.problems
                    .filter((p) => p.severity === 'error')
                    .filter((p) => !p.origin.span || p.origin.span.start < key[0] || p.origin.span.end > Math.max(end, key[1]))
                    .map((p) => `${p.code} at ${p.origin.span?.start}: ${p.message}`);
                expect(elsewhere, `${bad} at ${corrupted.slice(key[0], end)}`).toEqual([]);
            }),
            { numRuns: 150, seed: 20261203 },
        );
    });
});
