import type { CancellationToken, Disposable } from 'vscode-languageserver';
import { OperationCancelled } from '../../../engine/src/index.js';
import { DocumentState, type DocumentSnapshot } from '../server-context.js';
import type { DocumentInput } from './document-input.js';

interface Waiter {
    readonly state: DocumentState;
    readonly resolve: (snapshot: DocumentSnapshot | undefined) => void;
}

interface Entry {
    input: DocumentInput;
    /** Bumped by every new input and every invalidation; work started for an older one is stale. */
    generation: number;
    snapshot?: DocumentSnapshot;
    snapshotGeneration: number;
    /** The newest accepted snapshot that was mapped (of any version). */
    mapped?: DocumentSnapshot;
    waiters: Waiter[];
}

/** Called with every snapshot the store accepts. */
export type SnapshotListener = (snapshot: DocumentSnapshot) => void;

/**
 * The documents the server tracks: per URI the newest input, a generation counter, and the newest
 * snapshot computed for it. It decides staleness in one place: a snapshot computed for an older
 * generation (an older version, or settings since changed) is dropped, never stored or published.
 */
export class DocumentStore {
    private readonly entries = new Map<string, Entry>();
    private readonly listeners: SnapshotListener[] = [];
    private readonly closeListeners: ((uri: string) => void)[] = [];

    /** Records a new version (or opens the document); returns its generation. */
    update(input: DocumentInput): number {
        const entry = this.entries.get(input.uri);
        if (!entry) {
            this.entries.set(input.uri, { input, generation: 1, snapshotGeneration: 0, waiters: [] });
            return 1;
        }
        entry.input = input;
        return ++entry.generation;
    }

    /** Marks a document's results outdated without a new input (settings or referenced files changed). */
    invalidate(uri: string): void {
        const entry = this.entries.get(uri);
        if (entry) entry.generation++;
    }

    /** Stops tracking a document; pending waits resolve with undefined. */
    close(uri: string): void {
        const entry = this.entries.get(uri);
        if (!entry) return;
        this.entries.delete(uri);
        for (const waiter of entry.waiters) waiter.resolve(undefined);
        for (const listener of this.closeListeners) listener(uri);
    }

    /** The URIs tracked. */
    uris(): string[] {
        return [...this.entries.keys()];
    }

    /** The newest input of a document. */
    input(uri: string): DocumentInput | undefined {
        return this.entries.get(uri)?.input;
    }

    /** The current generation of a document (0 when not tracked). */
    generation(uri: string): number {
        return this.entries.get(uri)?.generation ?? 0;
    }

    /** The newest accepted snapshot (possibly of an older version than the newest input). */
    current(uri: string): DocumentSnapshot | undefined {
        return this.entries.get(uri)?.snapshot;
    }

    /** The newest mapped snapshot, possibly of an older version (its mapping problems are carried forward). */
    lastMapped(uri: string): DocumentSnapshot | undefined {
        return this.entries.get(uri)?.mapped;
    }

    /** The snapshot of the current generation when it has reached `state`, else undefined. */
    ready(uri: string, state: DocumentState): DocumentSnapshot | undefined {
        const entry = this.entries.get(uri);
        if (!entry?.snapshot || entry.snapshotGeneration !== entry.generation) return undefined;
        return entry.snapshot.state >= state ? entry.snapshot : undefined;
    }

    /**
     * Offers a snapshot computed for `generation`. Accepted (stored, announced, waiters resolved)
     * only when that generation is still current; returns whether it was.
     */
    accept(generation: number, snapshot: DocumentSnapshot): boolean {
        const entry = this.entries.get(snapshot.uri);
        if (!entry || entry.generation !== generation) return false;
        entry.snapshot = snapshot;
        entry.snapshotGeneration = generation;
        if (snapshot.state === DocumentState.Mapped) entry.mapped = snapshot;
        const waiting = entry.waiters;
        entry.waiters = waiting.filter((w) => snapshot.state < w.state);
        for (const listener of this.listeners) listener(snapshot);
        for (const waiter of waiting) if (snapshot.state >= waiter.state) waiter.resolve(snapshot);
        return true;
    }

    /**
     * Resolves with the snapshot of the newest generation once it reaches `state`; undefined when
     * the document is not tracked or gets closed. Rejects with `OperationCancelled` if the token fires.
     */
    waitFor(uri: string, state: DocumentState, token?: CancellationToken): Promise<DocumentSnapshot | undefined> {
        const entry = this.entries.get(uri);
        if (!entry) return Promise.resolve(undefined);
        const now = this.ready(uri, state);
        if (now) return Promise.resolve(now);
        if (token?.isCancellationRequested) return Promise.reject(new OperationCancelled());
        return new Promise((resolve, reject) => {
            const waiter: Waiter = {
                state,
                resolve: (snapshot) => {
                    subscription?.dispose();
                    resolve(snapshot);
                },
            };
            entry.waiters.push(waiter);
            const subscription: Disposable | undefined = token?.onCancellationRequested(() => {
                subscription?.dispose();
                entry.waiters = entry.waiters.filter((w) => w !== waiter);
                reject(new OperationCancelled());
            });
        });
    }

    /** Subscribes to accepted snapshots (the diagnostics publisher listens here). */
    onSnapshot(listener: SnapshotListener): void {
        this.listeners.push(listener);
    }

    /** Subscribes to documents being closed. */
    onClose(listener: (uri: string) => void): void {
        this.closeListeners.push(listener);
    }
}
