/**
 * The NIRmesh language server: wiring of documents, scheduling, diagnostics, settings, the custom
 * requests and the editing features, for any LSP client (`nirmesh lsp --stdio`, the extension).
 *
 * Architecture invariants:
 * - server/ is the only code that speaks LSP, and `convert/` the only code that turns spans into positions.
 * - The engine is used through its façade (`engine/src/index.ts`); it does no I/O, the server reads files.
 * - Every handler is guarded; nothing a client sends or a document contains ends the process.
 * - Work for a stale document version is cancelled, and its results are dropped, never published.
 * - Editing features see only `ServerContext` (server-context.ts) and register through `FEATURES`.
 */
import { dirname, resolve } from 'node:path';
import { realpathSync } from 'node:fs';
import { stdioTransport } from './stdio-transport.js';
import {
    createConnection,
    IPCMessageReader,
    IPCMessageWriter,
    MessageType,
    ShowMessageNotification,
    ProposedFeatures,
    TextDocumentSyncKind,
    type ClientCapabilities,
    type Connection,
    type ServerCapabilities,
} from 'vscode-languageserver/node';
import { createEngine, type Engine } from '../../engine/src/index.js';
import type { Feature, ServerContext } from './server-context.js';
import { FEATURES } from './features/index.js';
import { DocumentStore, LoadCache, Pipeline } from './documents/index.js';
import { Scheduler } from './scheduler.js';
import { SettingsSource } from './settings.js';
import { createDocsLink } from './convert/index.js';
import { guard } from './guard.js';
import {
    registerCodeLensRefresh, registerConfiguration, registerDiagnostics, registerDocumentSync, registerMapRequest, registerRunRequests, registerExportRequest, registerPluginHost,
    type ServerCore,
} from './handlers/index.js';
import { WorkspacePlugins } from './plugins/index.js';
import { EXPORT_REQUEST, MAP_METHOD, RUN_REQUEST, SAVE_TRACE_REQUEST, TRACE_CHUNK_REQUEST } from '../../protocol/index.js';
import { WorkerNirReader, type WorkerReaderLimits } from '../../host/nir-reader/index.js';

/** How to start a server. */
export interface ServerOptions {
    /** The installation folder (holding `docs/`), for the diagnostics' docs links. */
    readonly rootDir: string;
    /** The editing features; `FEATURES` by default (tests pass their own). */
    readonly features?: readonly Feature[];
    readonly engine?: Engine;
    /** The `.nir` reader worker script (dist/nir-read-worker.cjs); without it `.nir` files are read on this thread. */
    readonly nirReadWorker?: string;
    /** The reader worker's bounds (`readerLimitsFromEnv`); the defaults otherwise. */
    readonly nirReadLimits?: WorkerReaderLimits;
}

/** What the core itself offers in `initialize`; features add theirs. */
const CORE_CAPABILITIES: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    experimental: { nirmesh: { requests: [MAP_METHOD, RUN_REQUEST, TRACE_CHUNK_REQUEST, SAVE_TRACE_REQUEST, EXPORT_REQUEST] } },
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(into: Record<string, unknown>, from: Record<string, unknown>): Record<string, unknown> {
    const out = { ...into };
    for (const [key, value] of Object.entries(from)) {
        out[key] = isPlainObject(out[key]) && isPlainObject(value) ? deepMerge(out[key], value) : value;
    }
    return out;
}

/** The `initialize` capabilities: the core's, with each feature's merged in (objects merged key by key). */
export function mergeCapabilities(features: readonly Feature[]): ServerCapabilities {
    return features.reduce<ServerCapabilities>(
        (all, feature) => deepMerge(all as Record<string, unknown>, feature.capabilities as Record<string, unknown>) as ServerCapabilities,
        CORE_CAPABILITIES,
    );
}

/** Wires every part of the server onto a connection and starts listening. */
export function startServer(connection: Connection, options: ServerOptions): void {
    const log = connection.console;
    const engine = options.engine ?? createEngine();
    const features = options.features ?? FEATURES;
    const settings = new SettingsSource(connection);
    const store = new DocumentStore();
    const nirReader = options.nirReadWorker ? new WorkerNirReader(options.nirReadWorker, options.nirReadLimits) : undefined;
    const cache = new LoadCache(engine, nirReader && ((bytes, lenient) => nirReader.read(bytes, lenient)));
    const pipeline = new Pipeline(engine, cache, log, process.env.NIRMESH_TIMING ? (line) => log.log(line) : undefined);
    const plugins = new WorkspacePlugins(engine, {
        log: (message) => log.log(message),
        error: (message) => log.error(message),
        tell: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message }),
    });
    // The first analysis waits for the first settings and the plugins they name.
    const ready = settings.ready.then(() => plugins.apply(settings.current().plugins)).then(() => undefined);
    const scheduler = new Scheduler({ store, pipeline, settings: () => settings.current(), ready, log });
    const core: ServerCore = { connection, store, scheduler, pipeline, cache, settings, docsLink: createDocsLink(options.rootDir), log, plugins };
    let clientCapabilities: ClientCapabilities = {};

    connection.onInitialize(guard(log, 'initialize', (params) => {
        clientCapabilities = params.capabilities;
        settings.initialize(params);
        plugins.initialize(params);
        return { capabilities: mergeCapabilities(features), serverInfo: { name: 'nirmesh' } };
    }));
    connection.onShutdown(() => {
        scheduler.dispose();
        nirReader?.dispose();
    });
    registerConfiguration(core, () => clientCapabilities);
    registerPluginHost(core);
    const documents = registerDocumentSync(core);
    registerDiagnostics(core);
    registerCodeLensRefresh(core, () => clientCapabilities);
    registerMapRequest(core);
    registerRunRequests(core, engine);
    registerExportRequest(core, engine);

    const ctx: ServerContext = {
        connection,
        engine,
        settings: () => settings.current(),
        current: (uri) => store.current(uri),
        textDocument: (uri) => (store.input(uri)?.format === 'spec' ? documents.get(uri) : undefined),
        whenReady: (uri, state, token) => scheduler.whenReady(uri, state, token),
        docsLink: core.docsLink,
    };
    for (const feature of features) {
        try {
            feature.register(ctx);
        } catch (error) {
            log.error(`nirmesh: feature ${feature.id} failed to register: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
    connection.listen();
}

/** The transports a Node process can serve: stdio (any editor) or Node IPC (VS Code's default). */
export type NodeTransport = 'stdio' | 'node-ipc';

/**
 * A connection over this process's stdio or IPC channel. In stdio mode `console` output goes to
 * stderr (stdout carries the protocol). Unhandled errors are logged instead of ending the process.
 */
export function createNodeConnection(transport: NodeTransport): Connection {
    const stdio = transport === 'stdio' ? stdioTransport() : undefined;
    const connection = stdio
        ? createConnection(ProposedFeatures.all, stdio.reader, stdio.writer)
        : createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process));
    if (transport === 'stdio') {
        for (const level of ['log', 'info', 'warn', 'debug'] as const) console[level] = console.error;
    }
    const report = (error: unknown) => connection.console.error(`nirmesh: unhandled: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.on('unhandledRejection', report);
    process.on('uncaughtException', report);
    return connection;
}

/** The installation folder of the running bundle (`dist/server.cjs`, `dist/cli.cjs` and `bin/nirmesh.cjs` sit one level below it). */
export function installRoot(): string {
    const script = process.argv[1] ? realpathSync(process.argv[1]) : process.cwd();
    return resolve(dirname(script), '..');
}
