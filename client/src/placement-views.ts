import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { PLACEMENT_VIEW_TYPE, type FromWebviewMessage, type PlacementViewState } from '../../protocol/index.js';
import { fileName, mapQuietly, mapWithProgress, placementViewData } from './map-request.js';
import { nodeAt } from './node-at-cursor.js';
import { PlacementPanel } from './placement-panel.js';

/**
 * The placement views: one panel per document, reused ("NIRmesh: Show Placement" again reveals
 * it and maps again), mapped again when the document is saved, following the editor's cursor, and
 * restored by VS Code after a window reload (the page restores its own state; the panel maps again).
 */
export class PlacementViews implements vscode.Disposable {
    private readonly panels = new Map<string, PlacementPanel>();
    private readonly subscriptions: vscode.Disposable[];

    constructor(private readonly client: LanguageClient, private readonly extensionUri: vscode.Uri) {
        this.subscriptions = [
            vscode.window.registerWebviewPanelSerializer(PLACEMENT_VIEW_TYPE, {
                deserializeWebviewPanel: async (panel, state: unknown) => {
                    const uri = (state as Partial<PlacementViewState> | undefined)?.uri;
                    if (!uri) return panel.dispose();
                    const adopted = this.adopt(new PlacementPanel(panel, this.extensionUri, vscode.Uri.parse(uri), (p, m) => this.onMessage(p, m)));
                    await this.refresh(adopted, false);
                },
            }),
            vscode.workspace.onDidSaveTextDocument((document) => {
                const panel = this.panels.get(document.uri.toString());
                if (panel) void this.refresh(panel, false);
            }),
            vscode.window.onDidChangeTextEditorSelection((event) => {
                const panel = this.panels.get(event.textEditor.document.uri.toString());
                if (panel?.data) panel.select(nodeAt(panel.data.graph, event.selections[0].active));
            }),
        ];
    }

    /** Shows the placement of a document: its panel (made or revealed), then a fresh mapping. */
    async show(uri: vscode.Uri): Promise<void> {
        let panel = this.panels.get(uri.toString());
        if (panel) panel.panel.reveal(undefined, true);
        else panel = this.adopt(PlacementPanel.create(this.extensionUri, uri, (p, m) => this.onMessage(p, m)));
        await this.refresh(panel, true);
    }

    private adopt(panel: PlacementPanel): PlacementPanel {
        const key = panel.uri.toString();
        this.panels.get(key)?.dispose();
        this.panels.set(key, panel);
        panel.panel.onDidDispose(() => { if (this.panels.get(key) === panel) this.panels.delete(key); });
        return panel;
    }

    private async refresh(panel: PlacementPanel, withProgress: boolean): Promise<void> {
        const report = withProgress
            ? await mapWithProgress(this.client, panel.uri, `NIRmesh: mapping ${fileName(panel.uri)}`)
            : await mapQuietly(this.client, panel.uri);
        if (report && !panel.isDisposed) panel.show(placementViewData(report, panel.uri));
    }

    /** `reveal`: shows the node's name in the editor, beside the view. */
    private onMessage(panel: PlacementPanel, message: FromWebviewMessage): void {
        if (message.kind !== 'reveal') return;
        const range = panel.data?.graph?.nodes.find((n) => n.path === message.path)?.range;
        if (!range) return;
        const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
        const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === panel.uri.toString());
        void vscode.window.showTextDocument(panel.uri, { selection, viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    }

    dispose(): void {
        for (const panel of this.panels.values()) panel.dispose();
        this.panels.clear();
        for (const s of this.subscriptions) s.dispose();
    }
}
