import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..', '..');

/**
 * Bundles a TypeScript script (and the sources it imports) with esbuild into an ES module under
 * node_modules/.cache, for tests that run it in a child process (so that a hang or an abort of the
 * code under test is observed instead of taking the test runner down). Returns the module's path
 * and a function that removes it.
 */
export async function bundleScript(entry: string, name: string): Promise<{ path: string; remove: () => void }> {
    const bundled = await build({
        entryPoints: [entry],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        write: false,
        logLevel: 'silent',
    });
    const folder = join(root, 'node_modules', '.cache', 'nirmesh-tests');
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `${name}-${process.pid}.mjs`);
    writeFileSync(path, bundled.outputFiles[0].contents);
    return { path, remove: () => rmSync(path, { force: true }) };
}
