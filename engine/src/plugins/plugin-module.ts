import type { NodeKind } from './node-kind.js';
import type { Check } from './check.js';
import type { HardwareTarget, TargetFactory } from './target.js';
import type { Mapper } from './mapper.js';
import type { NeuronModel } from './neuron-model.js';
import type { Exporter } from './exporter.js';
import type { Simulator } from '../simulation/types.js';
import type { MeshTopology } from '../routing/types.js';
import type { Registry, Disposable, Identified, PluginTable } from './registry.js';
import { ChipMesh } from '../targets/chip-mesh.js';
import { withSettingOverrides } from '../targets/setting.js';

/**
 * The version of the plugin API this engine offers. A plugin module names the version it was
 * written for; a module of another version is refused (docs/plugins.md). Raised only when the
 * API changes incompatibly; additions keep the number.
 */
export const PLUGIN_API_VERSION = 1;

/** One table of the registry as a plugin sees it: add to it, look up what is there. */
export interface PluginTableApi<T extends Identified> {
    /** Adds an item; an id that is already taken fails the plugin's loading. */
    register(item: T): void;
    get(id: string): T | undefined;
    ids(): string[];
}

/** Functions a plugin written in plain JavaScript cannot import from the bundled engine. */
export interface PluginUtilities {
    /** A rectangular chip mesh with every chip present (`wrap`: a torus in both directions). */
    chipMesh(width: number, height: number, wrap?: boolean): MeshTopology;
    /** A copy of a target with some settings given new values (the `--set NAME=VALUE` of the CLI). */
    withSettingOverrides(target: HardwareTarget, overrides: Readonly<Record<string, number>>): HardwareTarget | { readonly error: string };
}

/** What a plugin's `register` receives: the engine's registry, table by table, and a few utilities. */
export interface PluginApi {
    readonly apiVersion: typeof PLUGIN_API_VERSION;
    readonly nodeKinds: PluginTableApi<NodeKind>;
    readonly checks: PluginTableApi<Check>;
    readonly targets: PluginTableApi<TargetFactory>;
    readonly mappers: PluginTableApi<Mapper>;
    readonly neuronModels: PluginTableApi<NeuronModel>;
    readonly simulators: PluginTableApi<Simulator>;
    readonly exporters: PluginTableApi<Exporter>;
    readonly util: PluginUtilities;
}

/**
 * What a plugin module exports (as its default export, `module.exports`, or as named exports):
 * the API version it was written for, an id for messages, and the function that registers its parts.
 */
export interface NirmeshPlugin {
    readonly apiVersion: number;
    readonly id: string;
    register(api: PluginApi): void;
}

/** A plugin module that could not be installed, with the reason in words. */
export class PluginLoadError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'PluginLoadError';
    }
}

const UTILITIES: PluginUtilities = {
    chipMesh: (width, height, wrap = false) => ChipMesh.full(width, height, wrap, wrap),
    withSettingOverrides,
};

/** A module's plugin object: its default export when that has the shape, else its named exports. */
function pluginOf(exported: unknown): NirmeshPlugin {
    const candidates = [exported, (exported as { default?: unknown } | null)?.default];
    const found = candidates.find((c): c is Record<string, unknown> => typeof c === 'object' && c !== null && 'register' in c);
    if (!found) throw new PluginLoadError('it exports no plugin: expected { apiVersion, id, register(api) } (docs/plugins.md)');
    if (found.apiVersion !== PLUGIN_API_VERSION) {
        throw new PluginLoadError(`it is written for plugin API version ${JSON.stringify(found.apiVersion)}, but this NIRmesh offers version ${PLUGIN_API_VERSION}`);
    }
    if (typeof found.id !== 'string' || found.id === '') throw new PluginLoadError('its id must be a non-empty string');
    if (typeof found.register !== 'function') throw new PluginLoadError('its register must be a function');
    return found as unknown as NirmeshPlugin;
}

function tableApi<T extends Identified>(table: PluginTable<T>, added: Disposable[]): PluginTableApi<T> {
    return {
        register: (item) => {
            if (typeof item?.id !== 'string' || item.id === '') throw new PluginLoadError('registered something without a string id');
            added.push(table.register(item));
        },
        get: (id) => table.get(id),
        ids: () => table.ids(),
    };
}

/**
 * Installs the plugin a module exported into `registry`: checks its shape and API version, then
 * calls its `register`. All or nothing: when anything fails (a wrong shape, a taken id, `register`
 * throwing) whatever it had registered is removed again and a `PluginLoadError` says why. The
 * returned disposable removes the plugin's parts; the plugin's id is in `id`.
 */
export function installPlugin(registry: Registry, exported: unknown): Disposable & { readonly id: string } {
    const plugin = pluginOf(exported);
    const added: Disposable[] = [];
    const api: PluginApi = {
        apiVersion: PLUGIN_API_VERSION,
        nodeKinds: tableApi(registry.nodeKinds, added),
        checks: tableApi(registry.checks, added),
        targets: tableApi(registry.targets, added),
        mappers: tableApi(registry.mappers, added),
        neuronModels: tableApi(registry.neuronModels, added),
        simulators: tableApi(registry.simulators, added),
        exporters: tableApi(registry.exporters, added),
        util: UTILITIES,
    };
    const dispose = () => added.splice(0).reverse().forEach((d) => d.dispose());
    try {
        plugin.register(api);
    } catch (error) {
        dispose();
        const reason = error instanceof Error ? error.message : String(error);
        throw error instanceof PluginLoadError ? error : new PluginLoadError(`its register failed: ${reason}`);
    }
    return { id: plugin.id, dispose };
}
