import { FileChangeType, TextDocuments, type DidChangeWatchedFilesParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentFormat, readNirInput, specInput } from '../documents/index.js';
import type { Trigger } from '../scheduler.js';
import { guardNotification } from '../guard.js';
import type { ServerCore } from './server-core.js';

/** Files a spec may refer to with `{file: …}`. */
const REFERENCED_FILE = /\.(npy|nir)$/i;

/** The watched-file patterns the server registers for, where the client allows it. */
export const WATCHED_FILES = ['**/*.nir', '**/*.npy'];

/**
 * Keeps the document store in step with the editor and the disk:
 * - `*.nir.yaml` documents through `TextDocuments` (incremental sync): open, change, save, close;
 * - `.nir` files by URI: their bytes are read from disk when the editor opens or saves them and
 *   when a watched-file event reports them created or changed (so a `.nir` file gets diagnostics
 *   without being open); deleted or closed, they are forgotten and their diagnostics cleared;
 * - any other watched file (`.npy`, a referenced `.nir`) re-checks the open specs, which may refer to it.
 */
export function registerDocumentSync(core: ServerCore): TextDocuments<TextDocument> {
    const { connection, store, scheduler, log } = core;
    const documents = new TextDocuments(TextDocument);
    /** The newest read requested per `.nir` URI; a slower, older read must not overwrite a newer one. */
    const nirReads = new Map<string, number>();

    const readNir = async (uri: string, trigger: Trigger) => {
        const version = Math.max(nirReads.get(uri) ?? 0, store.input(uri)?.version ?? 0) + 1;
        nirReads.set(uri, version);
        const input = await readNirInput(uri, version);
        if (nirReads.get(uri) !== version) return;
        store.update(input);
        scheduler.schedule(uri, trigger);
    };
    const forget = (uri: string) => {
        nirReads.delete(uri);
        scheduler.forget(uri);
        core.cache.forget(uri);
        store.close(uri);
    };

    documents.onDidOpen(guardNotification(log, 'didOpen', async ({ document }) => {
        const format = documentFormat(document.uri, document.languageId);
        if (format === 'nir') return readNir(document.uri, 'open');
        if (format !== 'spec') return;
        store.update(specInput(document));
        scheduler.schedule(document.uri, 'open');
    }));
    documents.onDidChangeContent(guardNotification(log, 'didChange', ({ document }) => {
        const input = store.input(document.uri);
        if (input?.format !== 'spec' || input.version === document.version) return; // not ours, or the open just seen
        store.update(specInput(document));
        scheduler.schedule(document.uri, 'edit');
    }));
    documents.onDidSave(guardNotification(log, 'didSave', async ({ document }) => {
        const input = store.input(document.uri);
        if (input?.format === 'nir') return readNir(document.uri, 'save');
        if (input) scheduler.schedule(document.uri, 'save');
    }));
    documents.onDidClose(guardNotification(log, 'didClose', ({ document }) => forget(document.uri)));
    documents.listen(connection);

    connection.onDidChangeWatchedFiles(guardNotification(log, 'didChangeWatchedFiles', async (params: DidChangeWatchedFilesParams) => {
        const reads: Promise<void>[] = [];
        for (const change of params.changes) {
            if (documentFormat(change.uri) !== 'nir' || documents.get(change.uri)) continue; // open documents follow the editor
            if (change.type === FileChangeType.Deleted) forget(change.uri);
            else reads.push(readNir(change.uri, 'save'));
        }
        if (params.changes.some((change) => REFERENCED_FILE.test(change.uri))) {
            scheduler.refresh(store.uris().filter((uri) => store.input(uri)?.format === 'spec'), true);
        }
        await Promise.all(reads);
    }));
    return documents;
}
