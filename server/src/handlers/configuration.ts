import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, type ClientCapabilities } from 'vscode-languageserver';
import { guardNotification } from '../guard.js';
import { WATCHED_FILES } from './document-sync.js';
import type { ServerCore } from './server-core.js';
import { reloadPlugins } from './plugin-host.js';

/**
 * Settings and watched files: on `workspace/didChangeConfiguration` the settings are read again
 * and, when they changed, every document is re-checked (reading is redone only where the
 * settings matter to it, e.g. `lenientNir` for `.nir` files). After `initialized`, asks the client
 * to send configuration changes and to watch `.nir`/`.npy` files, where it allows dynamic registration.
 */
export function registerConfiguration(core: ServerCore, capabilities: () => ClientCapabilities): void {
    const { connection, settings, scheduler, store, log } = core;
    connection.onInitialized(guardNotification(log, 'initialized', async () => {
        const started = settings.start(); // first, so that a failing registration cannot hold analysis back
        const workspace = capabilities().workspace;
        if (workspace?.didChangeConfiguration?.dynamicRegistration) {
            await connection.client.register(DidChangeConfigurationNotification.type, { section: 'nirmesh' });
        }
        if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
            await connection.client.register(DidChangeWatchedFilesNotification.type, {
                watchers: WATCHED_FILES.map((globPattern) => ({ globPattern })),
            });
        }
        await started;
    }));
    connection.onDidChangeConfiguration(guardNotification(log, 'didChangeConfiguration', async (params) => {
        if (!(await settings.changed(params.settings))) return;
        await reloadPlugins(core);
        scheduler.refresh(store.uris());
    }));
}
