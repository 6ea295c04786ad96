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
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { registerCommands } from './commands.js';
import { createLanguageClient } from './language-client.js';

let client: LanguageClient | undefined;

/** Starts the language server and registers the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
    client = createLanguageClient(context);
    context.subscriptions.push(...registerCommands(client, context.extensionUri));
    await client.start();
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
    const running = client;
    client = undefined;
    await running?.stop();
}
