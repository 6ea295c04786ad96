import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../engine/src/index.js';

/**
 * Every YAML example in docs/diagnostics/*.md is a whole spec that produces the code of its entry
 * and no other error: one mistake, one problem. An example is skipped only when an HTML comment
 * `<!-- not run: reason -->` stands right before it; `<!-- target: ID -->` checks it on another
 * target than the default.
 */

const root = join(import.meta.dirname, '..', '..');
const docsDir = join(root, 'docs', 'diagnostics');

interface DocExample {
    readonly file: string;
    readonly code: string;
    readonly text: string;
    readonly target?: string;
}

/** The YAML blocks under each `### \`code\`` heading, with the directives written before them. */
function docExamples(): { run: DocExample[]; skipped: DocExample[] } {
    const run: DocExample[] = [];
    const skipped: DocExample[] = [];
    for (const file of readdirSync(docsDir).filter((name) => name.endsWith('.md'))) {
        const lines = readFileSync(join(docsDir, file), 'utf8').split('\n');
        let code: string | undefined;
        for (let i = 0; i < lines.length; i++) {
            const heading = /^### `([^`]+)`/.exec(lines[i]);
            if (heading) code = heading[1];
            if (lines[i] !== '```yaml' || !code) continue;
            const end = lines.indexOf('```', i + 1);
            const before = lines[i - 1] ?? '';
            const example = { file, code, text: lines.slice(i + 1, end).join('\n') + '\n', target: /^<!-- target: (\S+) -->$/.exec(before)?.[1] };
            (before.startsWith('<!-- not run:') ? skipped : run).push(example);
            i = end;
        }
    }
    return { run, skipped };
}

const { run, skipped } = docExamples();
const engine = createEngine();

describe('the examples of docs/diagnostics', () => {
    it('finds the examples', () => {
        expect(run.length).toBeGreaterThan(50);
        expect(skipped.length).toBeLessThan(20);
    });

    it.each(run.map((e) => [`${e.file} ${e.code}`, e] as const))('%s produces its code and no other error', async (_name, example) => {
        const result = await engine.analyze({ kind: 'spec', text: example.text }, { target: example.target, categories: ['fast', 'slow'] });
        const codes = result.problems.map((p) => p.code);
        expect(codes).toContain(example.code);
        const otherErrors = result.problems.filter((p) => p.severity === 'error' && p.code !== example.code).map((p) => `${p.code}: ${p.message}`);
        expect(otherErrors).toEqual([]);
    });
});
