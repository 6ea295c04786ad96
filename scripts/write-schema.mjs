// Regenerates schemas/nir-yaml.schema.json from the engine's registry (run after changing node
// kinds or value forms: `node scripts/write-schema.mjs`). A test fails while the file is stale.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'nirmesh-schema-'));
try {
    const bundle = join(dir, 'engine.cjs');
    await esbuild.build({ entryPoints: [join(root, 'engine/src/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning', external: ['h5wasm', 'elkjs'] });
    const { buildSpecSchema, createEngine } = createRequire(import.meta.url)(bundle);
    const target = join(root, 'schemas', 'nir-yaml.schema.json');
    writeFileSync(target, `${JSON.stringify(buildSpecSchema(createEngine().registry), null, 2)}\n`);
    console.log(`wrote ${target}`);
} finally {
    rmSync(dir, { recursive: true, force: true });
}
