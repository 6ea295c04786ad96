import { toDiagnostics } from '../convert/index.js';
import { DocumentState, type DocumentSnapshot } from '../server-context.js';
import type { ServerCore } from './server-core.js';

/** The diagnostics of a snapshot (and of plugins that failed to load), as published and as returned in reports. */
export function snapshotDiagnostics(core: Pick<ServerCore, 'docsLink' | 'plugins'>, snapshot: DocumentSnapshot) {
    const problems = [...core.plugins.problems(), ...snapshot.problems];
    return toDiagnostics(problems, { uri: snapshot.uri, textDocument: snapshot.textDocument, docsLink: core.docsLink });
}

/**
 * Publishes diagnostics from the document store's events (Langium's way: the pipeline never
 * publishes itself). Each accepted snapshot that has been checked is published with its version;
 * the store has already dropped stale ones. A closed document's diagnostics are cleared.
 */
export function registerDiagnostics(core: ServerCore): void {
    const { connection, store } = core;
    store.onSnapshot((snapshot) => {
        if (snapshot.state < DocumentState.Checked) return;
        const version = snapshot.format === 'spec' ? snapshot.version : undefined;
        void connection.sendDiagnostics({ uri: snapshot.uri, version, diagnostics: snapshotDiagnostics(core, snapshot) });
    });
    store.onClose((uri) => void connection.sendDiagnostics({ uri, diagnostics: [] }));
}
