import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, type Problem } from '../../../engine/src/index.js';

const examplesDir = join(import.meta.dirname, '..', '..', '..', 'examples');
const EXAMPLES = readdirSync(examplesDir)
    .filter((name) => name.endsWith('.nir.yaml') && name !== 'mistakes.nir.yaml')
    .map((name) => readFileSync(join(examplesDir, name), 'utf8'));

const engine = new Engine();

/** Every span a problem carries lies inside the text. */
function expectSpansInside(problems: readonly Problem[], text: string): void {
    for (const problem of problems) {
        const origins = [problem.origin, ...(problem.related ?? []).map((r) => r.origin)];
        for (const origin of origins) {
            for (const span of [origin.span, origin.keySpan]) {
                if (!span) continue;
                const inside = span.start >= 0 && span.start <= span.end && span.end <= text.length;
                expect(inside, `${problem.code} ${JSON.stringify(span)} in a text of ${text.length}`).toBe(true);
            }
        }
    }
}

async function check(text: string): Promise<void> {
    const result = await engine.analyze({ kind: 'spec', text }, { target: 'none' });
    expectSpansInside(result.problems, text);
}

const YAMLISH = [...'[]{}:,-#\'"&*!|>%@`?\n\n\t  0123456789.eE+-_/abcxyzLIF', 'type', 'node', 'nodes', 'edges', 'shape', 'data', 'dtype', ' -> ', '.nan', '~', '\u00e9', '\ud83d\ude00'];
const yamlishString = fc.array(fc.constantFrom(...YAMLISH), { maxLength: 40 }).map((parts) => parts.join(''));

type Mutation =
    | { kind: 'delete'; at: number; length: number }
    | { kind: 'insert'; at: number; text: string }
    | { kind: 'replace'; at: number; text: string }
    | { kind: 'dropLine'; at: number }
    | { kind: 'swapTokens'; a: number; b: number };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: position, text: yamlishString }),
    fc.record({ kind: fc.constant('replace' as const), at: position, text: fc.constantFrom(...YAMLISH) }),
    fc.record({ kind: fc.constant('dropLine' as const), at: position }),
    fc.record({ kind: fc.constant('swapTokens' as const), a: position, b: position }),
);

function apply(text: string, m: Mutation): string {
    const at = (f: number) => Math.floor(f * (text.length + 1));
    switch (m.kind) {
        case 'delete': return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
        case 'insert': return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
        case 'replace': return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at) + 1);
        case 'dropLine': {
            const lines = text.split('\n');
            lines.splice(Math.floor(m.at * lines.length), 1);
            return lines.join('\n');
        }
        case 'swapTokens': {
            const tokens = text.split(/(\s+|[[\]{},:])/);
            const [i, j] = [Math.floor(m.a * tokens.length), Math.floor(m.b * tokens.length)];
            [tokens[i], tokens[j]] = [tokens[j], tokens[i]];
            return tokens.join('');
        }
    }
}

describe('spec reading never throws and keeps ranges inside the text', () => {
    it('on random YAML-like text', async () => {
        await fc.assert(fc.asyncProperty(yamlishString, check), { numRuns: 200 });
    });

    it('on random unicode text', async () => {
        await fc.assert(fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), check), { numRuns: 200 });
    });

    it('on random mutations of the valid examples', async () => {
        const mutated = fc.tuple(fc.constantFrom(...EXAMPLES), fc.array(mutation, { minLength: 1, maxLength: 6 }))
            .map(([text, mutations]) => mutations.reduce(apply, text));
        await fc.assert(fc.asyncProperty(mutated, check), { numRuns: 200 });
    });
});
