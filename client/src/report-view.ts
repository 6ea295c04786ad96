import * as vscode from 'vscode';

/** The URI scheme of the read-only report documents. */
export const REPORT_SCHEME = 'nirmesh-report';

/**
 * Read-only text documents for the reports the commands produce (`nirmesh-report:/ff placement.txt`).
 * Showing a report again under the same name replaces its text.
 */
export class ReportView implements vscode.TextDocumentContentProvider, vscode.Disposable {
    private readonly texts = new Map<string, string>();
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;

    provideTextDocumentContent(uri: vscode.Uri): string {
        return this.texts.get(uri.toString()) ?? '';
    }

    /** Stores a report under `name` and shows it beside the editor. */
    async show(name: string, text: string): Promise<void> {
        const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name}` });
        this.texts.set(uri.toString(), text);
        this.changed.fire(uri);
        const document = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    }

    dispose(): void {
        this.changed.dispose();
        this.texts.clear();
    }
}
