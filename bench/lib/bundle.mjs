// Shared plumbing of the benchmark scripts: the repository root, a `--name value` option reader,
// and bundling a TypeScript entry point of the project with esbuild so that a plain `node`
// process can import it (the project has no TypeScript loader at run time).
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Returns `option(name, fallback)`, reading `--name value` pairs from the command line. */
export function optionReader(args = process.argv.slice(2)) {
    return (name, fallback) => {
        const i = args.indexOf(name);
        return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
    };
}

/**
 * Bundles `entry` (relative to the root) into `outfile` for Node. ES modules get a `require`
 * shim so that bundled CommonJS dependencies still load; h5wasm and elkjs stay external.
 */
export async function bundleTo(outfile, entry, { format = 'esm', define } = {}) {
    await esbuild.build({
        entryPoints: [join(root, entry)], bundle: true, platform: 'node', format, target: 'node20', outfile, logLevel: 'warning',
        external: ['h5wasm', 'elkjs'],
        define,
        banner: format === 'esm' ? { js: "import { createRequire as __nirmeshRequire } from 'node:module'; const require = __nirmeshRequire(import.meta.url);" } : undefined,
    });
    return outfile;
}

/** Bundles `entry` into a temporary file, loads it, and removes the file again. */
export async function importBundled(entry, options = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'nirmesh-bench-'));
    const format = options.format ?? 'esm';
    const outfile = await bundleTo(join(dir, format === 'esm' ? 'bundle.mjs' : 'bundle.cjs'), entry, options);
    try {
        return format === 'esm' ? await import(pathToFileURL(outfile).href) : createRequire(import.meta.url)(outfile);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
