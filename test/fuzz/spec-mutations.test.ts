/**
 * Fuzzing the spec reader, the checks and the mapper: valid specs (the examples) are mutated at
 * the YAML level (values, keys, structure, sizes) and each mutant is checked and mapped as
 * `nirmesh map` does. Every run must end within its bound (a cancellation token fires after
 * RUN_BOUND_MS; the engine honours it between stages), report no `engine/internal-error`, throw
 * nothing, and keep the process under MEMORY_CEILING. Bounded in runs and in time; fast-check
 * prints the seed and the shrunk mutation of any failure.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCollection, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { createEngine, type CancellationToken } from '../../engine/src/index.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const SPECS = readdirSync(EXAMPLES).filter((f) => f.endsWith('.nir.yaml')).sort().map((f) => readFileSync(join(EXAMPLES, f), 'utf8'));
/** How long one check-and-map may take before it counts as runaway. */
const RUN_BOUND_MS = 30_000;
/** The most resident memory the test process may reach. */
const MEMORY_CEILING = 2 * 2 ** 30;

const engine = createEngine();

/** Values a scalar may be replaced with: out of range, non-finite, of the wrong kind, large. */
const hostileValue = fc.oneof(
    fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53, 1e-320, NaN, Infinity, -Infinity, '', null, true, '__proto__', 'constructor'),
    fc.double(),
    fc.integer({ min: -1e12, max: 1e12 }),
    fc.string({ maxLength: 40 }),
    fc.integer({ min: 1, max: 200_000 }).map((n) => 'x'.repeat(n)),
    fc.array(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double()), { maxLength: 50 }),
    fc.integer({ min: 1, max: 60 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown),
    fc.constantFrom({ shape: [1e9, 1e9], normal: { mean: 0, std: 1, seed: 1 } }, { shape: [100000, 100000], fixed_probability: { p: 0.5, weight: 1, seed: 1 } }, { file: '../../etc/passwd' }, { file: 'missing.npy' }),
);

/** One mutation: what to do, where (an index into the document's nodes), and with what. */
const mutation = fc.record({
    kind: fc.constantFrom('replace', 'rename', 'delete', 'duplicate', 'restructure'),
    at: fc.nat(),
    value: hostileValue,
    key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'type', 'shape', 'weight', 'nodes', 'edges', 'metadata', 'dtype', 'file')),
    copies: fc.integer({ min: 2, max: 2000 }),
});
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** Every scalar, pair and collection of a document, in document order. */
function nodesOf(doc: Document): unknown[] {
    const found: unknown[] = [];
    visit(doc, { Scalar: (_k, n) => void found.push(n), Pair: (_k, n) => void found.push(n), Map: (_k, n) => void found.push(n), Seq: (_k, n) => void found.push(n) });
    return found;
}

/** Applies one mutation to a parsed document (in place). */
function mutate(doc: Document, m: Mutation): void {
    const nodes = nodesOf(doc);
    if (nodes.length === 0) return;
    const target = nodes[m.at % nodes.length];
    const created = doc.createNode(m.value) as YamlNode;
    switch (m.kind) {
        case 'replace':
            if (isScalar(target) && isScalar(created)) target.value = created.value;
            else if (isPair(target)) target.value = created;
            break;
        case 'rename':
            if (isPair(target)) target.key = doc.createNode(m.key);
            break;
        case 'delete':
            if (isCollection(target) && target.items.length > 0) target.items.splice(m.at % target.items.length, 1);
            break;
        case 'duplicate':
            if (isSeq(target) && target.items.length > 0) target.items.push(...Array.from({ length: m.copies }, () => target.items[m.at % target.items.length]));
            if (isMap(target) && target.items.length > 0) {
                const pair = target.items[m.at % target.items.length];
                for (let i = 0; i < Math.min(m.copies, 200); i++) target.items.push(doc.createPair(`${String((pair.key as { value?: unknown })?.value ?? 'k')}_${i}`, pair.value));
            }
            break;
        case 'restructure':
            if (isPair(target)) target.value = isMap(target.value) ? doc.createNode([target.value]) : doc.createNode({ [m.key]: target.value });
            break;
    }
}

/** A token that fires once the run has taken RUN_BOUND_MS. */
function boundToken(): CancellationToken {
    const start = performance.now();
    return { get isCancellationRequested() { return performance.now() - start > RUN_BOUND_MS; } };
}

describe('fuzzing specs at the YAML level', () => {
    it('every mutant is checked and mapped within its bound, with no internal error and bounded memory', async () => {
        await fc.assert(
            fc.asyncProperty(fc.nat({ max: SPECS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (which, mutations) => {
                const doc = parseDocument(SPECS[which]);
                for (const m of mutations) mutate(doc, m);
                const text = doc.toString({ lineWidth: 0 });
                const result = await engine.analyze({ kind: 'spec', text }, { target: 'spinnaker2-board48', categories: ['fast', 'slow'], mapDespiteTargetRuleErrors: true, token: boundToken() });
                const internal = result.problems.filter((p) => p.code === 'engine/internal-error');
                expect(internal.map((p) => p.message)).toEqual([]);
                expect(process.memoryUsage().rss).toBeLessThan(MEMORY_CEILING);
            }),
            { numRuns: 200, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: false },
        );
    }, 180_000);
});
