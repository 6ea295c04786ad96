/**
 * A small LSP client for tests: spawns the built server (`node dist/server.cjs --stdio`; build
 * first with `node esbuild.mjs`) and drives it over stdio with `vscode-jsonrpc` as an editor does.
 *
 * ```ts
 * const client = LspTestClient.start({ settings: { validationDelayMs: 0 } });
 * await client.initialize();
 * client.open(uri, text);
 * const published = await client.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
 * client.change(uri, fixedText);
 * await client.waitForDiagnostics(uri, (d) => d.diagnostics.length === 0);
 * expect(await client.shutdown()).toBe(0);   // shutdown + exit; resolves with the exit code
 * ```
 *
 * Every wait is for an event (a notification, the process exiting), bounded by a timeout that
 * fails the test with what was seen; nothing sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    CancellationTokenSource,
    createMessageConnection,
    StreamMessageReader,
    StreamMessageWriter,
    type CancellationToken,
    type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
    ClientCapabilities,
    ConfigurationParams,
    InitializeResult,
    PublishDiagnosticsParams,
    TextDocumentContentChangeEvent,
} from 'vscode-languageserver';

/** The project folder (where `dist/` is). */
export const ROOT = join(import.meta.dirname, '..', '..');

/** How to start the server. */
export interface LspClientOptions {
    /** The command line; default `node dist/server.cjs --stdio`. */
    readonly command?: readonly string[];
    readonly cwd?: string;
    /** The `nirmesh` settings answered to `workspace/configuration` (change them with `setSettings`). */
    readonly settings?: Record<string, unknown>;
    /** Other configuration sections to answer (e.g. `yaml` for yaml-language-server). */
    readonly sections?: Record<string, unknown>;
    /** Default timeout of each wait, in milliseconds. */
    readonly timeoutMs?: number;
    /** Environment variables added to this process's for the server. */
    readonly env?: Record<string, string>;
}

/** One `$/progress` notification. */
export interface ProgressEvent {
    readonly token: string | number;
    readonly value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number };
}

interface DiagnosticsWaiter {
    readonly uri: string;
    readonly accept: (params: PublishDiagnosticsParams) => boolean;
    readonly resolve: (params: PublishDiagnosticsParams) => void;
}

/** The capabilities the test client announces: configuration pull, work-done progress, related information. */
export const CAPABILITIES: ClientCapabilities = {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
    window: { workDoneProgress: true },
    textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    },
};

/** A language-server process and a JSON-RPC connection to it. */
export class LspTestClient {
    /** Every `textDocument/publishDiagnostics`, in arrival order. */
    readonly published: PublishDiagnosticsParams[] = [];
    /** Every `$/progress`, in arrival order. */
    readonly progress: ProgressEvent[] = [];
    /** The server's log messages (`window/logMessage`) and stderr, for failure messages. */
    readonly log: string[] = [];
    /** Every request the server sent that the client answers with null (registrations, refreshes), in arrival order. */
    readonly serverRequests: { readonly method: string; readonly params: unknown }[] = [];
    private requestWaiters: { readonly method: string; readonly resolve: (params: unknown) => void }[] = [];
    private progressWaiters: { readonly accept: (event: ProgressEvent) => boolean; readonly resolve: (event: ProgressEvent) => void }[] = [];
    private readonly versions = new Map<string, number>();
    private waiters: DiagnosticsWaiter[] = [];
    private settings: Record<string, unknown>;
    private readonly exited: Promise<number | null>;
    private exitCode: number | null | undefined;

    private constructor(
        readonly process: ChildProcess,
        readonly connection: MessageConnection,
        private readonly timeoutMs: number,
        settings: Record<string, unknown>,
        sections: Record<string, unknown>,
    ) {
        this.settings = settings;
        this.exited = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
        void this.exited.then((code) => (this.exitCode = code));
        process.stderr?.on('data', (chunk: Buffer) => this.log.push(chunk.toString()));
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            this.published.push(params);
            const ready = this.waiters.filter((w) => w.uri === params.uri && w.accept(params));
            this.waiters = this.waiters.filter((w) => !ready.includes(w));
            for (const waiter of ready) waiter.resolve(params);
        });
        connection.onNotification('$/progress', (params: ProgressEvent) => {
            this.progress.push(params);
            const ready = this.progressWaiters.filter((w) => w.accept(params));
            this.progressWaiters = this.progressWaiters.filter((w) => !ready.includes(w));
            for (const waiter of ready) waiter.resolve(params);
        });
        connection.onNotification('window/logMessage', (params: { message: string }) => void this.log.push(`${params.message}\n`));
        connection.onRequest('workspace/configuration', (params: ConfigurationParams) =>
            params.items.map((item) => (item.section === 'nirmesh' ? this.settings : (sections[item.section ?? ''] ?? null))),
        );
        for (const method of ['client/registerCapability', 'window/workDoneProgress/create', 'workspace/codeLens/refresh']) {
            connection.onRequest(method, (params: unknown) => {
                this.serverRequests.push({ method, params });
                const ready = this.requestWaiters.filter((w) => w.method === method);
                this.requestWaiters = this.requestWaiters.filter((w) => w.method !== method);
                for (const waiter of ready) waiter.resolve(params);
                return null;
            });
        }
        connection.listen();
    }

    /** Spawns the server and connects to it (call `initialize` next). */
    static start(options: LspClientOptions = {}): LspTestClient {
        const [command, ...args] = options.command ?? ['node', join(ROOT, 'dist', 'server.cjs'), '--stdio'];
        const child = spawn(command, args, { cwd: options.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
        if (!child.stdout || !child.stdin) throw new Error('could not open the server process pipes');
        const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
        return new LspTestClient(child, connection, options.timeoutMs ?? 20_000, options.settings ?? {}, options.sections ?? {});
    }

    /** Sends `initialize` (with this process as the client, and any other `params`, such as `initializationOptions`) and `initialized`. */
    async initialize(capabilities: ClientCapabilities = CAPABILITIES, params: Record<string, unknown> = {}): Promise<InitializeResult> {
        const result = await this.request<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities, ...params });
        await this.connection.sendNotification('initialized', {});
        return result;
    }

    /** Replaces the settings and tells the server they changed. */
    async setSettings(settings: Record<string, unknown>): Promise<void> {
        this.settings = settings;
        await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { nirmesh: settings } });
    }

    /** Opens a document (`nir-yaml` unless said otherwise) at version 1. */
    open(uri: string, text: string, languageId = 'nir-yaml', version = 1): void {
        this.versions.set(uri, version);
        void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    }

    /** Sends the next version: a whole new text, or incremental changes. Returns the new version. */
    change(uri: string, change: string | TextDocumentContentChangeEvent[]): number {
        const version = (this.versions.get(uri) ?? 0) + 1;
        this.versions.set(uri, version);
        const contentChanges = typeof change === 'string' ? [{ text: change }] : change;
        void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
        return version;
    }

    save(uri: string): void {
        void this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    }

    close(uri: string): void {
        void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }

    /** The newest version sent for a document. */
    version(uri: string): number | undefined {
        return this.versions.get(uri);
    }

    /**
     * Resolves with the diagnostics published for `uri` that satisfy `predicate`: the newest ones
     * already received if they do, else the next that arrive. By default only publications for the
     * newest version sent count (for `.nir` files, which have no version, any publication).
     */
    waitForDiagnostics(
        uri: string,
        predicate: (params: PublishDiagnosticsParams) => boolean = () => true,
        timeoutMs = this.timeoutMs,
    ): Promise<PublishDiagnosticsParams> {
        const accept = (params: PublishDiagnosticsParams) => {
            const newest = this.versions.get(uri);
            const current = params.version === undefined || newest === undefined || params.version === newest;
            return current && predicate(params);
        };
        const latest = this.published.filter((p) => p.uri === uri).at(-1);
        if (latest && accept(latest)) return Promise.resolve(latest);
        return this.bounded(`diagnostics for ${uri}`, timeoutMs, (resolve) => {
            this.waiters.push({ uri, accept, resolve });
        });
    }

    /** Resolves with the params of the next request `method` (e.g. `workspace/codeLens/refresh`) the server sends from now on. */
    nextServerRequest(method: string, timeoutMs = this.timeoutMs): Promise<unknown> {
        return this.bounded(`a ${method} request from the server`, timeoutMs, (resolve) => {
            this.requestWaiters.push({ method, resolve });
        });
    }

    /** Resolves with the first `$/progress` (already received or to come) that satisfies `accept`. */
    waitForProgress(accept: (event: ProgressEvent) => boolean, timeoutMs = this.timeoutMs): Promise<ProgressEvent> {
        const seen = this.progress.find(accept);
        if (seen) return Promise.resolve(seen);
        return this.bounded('a $/progress notification', timeoutMs, (resolve) => {
            this.progressWaiters.push({ accept, resolve });
        });
    }

    /** Resolves with the next diagnostics published for `uri` from now on (for servers that send no version). */
    nextDiagnostics(uri: string, timeoutMs = this.timeoutMs): Promise<PublishDiagnosticsParams> {
        return this.bounded(`new diagnostics for ${uri}`, timeoutMs, (resolve) => {
            this.waiters.push({ uri, accept: () => true, resolve });
        });
    }

    /** The server process's resident memory now and at its peak, in MiB (Linux `/proc`; undefined elsewhere). */
    memoryMiB(): { rss: number; peak: number } | undefined {
        try {
            const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
            const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
            return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
        } catch {
            return undefined;
        }
    }

    /** Sends a request; pass a token to cancel it (`$/cancelRequest`). */
    request<R>(method: string, params: unknown, token?: CancellationToken): Promise<R> {
        return token ? this.connection.sendRequest<R>(method, params, token) : this.connection.sendRequest<R>(method, params);
    }

    /** A token source for `request`. */
    cancellable(): CancellationTokenSource {
        return new CancellationTokenSource();
    }

    /** Sends `shutdown` and `exit`, then resolves with the process's exit code once it has ended. */
    async shutdown(timeoutMs = this.timeoutMs): Promise<number | null> {
        await this.request('shutdown', undefined);
        await this.connection.sendNotification('exit');
        const code = await this.bounded<number | null>('the server process to exit', timeoutMs, (resolve) => void this.exited.then(resolve), false);
        this.connection.dispose();
        return code;
    }

    /** True once the server process has ended. */
    get hasExited(): boolean {
        return this.exitCode !== undefined;
    }

    /** Ends the process if a test left it running (for `afterEach`). */
    dispose(): void {
        this.connection.dispose();
        if (!this.hasExited) this.process.kill();
    }

    private bounded<T>(what: string, timeoutMs: number, start: (resolve: (value: T) => void) => void, failOnExit = true): Promise<T> {
        return new Promise<T>((resolve, reject) => {
            const timer = setTimeout(() => {
                const seen = JSON.stringify(this.published.slice(-3), null, 1);
                reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last published: ${seen}\nserver log:\n${this.log.join('')}`));
            }, timeoutMs);
            void this.exited.then((code) => {
                if (!failOnExit) return;
                clearTimeout(timer);
                reject(new Error(`the server exited (code ${code}) while waiting for ${what}\nserver log:\n${this.log.join('')}`));
            });
            start((value) => {
                clearTimeout(timer);
                resolve(value);
            });
        });
    }
}
