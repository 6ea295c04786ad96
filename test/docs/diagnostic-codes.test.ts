import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../engine/src/index.js';

const root = join(import.meta.dirname, '..', '..');
const CODE = /^[a-z0-9]+\/[a-z0-9-]+$/;

function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return sourceFiles(path);
        return path.endsWith('.ts') ? [path] : [];
    });
}

/** Every code the source can emit: `code: 'ns/name'` literals and registered check ids. */
function emittedCodes(): Set<string> {
    const codes = new Set<string>();
    for (const file of ['engine/src', 'server/src', 'cli/src', 'host'].flatMap((d) => sourceFiles(join(root, d)))) {
        for (const match of readFileSync(file, 'utf8').matchAll(/\bcode:\s*'([^']+)'/g)) {
            if (CODE.test(match[1])) codes.add(match[1]);
        }
    }
    for (const check of createEngine().registry.checks.all()) codes.add(check.id);
    return codes;
}

/** Every documented code: `### \`ns/name\`` headings in docs/diagnostics/*.md, with duplicates kept. */
function documentedCodes(): string[] {
    const dir = join(root, 'docs', 'diagnostics');
    return readdirSync(dir)
        .filter((name) => name.endsWith('.md'))
        .flatMap((name) => [...readFileSync(join(dir, name), 'utf8').matchAll(/^### `([^`]+)`/gm)].map((m) => m[1]));
}

describe('diagnostic code documentation', () => {
    it('documents every code the engine, server, CLI and host code can emit, exactly once', () => {
        const documented = documentedCodes();
        const duplicates = documented.filter((code, i) => documented.indexOf(code) !== i);
        expect(duplicates).toEqual([]);
        const missing = [...emittedCodes()].filter((code) => !documented.includes(code)).sort();
        expect(missing).toEqual([]);
    });

    it('documents no code that nothing emits', () => {
        const emitted = emittedCodes();
        const stale = documentedCodes().filter((code) => !emitted.has(code)).sort();
        expect(stale).toEqual([]);
    });
});
