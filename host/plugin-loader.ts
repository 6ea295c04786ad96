import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installPlugin, type Disposable, type Registry } from '../engine/src/index.js';

/** A plugin module that is installed: what named it, the file it came from, its id, and how to remove it. */
export interface LoadedPlugin {
    readonly module: string;
    readonly path: string;
    readonly id: string;
    readonly registration: Disposable;
}

/** A plugin module that is not installed: what named it, the file when it was found, and why. */
export interface PluginFailure {
    readonly module: string;
    readonly path?: string;
    readonly reason: string;
}

/** A failure in one line: `plugin MODULE (PATH): REASON`. */
export function describePluginFailure(failure: PluginFailure): string {
    const where = failure.path && failure.path !== failure.module ? ` (${failure.path})` : '';
    return `plugin ${failure.module}${where}: ${failure.reason}`;
}

function reasonOf(error: unknown): string {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

/**
 * The file a plugin module name points at. A name that starts with `.`, is absolute, or names
 * something that exists under `baseDir` is a path (a file, or a folder with a `package.json`
 * `main` or an `index.js`); anything else is a package name, resolved as Node's `require` would
 * from `baseDir`. Throws with a sentence when there is no such module.
 */
export function resolvePluginModule(module: string, baseDir: string): string {
    const asPath = module.startsWith('.') || isAbsolute(module) || existsSync(resolve(baseDir, module));
    const require = createRequire(join(baseDir, 'package.json'));
    try {
        return require.resolve(asPath ? resolve(baseDir, module) : module);
    } catch {
        const looked = asPath ? `no file ${resolve(baseDir, module)} (nor .js, nor a folder with package.json or index.js)` : `no package '${module}' is installed where ${baseDir} can see it`;
        throw new Error(`cannot find the module: ${looked}`);
    }
}

/** How long a module may take to load (an ES module's top-level `await` could wait for ever). */
export const PLUGIN_LOAD_TIMEOUT_MS = 30_000;

/** The module's exports, or a rejection when it throws or takes longer than `timeoutMs` to load. */
async function importWithin(path: string, timeoutMs: number): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`it did not finish loading within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    try {
        return await Promise.race([import(pathToFileURL(path).href), late]);
    } finally {
        clearTimeout(timer);
    }
}

/**
 * Loads one plugin module (CommonJS or ES module) and installs its plugin into `registry`. Never
 * throws: a module that is missing, fails or hangs while loading, has the wrong shape or API
 * version, or registers a taken id comes back as a `PluginFailure`, and the registry is left as it was.
 */
export async function loadPlugin(registry: Registry, module: string, baseDir: string, timeoutMs = PLUGIN_LOAD_TIMEOUT_MS): Promise<LoadedPlugin | PluginFailure> {
    let path: string;
    try {
        path = resolvePluginModule(module, baseDir);
    } catch (error) {
        return { module, reason: reasonOf(error) };
    }
    let exported: unknown;
    try {
        exported = await importWithin(path, timeoutMs);
    } catch (error) {
        return { module, path, reason: `loading it failed: ${reasonOf(error)}` };
    }
    try {
        const installed = installPlugin(registry, exported);
        return { module, path, id: installed.id, registration: installed };
    } catch (error) {
        return { module, path, reason: reasonOf(error) };
    }
}

/** Loads plugin modules in order (see `loadPlugin`); the ones installed and the ones that failed. */
export async function loadPlugins(registry: Registry, modules: readonly string[], baseDir: string): Promise<{ loaded: LoadedPlugin[]; failures: PluginFailure[] }> {
    const loaded: LoadedPlugin[] = [];
    const failures: PluginFailure[] = [];
    for (const module of modules) {
        const result = await loadPlugin(registry, module, baseDir);
        if ('registration' in result) loaded.push(result);
        else failures.push(result);
    }
    return { loaded, failures };
}
