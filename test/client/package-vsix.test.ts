/**
 * `npm run package`'s .vsix, built for real with @vscode/vsce (run `node esbuild.mjs` first): it
 * holds the bundles and what they load at run time, and none of the sources, tests or fixtures.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** Packages the extension the way `npm run package` does, into a temporary file. */
function packageVsix(): string {
    const out = join(mkdtempSync(join(tmpdir(), 'nirmesh-vsix-')), 'nirmesh.vsix');
    const args = manifest.scripts.package.split('&&').at(-1).trim().split(/\s+/).slice(1);
    const vsce = join(ROOT, 'node_modules', '.bin', 'vsce');
    execFileSync(vsce, [...args.slice(0, args.indexOf('--out')), '--out', out], { cwd: ROOT, stdio: 'pipe', input: '' });
    return out;
}

/** The names in a zip file, read with Python's zipfile. */
function zipNames(path: string): string[] {
    return execFileSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', path], { encoding: 'utf8' }).trim().split('\n');
}

describe('the packaged extension', () => {
    it('holds the bundles, h5wasm with the LZF plugin, grammars, schema and docs, and no sources or tests', () => {
        expect(manifest.scripts.package).toMatch(/vsce package/);
        const vsix = packageVsix();
        const names = zipNames(vsix).filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
        for (const file of [
            'package.json', 'readme.md', 'dist/client.cjs', 'dist/server.cjs', 'dist/cli.cjs', 'dist/nir-read-worker.cjs', 'dist/webview-placement.js', 'dist/webview-elk-worker.js', 'dist/webview-trace.js',
            'node_modules/h5wasm/package.json', 'node_modules/h5wasm/dist/node/hdf5_hl.js', 'node_modules/h5wasm/dist/esm/hdf5_hl.js', 'node_modules/h5wasm-plugins/plugins/libH5Zlzf.so',
            'schemas/nir-yaml.schema.json', 'docs/diagnostics.md',
        ]) expect(names, file).toContain(file);
        for (const grammar of manifest.contributes.grammars) expect(names).toContain(grammar.path.replace(/^\.\//, ''));
        expect(names).toContain(manifest.main.replace(/^\.\//, ''));
        expect(names.filter((n) => /(^|\/)(test|examples|engine|server|client|cli|protocol|host|bench)\//.test(n) && !n.startsWith('node_modules/'))).toEqual([]);
        expect(names.filter((n) => /\.(ts|map|nir|ya?ml|py)$/.test(n))).toEqual([]);
        const size = statSync(vsix).size;
        expect(size).toBeGreaterThan(1_000_000); // the bundles and h5wasm's WebAssembly are in it
        expect(size).toBeLessThan(4_000_000); // and nothing else of the 10 MB a bare `vsce package` gives
    });
});
