/**
 * The placement view's entry point, in a VS Code webview and in the standalone page of
 * `nirmesh map --html` alike.
 *
 * Architecture invariants:
 * - Renders plain data (protocol/ wire types); of the project it imports only protocol/ (lint).
 * - Every text reaches the DOM through `textContent` (dom.ts); nothing is parsed as markup.
 * - ELK runs in a Web Worker started from a `blob:` URL; layouts are cached by graph structure.
 * - In a webview: restores its saved state first, then posts `ready`; the extension sends nothing before.
 */
import { PlacementApp } from './placement-app.js';
import { connectHost } from './host-bridge.js';

const host = connectHost();
const app = new PlacementApp(host);
const saved = host.load();
app.remember(saved?.layout ?? null, saved?.expanded);
if (saved?.data) void app.show(saved.uri, saved.data, saved.selected);
host.onMessage((message) => {
    if (message.kind === 'show') void app.show(message.uri, message.data);
    else app.selectPath(message.path);
});
host.post({ kind: 'ready' });
(window as unknown as { nirmeshPlacement: PlacementApp }).nirmeshPlacement = app;
