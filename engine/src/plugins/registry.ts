import type { NodeKind } from './node-kind.js';
import type { Check } from './check.js';
import type { TargetFactory } from './target.js';
import type { Mapper } from './mapper.js';
import type { NeuronModel } from './neuron-model.js';
import type { Simulator } from '../simulation/types.js';

/** Undoes a registration. */
export interface Disposable {
    dispose(): void;
}

/** Something registered by a unique string id. */
export interface Identified {
    readonly id: string;
}

/**
 * One table of plugins of one sort, keyed by id, in registration order.
 * Registering an id twice is an error with a clear message, not a silent override.
 */
export class PluginTable<T extends Identified> {
    private readonly items = new Map<string, T>();

    constructor(private readonly sort: string) {}

    /** Adds an item; throws if its id is taken (a start-up error, never one caused by user input). */
    register(item: T): Disposable {
        if (this.items.has(item.id)) {
            throw new Error(`${this.sort} '${item.id}' is already registered`);
        }
        this.items.set(item.id, item);
        return { dispose: () => void (this.items.get(item.id) === item && this.items.delete(item.id)) };
    }

    get(id: string): T | undefined {
        return this.items.get(id);
    }

    has(id: string): boolean {
        return this.items.has(id);
    }

    all(): T[] {
        return [...this.items.values()];
    }

    ids(): string[] {
        return [...this.items.keys()];
    }
}

/** Every plugin the engine knows, by sort. One registry per engine instance; nothing is global. */
export class Registry {
    readonly nodeKinds = new PluginTable<NodeKind>('node kind');
    readonly checks = new PluginTable<Check>('check');
    readonly targets = new PluginTable<TargetFactory>('hardware target');
    readonly mappers = new PluginTable<Mapper>('mapper');
    readonly neuronModels = new PluginTable<NeuronModel>('neuron model');
    readonly simulators = new PluginTable<Simulator>('simulator');
}

/** A bundle of plugins, as a workspace or a CLI `--plugin` module provides. */
export interface EnginePlugin {
    readonly id: string;
    readonly nodeKinds?: readonly NodeKind[];
    readonly checks?: readonly Check[];
    readonly targets?: readonly TargetFactory[];
    readonly mappers?: readonly Mapper[];
    readonly neuronModels?: readonly NeuronModel[];
    readonly simulators?: readonly Simulator[];
}

/** Registers every part of a plugin bundle; the returned disposable removes them all. */
export function registerPlugin(registry: Registry, plugin: EnginePlugin): Disposable {
    const disposables: Disposable[] = [];
    for (const kind of plugin.nodeKinds ?? []) disposables.push(registry.nodeKinds.register(kind));
    for (const check of plugin.checks ?? []) disposables.push(registry.checks.register(check));
    for (const target of plugin.targets ?? []) disposables.push(registry.targets.register(target));
    for (const mapper of plugin.mappers ?? []) disposables.push(registry.mappers.register(mapper));
    for (const model of plugin.neuronModels ?? []) disposables.push(registry.neuronModels.register(model));
    for (const simulator of plugin.simulators ?? []) disposables.push(registry.simulators.register(simulator));
    return { dispose: () => disposables.forEach((d) => d.dispose()) };
}
