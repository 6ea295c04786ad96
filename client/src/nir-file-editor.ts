import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { NIR_FILE_EDITOR_VIEW_TYPE } from '../../protocol/index.js';
import { mapQuietly, placementViewData } from './map-request.js';
import { PlacementPanel } from './placement-panel.js';

/**
 * Opens `.nir` (HDF5) files read-only in the placement view instead of as binary text: the NIR
 * graph, where it lands on the target and how many problems it has (the Problems view lists them,
 * at their HDF5 paths). **NIRmesh: Open as YAML** in the editor's title bar converts it to an
 * editable spec beside it.
 */
export class NirFileEditor implements vscode.CustomReadonlyEditorProvider {
    constructor(private readonly client: LanguageClient, private readonly extensionUri: vscode.Uri) {}

    /** Registers the editor for `*.nir` (package.json `customEditors`). */
    static register(client: LanguageClient, extensionUri: vscode.Uri): vscode.Disposable {
        return vscode.window.registerCustomEditorProvider(NIR_FILE_EDITOR_VIEW_TYPE, new NirFileEditor(client, extensionUri), {
            supportsMultipleEditorsPerDocument: true,
        });
    }

    /** The `.nir` file of the active NIR file editor, if that is the active tab (for the palette's Open as YAML). */
    static activeFile(): vscode.Uri | undefined {
        const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
        return input instanceof vscode.TabInputCustom && input.viewType === NIR_FILE_EDITOR_VIEW_TYPE ? input.uri : undefined;
    }

    openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
        return { uri, dispose: () => undefined };
    }

    async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
        const view = new PlacementPanel(panel, this.extensionUri, document.uri, () => undefined);
        const report = await mapQuietly(this.client, document.uri);
        if (report && !view.isDisposed) view.show(placementViewData(report, document.uri));
    }
}
