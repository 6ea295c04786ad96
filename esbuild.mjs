// Builds every bundle: the CLI and the language server (Node, CommonJS), the VS Code client
// (Node, CommonJS, `vscode` external), the webviews (browser IIFEs) and ELK's layout worker, into dist/.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');

/** Packages kept out of the Node bundles: they load WebAssembly or large files at run time. */
const nodeExternals = ['vscode', 'h5wasm', 'elkjs'];

const bundles = [
    { entryPoints: { cli: 'cli/src/main.ts' }, platform: 'node', format: 'cjs', outExtension: { '.js': '.cjs' } },
    { entryPoints: { server: 'server/src/main.ts' }, platform: 'node', format: 'cjs', outExtension: { '.js': '.cjs' } },
    { entryPoints: { 'nir-read-worker': 'host/nir-reader/read-worker.ts' }, platform: 'node', format: 'cjs', outExtension: { '.js': '.cjs' } },
    { entryPoints: { client: 'client/src/extension.ts' }, platform: 'node', format: 'cjs', outExtension: { '.js': '.cjs' } },
    { entryPoints: { 'webview-placement': 'client/webviews/placement/main.ts' }, platform: 'browser', format: 'iife' },
    { entryPoints: { 'webview-trace': 'client/webviews/trace/main.ts' }, platform: 'browser', format: 'iife' },
].filter((b) => Object.values(b.entryPoints).every((entry) => existsSync(entry)));

const common = {
    bundle: true,
    outdir: 'dist',
    sourcemap: true,
    target: 'node20',
    logLevel: 'warning',
    external: nodeExternals,
};

// ELK's own worker build (elkjs ships it minified, ready to run in a Web Worker): the placement view
// starts it from a blob: URL, the only kind of worker a webview may start.
mkdirSync('dist', { recursive: true });
copyFileSync('node_modules/elkjs/lib/elk-worker.min.js', 'dist/webview-elk-worker.js');

for (const bundle of bundles) {
    const options = { ...common, ...bundle, ...(bundle.platform === 'browser' ? { target: 'es2022', external: [] } : {}) };
    if (watch) await (await esbuild.context(options)).watch();
    else await esbuild.build(options);
}
