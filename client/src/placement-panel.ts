import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import {
    PLACEMENT_ASSETS, PLACEMENT_VIEW_TYPE, isFromWebviewMessage,
    type FromWebviewMessage, type PlacementViewData, type ToPlacementViewMessage,
} from '../../protocol/index.js';
import { placementPageHtml } from '../webviews/placement/placement-page.js';

/**
 * One placement webview panel, for one document. It posts nothing before the page says `ready`
 * (the newest `show` and `select` wait until then) and nothing after the panel is disposed.
 */
export class PlacementPanel implements vscode.Disposable {
    private ready = false;
    private disposed = false;
    private pendingShow: ToPlacementViewMessage | undefined;
    private pendingSelect: ToPlacementViewMessage | undefined;
    private readonly subscriptions: vscode.Disposable[] = [];
    /** The data shown last (for reveal and cursor lookups). */
    data: PlacementViewData | undefined;

    /** Opens a new panel beside the active editor. */
    static create(extensionUri: vscode.Uri, uri: vscode.Uri, onMessage: (panel: PlacementPanel, message: FromWebviewMessage) => void): PlacementPanel {
        const panel = vscode.window.createWebviewPanel(PLACEMENT_VIEW_TYPE, PlacementPanel.title(uri), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
            enableScripts: true,
            retainContextWhenHidden: false,
            localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
        });
        return new PlacementPanel(panel, extensionUri, uri, onMessage);
    }

    static title(uri: vscode.Uri): string {
        return `Placement: ${uri.path.slice(uri.path.lastIndexOf('/') + 1)}`;
    }

    /** Adopts a panel (a new one, or one VS Code restored after a reload) and loads the page into it. */
    constructor(
        readonly panel: vscode.WebviewPanel,
        extensionUri: vscode.Uri,
        readonly uri: vscode.Uri,
        onMessage: (panel: PlacementPanel, message: FromWebviewMessage) => void,
    ) {
        const webview = panel.webview;
        webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')] };
        const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', name)).toString();
        this.subscriptions.push(
            webview.onDidReceiveMessage((message: unknown) => {
                if (!isFromWebviewMessage(message)) return;
                if (message.kind === 'ready') this.onReady();
                onMessage(this, message);
            }),
            panel.onDidDispose(() => this.dispose()),
            // A hidden webview's page is discarded; until the new page says ready, nothing is posted.
            panel.onDidChangeViewState(() => { if (!panel.visible) this.ready = false; }),
        );
        webview.html = placementPageHtml({
            title: PlacementPanel.title(uri),
            nonce: randomBytes(18).toString('base64'),
            cspSource: webview.cspSource,
            script: { src: asset(PLACEMENT_ASSETS.script) },
            elkWorker: { src: asset(PLACEMENT_ASSETS.elkWorker) },
            data: null,
        });
    }

    get isDisposed(): boolean {
        return this.disposed;
    }

    /** Shows new data (sent once the page is ready). */
    show(data: PlacementViewData): void {
        this.data = data;
        this.post({ kind: 'show', uri: this.uri.toString(), data }, 'show');
    }

    /** Selects a node by NIR path (the editor's cursor moved). */
    select(path: string | null): void {
        this.post({ kind: 'select', path }, 'select');
    }

    private post(message: ToPlacementViewMessage, slot: 'show' | 'select'): void {
        if (this.disposed) return;
        if (!this.ready) {
            if (slot === 'show') this.pendingShow = message;
            else this.pendingSelect = message;
            return;
        }
        void this.panel.webview.postMessage(message);
    }

    private onReady(): void {
        // A reload of the page (hidden and shown again) says ready again: send the newest data again.
        this.ready = true;
        const pending = [this.pendingShow ?? (this.data ? { kind: 'show', uri: this.uri.toString(), data: this.data } as const : undefined), this.pendingSelect];
        this.pendingShow = undefined;
        this.pendingSelect = undefined;
        for (const message of pending) if (message) void this.panel.webview.postMessage(message);
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        for (const s of this.subscriptions) s.dispose();
        this.panel.dispose();
    }
}
