/**
 * The protocol: the one place the VS Code client, the webviews and the language server share. It
 * holds the names (language ids, command ids, request methods) and the wire types of everything
 * that crosses a process or a webview boundary, as plain JSON.
 *
 * Architecture invariants:
 * - Imports nothing of the project (no engine, server, client, cli or host) and nothing of `vscode`;
 *   of npm only `vscode-languageserver-protocol`'s `RequestType`, in `requests.ts` alone (not
 *   re-exported here), so the server and the webviews bundle none of it.
 * - Wire types are explicit: every field is written here, optional engine values become `null`, so
 *   an engine change cannot silently change the wire; the server and the CLI convert at their edge.
 * - Every wire value survives `JSON.parse(JSON.stringify(v))` unchanged.
 */
export * from './language.js';
export * from './commands.js';
export * from './document-request.js';
export * from './placement.js';
export * from './graph.js';
export * from './map.js';
export * from './placement-view.js';
export * from './webview-messages.js';
export * from './run.js';
export * from './export.js';
export * from './trace-view.js';
export * from './plugins.js';
