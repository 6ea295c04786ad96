import { describe, expect, it } from 'vitest';
import { createEngine, installPlugin, PluginLoadError, PLUGIN_API_VERSION, resolveTarget, type PluginApi } from '../../../engine/src/index.js';

/** `installPlugin`: the plugin module seam, all or nothing. */

function plugin(register: (api: PluginApi) => void) {
    return { apiVersion: PLUGIN_API_VERSION, id: 'test-plugin', register };
}

describe('installPlugin', () => {
    it('registers into the engine\'s own tables, and its disposable removes what it added', () => {
        const engine = createEngine();
        const before = engine.registry.targets.ids();
        const chip = engine.registry.targets.get('spinnaker2-chip');
        const installed = installPlugin(engine.registry, { default: plugin((api) => {
            expect(api.targets.ids()).toEqual(before);
            api.targets.register({ ...chip!, id: 'tiny' });
            api.checks.register({ id: 'tiny/rule', category: 'fast', severity: 'info', title: 'A rule.', needs: 'graph', run: () => undefined });
        }) });
        expect(installed.id).toBe('test-plugin');
        expect(engine.registry.targets.ids()).toEqual([...before, 'tiny']);
        expect(engine.registry.checks.has('tiny/rule')).toBe(true);
        installed.dispose();
        expect(engine.registry.targets.ids()).toEqual(before);
        expect(engine.registry.checks.has('tiny/rule')).toBe(false);
    });

    it('leaves the registry as it was when register fails half way', () => {
        const engine = createEngine();
        const before = engine.registry.targets.ids();
        const chip = engine.registry.targets.get('spinnaker2-chip')!;
        expect(() => installPlugin(engine.registry, plugin((api) => {
            api.targets.register({ ...chip, id: 'first' });
            api.targets.register(chip);
        }))).toThrow(new PluginLoadError("its register failed: hardware target 'spinnaker2-chip' is already registered"));
        expect(engine.registry.targets.ids()).toEqual(before);
    });

    it.each([
        [null, 'it exports no plugin'],
        [{ register: () => undefined }, 'it is written for plugin API version undefined, but this NIRmesh offers version 1'],
        [{ apiVersion: 1, id: '', register: () => undefined }, 'its id must be a non-empty string'],
        [{ apiVersion: 1, id: 'x', register: 'no' }, 'its register must be a function'],
        [plugin((api) => api.checks.register({} as never)), 'registered something without a string id'],
    ])('refuses %j: %s', (exported, message) => {
        expect(() => installPlugin(createEngine().registry, exported)).toThrow(message);
    });

    it('turns a plugin target whose factory throws into a message, not an exception', () => {
        const engine = createEngine();
        installPlugin(engine.registry, plugin((api) => api.targets.register({ id: 'broken', title: 'Broken', description: 'throws', create: () => { throw new Error('no mesh'); } })));
        expect(resolveTarget(engine.registry, 'broken')).toEqual({ error: "target 'broken' could not be created: no mesh" });
    });
});
