import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { NIR_LANGUAGE_ID, PLUGINS_INIT_OPTION, SPEC_LANGUAGE_ID, type PluginHostParams } from '../../protocol/index.js';

/**
 * The language client: runs the bundled server (`dist/server.cjs`) in a Node process over IPC,
 * for `nir-yaml` documents and `.nir` files. It watches no files itself: the server registers
 * `**\/*.nir` and `**\/*.npy` watchers dynamically (`client/registerCapability`), which VS Code's
 * client supports, so each change reaches the server once. `plugins` says, at start, whether the
 * workspace is trusted and which plugin modules other extensions registered.
 */
export function createLanguageClient(context: vscode.ExtensionContext, plugins: () => PluginHostParams): LanguageClient {
    const module = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { language: SPEC_LANGUAGE_ID },
            { language: NIR_LANGUAGE_ID, scheme: 'file' },
            { scheme: 'file', pattern: '**/*.nir' },
        ],
        initializationOptions: () => ({ [PLUGINS_INIT_OPTION]: plugins() }),
    };
    return new LanguageClient('nirmesh', 'NIRmesh', serverOptions, clientOptions);
}
