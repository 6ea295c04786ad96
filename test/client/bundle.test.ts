import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** The client bundle as esbuild.mjs builds it (node, CommonJS, `vscode` external), in memory. */
async function clientBundle() {
    const result = await build({
        entryPoints: [join(ROOT, 'client', 'src', 'extension.ts')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode', 'h5wasm', 'elkjs'],
        write: false,
        metafile: true,
        logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs).map((path) => relative(ROOT, join(ROOT, path)));
    return { inputs, code: result.outputFiles[0].text };
}

describe('the client bundle', () => {
    it('holds no engine or server runtime code, only the client and the protocol', async () => {
        const { inputs } = await clientBundle();
        const ours = inputs.filter((path) => !path.startsWith('node_modules'));
        expect(ours.filter((path) => !path.startsWith('client/') && !path.startsWith('protocol/'))).toEqual([]);
        expect(ours).toContain('protocol/requests.ts');
        expect(ours.filter((path) => path.startsWith('client/')).length).toBeGreaterThan(3);
        const packages = new Set(inputs.filter((p) => p.startsWith('node_modules/')).map((p) => p.split('/')[1]));
        for (const heavy of ['yaml', 'h5wasm', 'elkjs', 'vscode-languageserver']) expect(packages.has(heavy), heavy).toBe(false);
        expect(packages.has('vscode-languageclient')).toBe(true);
    });

    it('takes vscode from the editor and exports activate and deactivate', async () => {
        const { code } = await clientBundle();
        expect(code).toMatch(/require\("vscode"\)/);
        expect(code).toMatch(/__export\(extension_exports, \{[^}]*activate: \(\) => activate[^}]*deactivate: \(\) => deactivate/s);
    });
});
