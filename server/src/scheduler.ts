import { CancellationTokenSource, type CancellationToken } from 'vscode-languageserver';
import { DocumentState, type DocumentSnapshot, type ServerSettings } from './server-context.js';
import type { DocumentStore } from './documents/document-store.js';
import type { Pipeline } from './documents/pipeline.js';
import { isCancellation, type GuardLog } from './guard.js';

/**
 * With `mapOn: idle`, how long a checked version must stay unedited before it is mapped: longer
 * than the pauses between keystrokes, so that mapping stays off the as-you-type path.
 */
export const MAP_IDLE_MS = 1000;

/** Why a document needs work. */
export type Trigger = 'open' | 'edit' | 'save' | 'refresh';

/** What the scheduler needs from the rest of the server. */
export interface SchedulerDeps {
    readonly store: DocumentStore;
    readonly pipeline: Pipeline;
    readonly settings: () => ServerSettings;
    /** Resolves once the first settings are known; no analysis starts before. */
    readonly ready: Promise<void>;
    readonly log: GuardLog;
}

interface Run {
    readonly generation: number;
    readonly source: CancellationTokenSource;
}

/**
 * Decides when each document is analysed (the yaml-language-server debounce and Langium's
 * "newest write cancels the previous one", per URI):
 * - an edit cancels the document's in-flight work at once and starts a new run after
 *   `validationDelayMs` of quiet; opening, saving and settings changes start at once;
 * - a run goes to `Checked` (fast checks) or, when `mapOn` says so or somebody waits for it, on to
 *   `Mapped`: by default (`idle`) once the checked version has been left alone for `MAP_IDLE_MS`
 *   and on save; or on save only, on every change, or only on request;
 * - results of a run whose generation is no longer current are dropped by the store;
 * - after an edit, the last mapping's problems stay in view (moved to the new text) until the next mapping;
 * - a wait for a state (`whenReady`) skips the remaining debounce.
 * Every decision is taken in `pump`, so the rules are in one place.
 */
export class Scheduler {
    private readonly runs = new Map<string, Run>();
    private readonly timers = new Map<string, NodeJS.Timeout>();
    /** Documents whose mapping is wanted for their current input (saved, or waited for). */
    private readonly mapWanted = new Set<string>();
    private filesEpoch = 0;
    private disposed = false;

    constructor(private readonly deps: SchedulerDeps) {}

    /** A document was opened, edited, saved or needs re-checking; `store` already holds its newest input. */
    schedule(uri: string, trigger: Trigger): void {
        if (trigger === 'edit' || trigger === 'open') this.mapWanted.delete(uri);
        const mapOn = this.deps.settings().mapOn;
        if (trigger === 'save' && (mapOn === 'save' || mapOn === 'idle')) this.mapWanted.add(uri);
        this.clearTimer(uri);
        const delay = trigger === 'edit' ? this.deps.settings().validationDelayMs : 0;
        if (trigger !== 'save') this.cancelStale(uri);
        if (delay > 0) this.timers.set(uri, setTimeout(() => this.timerFired(uri), delay));
        else this.pump(uri);
    }

    /**
     * Documents need re-checking with unchanged text: settings changed, or (`filesChanged`) files
     * they may refer to changed on disk, which also makes the next load re-read references.
     */
    refresh(uris: readonly string[], filesChanged = false): void {
        if (filesChanged) this.filesEpoch++;
        for (const uri of uris) {
            this.deps.store.invalidate(uri);
            this.schedule(uri, 'refresh');
        }
    }

    /**
     * Resolves once the newest version of the document reaches `state` (see `ServerContext.whenReady`).
     * Skips the debounce; asking for `Mapped` makes the mapping run whatever `mapOn` says.
     */
    whenReady(uri: string, state: DocumentState, token?: CancellationToken): Promise<DocumentSnapshot | undefined> {
        const ready = this.deps.store.ready(uri, state);
        if (ready) return Promise.resolve(ready);
        if (state >= DocumentState.Mapped && this.deps.store.input(uri)) this.mapWanted.add(uri);
        if (this.timers.has(uri)) this.clearTimer(uri);
        const waiting = this.deps.store.waitFor(uri, state, token);
        this.pump(uri);
        return waiting;
    }

    /** A document was closed: stop its work and forget it. */
    forget(uri: string): void {
        this.clearTimer(uri);
        this.runs.get(uri)?.source.cancel();
        this.runs.delete(uri);
        this.mapWanted.delete(uri);
    }

    /** The epoch of referenced files, for the load cache. */
    get referencedFilesEpoch(): number {
        return this.filesEpoch;
    }

    /** Stops everything (on shutdown). */
    dispose(): void {
        this.disposed = true;
        for (const uri of [...this.timers.keys(), ...this.runs.keys()]) this.forget(uri);
    }

    private goal(uri: string): DocumentState {
        const mapOn = this.deps.settings().mapOn;
        return mapOn === 'change' || this.mapWanted.has(uri) ? DocumentState.Mapped : DocumentState.Checked;
    }

    /** With `mapOn: idle`, maps a checked document once it has stayed unedited for `MAP_IDLE_MS`. */
    private mapWhenIdle(uri: string): void {
        const { store } = this.deps;
        if (this.disposed || this.deps.settings().mapOn !== 'idle' || this.timers.has(uri) || this.mapWanted.has(uri)) return;
        if (!store.ready(uri, DocumentState.Checked) || store.ready(uri, DocumentState.Mapped)) return;
        this.timers.set(uri, setTimeout(() => {
            this.timers.delete(uri);
            if (store.ready(uri, DocumentState.Checked)) this.mapWanted.add(uri);
            this.pump(uri);
        }, MAP_IDLE_MS));
    }

    private timerFired(uri: string): void {
        this.timers.delete(uri);
        this.pump(uri);
    }

    private clearTimer(uri: string): void {
        clearTimeout(this.timers.get(uri));
        this.timers.delete(uri);
    }

    /** Cancels a run working for an older generation at once (a newer edit supersedes it). */
    private cancelStale(uri: string): void {
        const run = this.runs.get(uri);
        if (run && run.generation !== this.deps.store.generation(uri)) {
            run.source.cancel();
            this.runs.delete(uri);
        }
    }

    /** Starts whatever the document needs now, if anything. */
    private pump(uri: string): void {
        const { store } = this.deps;
        if (this.disposed || this.timers.has(uri) || !store.input(uri)) return;
        this.cancelStale(uri);
        if (this.runs.has(uri)) return; // a run for the current generation reads the goal as it goes
        if (store.ready(uri, this.goal(uri))) return;
        void this.start(uri);
    }

    private async start(uri: string): Promise<void> {
        const { store, pipeline } = this.deps;
        const run: Run = { generation: store.generation(uri), source: new CancellationTokenSource() };
        this.runs.set(uri, run);
        try {
            await this.deps.ready;
            const input = store.input(uri);
            if (!input || run.source.token.isCancellationRequested) return;
            const settings = this.deps.settings();
            const mapped = store.lastMapped(uri);
            const carry = mapped && mapped.version !== input.version && mapped.result.mapping?.targetId === settings.target ? mapped : undefined;
            await pipeline.run({
                input,
                settings,
                carry,
                goal: () => this.goal(uri),
                from: store.ready(uri, DocumentState.Changed)?.state ?? DocumentState.Changed,
                filesEpoch: this.filesEpoch,
                token: run.source.token,
                emit: (snapshot) => store.accept(run.generation, snapshot),
            });
        } catch (error) {
            if (!isCancellation(error)) this.deps.log.error(`nirmesh: analysis of ${uri} failed: ${String(error)}`);
        } finally {
            run.source.dispose();
            if (this.runs.get(uri) === run) {
                this.runs.delete(uri);
                this.pump(uri); // the goal may have grown after the run's last look at it
                if (!this.runs.has(uri)) this.mapWhenIdle(uri);
            }
        }
    }
}
