import { CodeLensRefreshRequest, type ClientCapabilities } from 'vscode-languageserver';
import { DocumentState } from '../server-context.js';
import type { ServerCore } from './server-core.js';

/**
 * Asks the client to request code lenses again (`workspace/codeLens/refresh`) whenever a document
 * reaches the mapped state, so that cost lenses show the mapping's PEs, SRAM and router entries
 * instead of the neuron counts they showed before. Only for clients that announce
 * `workspace.codeLens.refreshSupport`; a failed request is logged, nothing more.
 */
export function registerCodeLensRefresh(core: ServerCore, capabilities: () => ClientCapabilities): void {
    const { connection, store, log } = core;
    store.onSnapshot((snapshot) => {
        if (snapshot.state !== DocumentState.Mapped || capabilities().workspace?.codeLens?.refreshSupport !== true) return;
        connection.sendRequest(CodeLensRefreshRequest.type).catch((error: unknown) => {
            log.error(`nirmesh: workspace/codeLens/refresh failed: ${error instanceof Error ? error.message : String(error)}`);
        });
    });
}
