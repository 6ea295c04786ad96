import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every documented diagnostic code is named by some test or test fixture (besides the tests of the
 * docs themselves), or its documentation example is run by diagnostic-examples.test.ts. A code
 * no test produces can silently stop being produced.
 */

const ROOT = join(import.meta.dirname, '..', '..');

/** Codes no test produces, with the reason. */
const UNTESTED: Readonly<Record<string, string>> = {
    'hdf5/too-many-objects': 'needs a file of more than 1,000,000 HDF5 objects, too slow to build in a test',
    'hdf5/reader-crashed': 'needs the .nir reader worker to die outside a WebAssembly trap; the worker tests cover traps and timeouts',
    'hdf5/write-failed': 'an HDF5 failure while writing that no valid model provokes; the known causes have their own codes',
    'engine/unknown-simulator': 'only a caller of Engine.run naming a simulator that is not registered meets it; the CLI offers only builtin',
    'simulation/unsupported': 'every NIR node kind the engine knows is simulated; only a plugin node kind meets it',
    'simulation/bad-record': 'not yet covered by a test of --record with an unknown node',
};

function files(dir: string): string[] {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((name) => join(dir, name));
}

describe('documented codes', () => {
    it('are each produced by some test', () => {
        const docs = readdirSync(join(ROOT, 'docs', 'diagnostics')).map((name) => readFileSync(join(ROOT, 'docs', 'diagnostics', name), 'utf8'));
        const documented = docs.flatMap((text) => [...text.matchAll(/^### `([^`]+)`/gm)].map((m) => m[1]));
        const runExamples = new Set(docs.flatMap((text) => [...text.matchAll(/^### `([^`]+)`[\s\S]*?(?=^### |(?![\s\S]))/gm)]
            .filter((section) => /\n(?!<!-- not run)[^\n]*\n```yaml\n/.test(section[0]))
            .map((section) => section[1])));
        const testText = files(join(ROOT, 'test'))
            .filter((path) => /\.(ts|yaml|json)$/.test(path) && !path.includes(join('test', 'docs')))
            .map((path) => readFileSync(path, 'utf8'))
            .join('\n');
        const untested = documented.filter((code) => !runExamples.has(code) && !testText.includes(code) && !(code in UNTESTED));
        expect(untested).toEqual([]);
        expect(Object.keys(UNTESTED).filter((code) => testText.includes(code))).toEqual([]);
    });
});
