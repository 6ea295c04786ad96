/**
 * Engine plugins from outside the server (docs/plugins.md): the `nirmesh.plugins` setting and the
 * modules other extensions hand to the client.
 *
 * Architecture invariants:
 * - Nothing is loaded unless the client says the workspace is trusted.
 * - A plugin that fails to load is a `plugin/load-failed` problem, never a failure of the server;
 *   the engine keeps every plugin that did load, and the built-ins.
 */
export { WorkspacePlugins, type PluginReporter } from './workspace-plugins.js';
