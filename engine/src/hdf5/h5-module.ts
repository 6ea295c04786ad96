import type h5wasmDefault from 'h5wasm';
import { captureHdf5Errors, moduleWear, type Hdf5ModuleWear } from './error-capture.js';

/** The h5wasm namespace (`File`, `Group`, `Dataset`, `ready`). */
export type H5Wasm = typeof h5wasmDefault;
/** The Emscripten module behind h5wasm (its in-memory file system and plugin paths). */
export type H5Module = Awaited<H5Wasm['ready']>;

/** A loaded HDF5 library: the h5wasm classes, their module, and which optional filters it can decode. */
export interface Hdf5Library {
    readonly h5: H5Wasm;
    readonly module: H5Module;
    /** HDF5 filter ids decodable through installed plugins (32000 = LZF). */
    readonly pluginFilters: ReadonlySet<number>;
}

/** An HDF5 filter plugin (an Emscripten side module such as h5wasm-plugins' `libH5Zlzf.so`). */
export interface Hdf5FilterPlugin {
    /** The file name the plugin is installed under (`libH5Zlzf.so`). */
    readonly name: string;
    /** The HDF5 filter id it decodes (32000 for LZF). */
    readonly filterId: number;
    readonly bytes: Uint8Array;
}

/** Options for `loadHdf5`. */
export interface LoadHdf5Options {
    /** Filter plugins to install (the host reads them; the engine has no file access). */
    readonly filterPlugins?: readonly Hdf5FilterPlugin[];
}

let loading: Promise<Hdf5Library> | undefined;
let loaded: { library: Hdf5Library; filters: Set<number> } | undefined;
const pending: Hdf5FilterPlugin[] = [];
let fileCounter = 0;

/**
 * Registers filter plugins to install when HDF5 is (or next is) loaded. Hosts call it once at
 * start-up with the plugins they ship (see `host/hdf5-plugins.ts`); safe to call repeatedly.
 */
export function registerHdf5FilterPlugins(plugins: readonly Hdf5FilterPlugin[]): void {
    for (const plugin of plugins) {
        if (!pending.some((p) => p.name === plugin.name) && !loaded?.filters.has(plugin.filterId)) pending.push(plugin);
    }
    if (loaded) installPending(loaded.library.module, loaded.filters);
}

/**
 * Loads h5wasm once (the WebAssembly module is shared by everything in the process) and installs
 * the registered and the given filter plugins. Later calls return the same library.
 */
export async function loadHdf5(options: LoadHdf5Options = {}): Promise<Hdf5Library> {
    if (options.filterPlugins) registerHdf5FilterPlugins(options.filterPlugins);
    loading ??= (async () => {
        const imported = await import('h5wasm');
        const h5 = ((imported as { default?: H5Wasm }).default ?? imported) as H5Wasm;
        const module = await h5.ready;
        captureHdf5Errors(module);
        const filters = new Set<number>();
        const library: Hdf5Library = { h5, module, pluginFilters: filters };
        loaded = { library, filters };
        installPending(module, filters);
        return library;
    })();
    const library = await loading;
    installPending(library.module, loaded!.filters);
    return library;
}

/** The library when `loadHdf5` has finished, for synchronous readers; undefined before. */
export function loadedHdf5(): Hdf5Library | undefined {
    return loaded?.library;
}

/** How worn this process's HDF5 module is (see error-capture.ts); unworn before HDF5 is loaded. */
export function hdf5ModuleWear(): Hdf5ModuleWear {
    return loaded ? moduleWear(loaded.library.module) : { unwoundCalls: 0, trapped: false };
}

function installPending(module: H5Module, filters: Set<number>): void {
    const folder = module.get_plugin_search_paths()[0];
    while (pending.length > 0) {
        const plugin = pending.shift()!;
        if (!folder) continue;
        module.FS.mkdirTree(folder);
        module.FS.writeFile(`${folder}/${plugin.name}`, plugin.bytes);
        filters.add(plugin.filterId);
    }
}

/**
 * Puts `bytes` into the in-memory file system under a fresh name, runs `use` on it, and removes
 * the file whatever happens. `use` must close any h5wasm File it opens.
 */
export function withMemoryFile<T>(library: Hdf5Library, bytes: Uint8Array | undefined, use: (name: string) => T): T {
    const name = `/nirmesh-${++fileCounter}.h5`;
    if (bytes) library.module.FS.writeFile(name, bytes);
    try {
        return use(name);
    } finally {
        try {
            library.module.FS.unlink(name);
        } catch {
            // The file was never created (a failed create); nothing to remove.
        }
    }
}
