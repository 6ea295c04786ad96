import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createEngine } from '../../engine/src/index.js';
import { loadPlugin, loadPlugins } from '../../host/plugin-loader.js';

/** The plugin loader on its own: what `--plugin` and the server share. */

const ROOT = join(import.meta.dirname, '..', '..');

describe('loadPlugin', () => {
    it('gives up on a module that never finishes loading, and the registry stays as it was', async () => {
        const engine = createEngine();
        const before = engine.registry.targets.ids();
        const result = await loadPlugin(engine.registry, 'test/fixtures/plugins/never-loads.mjs', ROOT, 200);
        expect(result).toMatchObject({ module: 'test/fixtures/plugins/never-loads.mjs', reason: 'loading it failed: it did not finish loading within 0.2 s' });
        expect(engine.registry.targets.ids()).toEqual(before);
    });

    it('loads the modules that load and reports the others, in order', async () => {
        const engine = createEngine();
        const { loaded, failures } = await loadPlugins(engine.registry, ['examples/plugins/custom-target', 'test/fixtures/plugins/no-plugin.js', './examples/plugins/custom-target/index.js'], ROOT);
        expect(loaded.map((p) => [p.id, p.path])).toEqual([['lowmem4', join(ROOT, 'examples', 'plugins', 'custom-target', 'index.js')]]);
        expect(failures.map((f) => f.reason)).toEqual([
            'it exports no plugin: expected { apiVersion, id, register(api) } (docs/plugins.md)',
            "its register failed: hardware target 'lowmem4-board' is already registered",
        ]);
        loaded[0].registration.dispose();
        expect(engine.registry.targets.has('lowmem4-board')).toBe(false);
        expect(engine.registry.checks.has('lowmem4/large-population')).toBe(false);
    });
});
