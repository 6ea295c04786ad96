import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { COMMANDS, SPEC_LANGUAGE_ID, type MapReport } from '../../protocol/index.js';
import { mapQuietly } from './map-request.js';

/** `37%`, from a use and a limit. */
function percent(used: number, limit: number | undefined): string {
    return limit ? `${Math.round((100 * used) / limit)}%` : '?';
}

/** The status bar text of a map report: target, then PE, SRAM and router use of the busiest chip or PE. */
export function statusText(report: MapReport | undefined, target: string): { text: string; tooltip: string } {
    const p = report?.placement;
    if (!p) return { text: `$(circuit-board) ${target}`, tooltip: report?.blocked ? 'NIRmesh: not mapped (the network has errors)' : `NIRmesh target: ${target}` };
    const l = p.limits;
    const sram = p.nodes.reduce((a, n) => Math.max(a, n.maxSramBytes ?? 0), 0);
    const routes = p.chips.reduce((a, c) => Math.max(a, c.routerEntries), 0);
    return {
        text: `$(circuit-board) ${target}  PE ${percent(p.pesUsed, l?.pes)}  SRAM ${percent(sram, l?.sramBytesPerPe)}  router ${percent(routes, l?.routerEntriesPerChip)}`,
        tooltip: `NIRmesh on ${target}: ${p.pesUsed} of ${l?.pes ?? '?'} PEs on ${p.chipsUsed} chips; fullest PE ${sram} of ${l?.sramBytesPerPe ?? '?'} B SRAM; fullest routing table ${routes} of ${l?.routerEntriesPerChip ?? '?'} entries. Click to pick another target.`,
    };
}

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
        const report = await mapQuietly(this.client, document.uri, pending.token);
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
