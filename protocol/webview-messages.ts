import type { PlacementViewData } from './placement-view.js';

/**
 * Messages between a webview and the extension. A webview posts `ready` once its script runs and
 * its listener is attached; the extension posts nothing before that (messages sent earlier are lost).
 */

/** Webview → extension: the script is listening. */
export interface ReadyMessage {
    readonly kind: 'ready';
}

/** Webview → extension: show this node (by NIR path) in the editor. */
export interface RevealMessage {
    readonly kind: 'reveal';
    readonly path: string;
}

/** Everything a webview posts to the extension. */
export type FromWebviewMessage = ReadyMessage | RevealMessage;

/** Extension → placement view: draw this (replaces what is shown). */
export interface ShowPlacementMessage {
    readonly kind: 'show';
    /** The document shown (kept in the view's state for a window reload). */
    readonly uri: string;
    readonly data: PlacementViewData;
}

/** Extension → placement view: the editor's cursor is in this node (null: in none). */
export interface SelectNodeMessage {
    readonly kind: 'select';
    readonly path: string | null;
}

/** Everything the extension posts to the placement view. */
export type ToPlacementViewMessage = ShowPlacementMessage | SelectNodeMessage;

/** The placement view's webview state (`vscode.setState`), restored after a reload. */
export interface PlacementViewState {
    /** The document the view shows, so that the extension can map it again after a window reload. */
    readonly uri: string;
    readonly data: PlacementViewData | null;
    readonly selected: string | null;
}

/** The view type of the placement webview panel (`registerWebviewPanelSerializer`). */
export const PLACEMENT_VIEW_TYPE = 'nirmesh.placement';

/** True when a value posted by a webview is a message the extension understands. */
export function isFromWebviewMessage(value: unknown): value is FromWebviewMessage {
    if (typeof value !== 'object' || value === null) return false;
    const message = value as { kind?: unknown; path?: unknown };
    return message.kind === 'ready' || (message.kind === 'reveal' && typeof message.path === 'string');
}
