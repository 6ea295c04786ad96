import {
    PLACEMENT_DATA_ELEMENT_ID, type FromWebviewMessage, type PlacementViewData, type PlacementViewState, type ToPlacementViewMessage,
} from '../../../protocol/index.js';
import type { GraphLayout } from './elk-graph.js';

/** The view's saved state: the protocol's, plus the last layout so that a reload draws without ELK, and the groups expanded. */
export interface SavedState extends PlacementViewState {
    readonly layout: GraphLayout | null;
    /** Ids of the graph's groups the user expanded (absent in states saved before there were any). */
    readonly expanded?: readonly string[];
}

/** What the view needs of its host: VS Code's webview API, or the standalone page it is embedded in. */
export interface ViewHost {
    /** True in the page of `nirmesh map --html` (no editor to reveal in). */
    readonly standalone: boolean;
    post(message: FromWebviewMessage): void;
    onMessage(listener: (message: ToPlacementViewMessage) => void): void;
    save(state: SavedState): void;
    load(): SavedState | undefined;
}

interface VsCodeApi {
    postMessage(message: unknown): void;
    getState(): unknown;
    setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The host of this page: VS Code's when `acquireVsCodeApi` exists, else the standalone page's embedded data. */
export function connectHost(): ViewHost {
    if (typeof acquireVsCodeApi === 'function') {
        const api = acquireVsCodeApi();
        return {
            standalone: false,
            post: (message) => api.postMessage(message),
            onMessage: (listener) => window.addEventListener('message', (event: MessageEvent) => {
                const message = event.data as ToPlacementViewMessage | undefined;
                if (message && (message.kind === 'show' || message.kind === 'select')) listener(message);
            }),
            save: (state) => api.setState(state),
            load: () => (api.getState() as SavedState | undefined) ?? undefined,
        };
    }
    const embedded = document.getElementById(PLACEMENT_DATA_ELEMENT_ID)?.textContent;
    const data = embedded ? (JSON.parse(embedded) as PlacementViewData) : null;
    return {
        standalone: true,
        post: () => undefined,
        onMessage: () => undefined,
        save: () => undefined,
        load: () => (data ? { uri: '', data, selected: null, layout: null } : undefined),
    };
}
