import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { COMMANDS, SPEC_LANGUAGE_ID } from '../../protocol/index.js';
import { mapQuietly } from './map-request.js';
import { statusText } from './status-text.js';

/**
 * The status bar item of the active spec: the target and its PE/SRAM/router use, from a mapping
 * asked for when the editor changes or the spec is saved (not while typing; never when
 * `nirmesh.mapOn` is `never`, when it shows the target alone). Clicking picks another target.
 */
export class TargetStatus implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('nirmesh.target', vscode.StatusBarAlignment.Right, 100);
    private readonly subscriptions: vscode.Disposable[];
    private pending: vscode.CancellationTokenSource | undefined;

    constructor(private readonly client: LanguageClient) {
        this.item.name = 'NIRmesh target';
        this.item.command = COMMANDS.selectTarget;
        this.subscriptions = [
            vscode.window.onDidChangeActiveTextEditor(() => this.update()),
            vscode.workspace.onDidSaveTextDocument((document) => { if (document === vscode.window.activeTextEditor?.document) this.update(); }),
            vscode.workspace.onDidChangeConfiguration((event) => { if (event.affectsConfiguration('nirmesh')) this.update(); }),
        ];
        this.update();
    }

    private async update(): Promise<void> {
        this.pending?.cancel();
        const document = vscode.window.activeTextEditor?.document;
        if (!document || document.languageId !== SPEC_LANGUAGE_ID) return this.item.hide();
        const config = vscode.workspace.getConfiguration('nirmesh');
        const target = config.get<string>('target') ?? '';
        this.show(statusText(undefined, target));
        if (target === 'none' || config.get<string>('mapOn') === 'never') return;
        const pending = (this.pending = new vscode.CancellationTokenSource());
        // The target is named in the request: the server reads a changed setting only after this update starts.
        const report = await mapQuietly(this.client, document.uri, pending.token, target);
        if (!pending.token.isCancellationRequested && report) this.show(statusText(report, report.target));
    }

    private show({ text, tooltip }: { text: string; tooltip: string }): void {
        this.item.text = text;
        this.item.tooltip = tooltip;
        this.item.show();
    }

    dispose(): void {
        this.pending?.cancel();
        for (const s of this.subscriptions) s.dispose();
        this.item.dispose();
    }
}
