/**
 * The server core's LSP handlers: document sync, diagnostics, settings, and NIRmesh's own requests.
 * (Editing features live in `features/` and see only `ServerContext`.)
 *
 * Architecture invariants:
 * - Every handler is wrapped by `guard`/`guardNotification`: one failing handler answers with an
 *   error or logs, and never ends the process.
 * - Handlers publish only what the document store accepted; they never decide staleness themselves.
 * - Custom requests are declared in `protocol.ts` and take and return plain JSON.
 */
export { registerDocumentSync, WATCHED_FILES } from './document-sync.js';
export { registerDiagnostics, snapshotDiagnostics } from './diagnostics.js';
export { registerMapRequest } from './map-request.js';
export { registerRunRequests } from './run-request.js';
export { registerExportRequest } from './export-request.js';
export { registerConfiguration } from './configuration.js';
export { registerPluginHost, reloadPlugins } from './plugin-host.js';
export { registerCodeLensRefresh } from './code-lens-refresh.js';
export type { ServerCore } from './server-core.js';
