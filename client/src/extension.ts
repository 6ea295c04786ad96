/**
 * The NIRmesh VS Code extension: a thin client. It starts the language server and registers the
 * commands; every check, mapping and report is computed by the server.
 *
 * Architecture invariants:
 * - No engine code runs here: of the project the client imports only `protocol/` (names, wire
 *   types and typed requests), never the engine or the server (lint rule; a test checks the bundle).
 * - Settings are read by the server (`workspace/configuration`); the client writes them only when
 *   the user picks a target.
 * - The placement view is a webview (client/webviews/placement/) that renders the wire data of
 *   `nirmesh/map`; its panel posts nothing before the page's `ready` or after it is disposed.
 * - Conversions run the bundled CLI in a child process; the extension host never runs the engine.
 * - Engine plugins load in the server, never here: `activate` returns the API through which other
 *   extensions name plugin modules, and the client passes them on with the workspace's trust.
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { registerCommands } from './commands.js';
import { createLanguageClient } from './language-client.js';
import { ExtensionPlugins, type NirmeshExtensionApi } from './extension-plugins.js';
import { PLUGINS_NOTIFICATION } from '../../protocol/index.js';

let client: LanguageClient | undefined;

/** Starts the language server and registers the commands; returns the API for other extensions (docs/plugins.md). */
export async function activate(context: vscode.ExtensionContext): Promise<NirmeshExtensionApi> {
    const plugins = new ExtensionPlugins();
    const started = createLanguageClient(context, () => plugins.params());
    client = started;
    context.subscriptions.push(...registerCommands(started, context.extensionUri), plugins);
    await started.start();
    plugins.connect((params) => void started.sendNotification(PLUGINS_NOTIFICATION, params));
    return plugins.api();
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
    const running = client;
    client = undefined;
    await running?.stop();
}
