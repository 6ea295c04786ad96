/**
 * Node-side installation of the HDF5 filter plugins NIRmesh ships (LZF from `h5wasm-plugins`,
 * the filter h5py writes with `compression="lzf"`). The engine cannot read files itself, so the
 * CLI and the language server call `registerShippedHdf5Plugins()` before reading `.nir` files.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { registerHdf5FilterPlugins, type Hdf5FilterPlugin } from '../engine/src/index.js';

/** The plugins shipped: file name in h5wasm-plugins and the HDF5 filter id it decodes. */
const SHIPPED: readonly { readonly name: string; readonly filterId: number }[] = [{ name: 'libH5Zlzf.so', filterId: 32000 }];

let registered = false;

/** Registers the shipped plugins with the engine's HDF5 loader (once; missing plugin files are skipped). */
export function registerShippedHdf5Plugins(): void {
    if (registered) return;
    registered = true;
    const plugins: Hdf5FilterPlugin[] = [];
    for (const { name, filterId } of SHIPPED) {
        try {
            const path = moduleRequire().resolve(`h5wasm-plugins/plugins/${name}`);
            plugins.push({ name, filterId, bytes: new Uint8Array(readFileSync(path)) });
        } catch {
            // Not installed: files using this filter get `hdf5/unsupported-filter`.
        }
    }
    registerHdf5FilterPlugins(plugins);
}

function moduleRequire(): NodeJS.Require {
    // The CommonJS bundles (and vitest) have \`require\`, resolving from the installed package. Plain
    // ESM runs resolve from the working directory (\`import.meta\` would break the CommonJS bundles).
    return typeof require === 'function' ? require : createRequire(`${process.cwd()}/`);
}
