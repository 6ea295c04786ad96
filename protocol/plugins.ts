/**
 * What the editor tells the language server about engine plugins (docs/plugins.md). The modules
 * named in the `nirmesh.plugins` setting reach the server with the other settings; these are the
 * rest: whether the workspace is trusted (VS Code's `workspace.isTrusted`) and the modules other
 * extensions handed over. Sent in `initializationOptions.plugins` and, on every change, as the
 * `nirmesh/plugins` notification.
 */
export interface PluginHostParams {
    /** True when the user trusts the workspace; the server loads no plugin module otherwise. */
    readonly trusted: boolean;
    /** Absolute paths of plugin modules that other extensions registered. */
    readonly modules: readonly string[];
}

/** The notification that carries a changed `PluginHostParams`. */
export const PLUGINS_NOTIFICATION = 'nirmesh/plugins';

/** The key of `PluginHostParams` in the server's `initializationOptions`. */
export const PLUGINS_INIT_OPTION = 'plugins';
