import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { tracePageHtml } from '../webviews/trace/trace-page.js';
import { isFromTraceViewMessage, TRACE_ASSETS, TRACE_VIEW_TYPE, type FromTraceViewMessage, type ToTraceViewMessage, type TraceViewChunk, type TraceViewRun } from '../../protocol/index.js';

/** A run's trace as the panel streams it: the summary, then chunks fetched one at a time. */
export interface TraceSource {
    readonly run: TraceViewRun;
    chunk(index: number): Promise<TraceViewChunk>;
    /** Writes the trace as NIRData to `target`; absent when the run's trace cannot be saved. */
    saveNirData?(target: vscode.Uri): Promise<void>;
}

/** Writes a `data:image/png;base64,…` URL where the user picks. */
async function savePng(dataUrl: string, suggested: string): Promise<void> {
    const prefix = 'data:image/png;base64,';
    if (!dataUrl.startsWith(prefix)) return;
    const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(suggested), filters: { 'PNG image': ['png'] } });
    if (target) await vscode.workspace.fs.writeFile(target, Buffer.from(dataUrl.slice(prefix.length), 'base64'));
}

/** One open panel: the document it belongs to, the run it shows, and which showing of a run that is. */
interface PanelEntry {
    readonly key: string;
    readonly panel: vscode.WebviewPanel;
    source: TraceSource;
    generation: number;
}

/**
 * The trace panels, one per document: showing a new run of a document replaces the trace in its
 * panel. A panel gets its data only after its page said it is ready (and again after each reload
 * of the page), and nothing is posted once it is closed.
 */
export class TracePanels implements vscode.Disposable {
    private readonly panels = new Map<string, PanelEntry>();

    constructor(private readonly extensionUri: vscode.Uri) {}

    /** The last run shown for `key` (a document URI), if its panel is still open. */
    has(key: string): boolean {
        return this.panels.has(key);
    }

    /** Shows `source` in the panel of `key`, opening one beside the editor if needed. */
    show(key: string, source: TraceSource): void {
        const existing = this.panels.get(key);
        if (existing) {
            existing.source = source;
            existing.generation += 1;
            existing.panel.title = `Trace: ${source.run.source}`;
            existing.panel.webview.html = this.html(existing.panel.webview, source.run.source);
            existing.panel.reveal(undefined, true);
            return;
        }
        const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
        const panel = vscode.window.createWebviewPanel(TRACE_VIEW_TYPE, `Trace: ${source.run.source}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
            enableScripts: true,
            localResourceRoots: [dist],
        });
        const entry: PanelEntry = { key, panel, source, generation: 0 };
        this.panels.set(key, entry);
        panel.onDidDispose(() => this.panels.delete(key));
        panel.webview.onDidReceiveMessage((message: unknown) => {
            if (isFromTraceViewMessage(message)) void this.received(entry, message);
        });
        panel.webview.html = this.html(panel.webview, source.run.source);
    }

    /** Shows the trace panel of `key` again; false when there is none. */
    reveal(key: string): boolean {
        const entry = this.panels.get(key);
        entry?.panel.reveal();
        return entry !== undefined;
    }

    private html(webview: vscode.Webview, title: string): string {
        const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', TRACE_ASSETS.script)).toString();
        return tracePageHtml({ title: `Trace: ${title}`, nonce: randomBytes(18).toString('base64'), cspSource: webview.cspSource, script: { src: script }, trace: null });
    }

    private async received(entry: PanelEntry, message: FromTraceViewMessage): Promise<void> {
        const { source } = entry;
        if (message.kind === 'ready') return this.stream(entry);
        if (message.kind === 'savePng') return savePng(message.dataUrl, `${source.run.source.replace(/\.nir(\.ya?ml)?$/i, '')}-trace.png`);
        if (message.kind === 'saveNirData' && source.saveNirData) {
            const target = await vscode.window.showSaveDialog({ filters: { 'NIRData (HDF5)': ['h5'] }, defaultUri: vscode.Uri.file(`${source.run.source.replace(/\.nir(\.ya?ml)?$/i, '')}-trace.h5`) });
            if (!target) return;
            try {
                await source.saveNirData(target);
                void vscode.window.showInformationMessage(`NIRmesh: saved the trace to ${vscode.workspace.asRelativePath(target)}.`);
            } catch (error) {
                void vscode.window.showErrorMessage(`NIRmesh: the trace was not saved: ${error instanceof Error ? error.message : String(error)}`);
            }
        }
    }

    /** Posts the run, then its chunks one by one; stops when the panel closes or shows another run. */
    private async stream(entry: PanelEntry): Promise<void> {
        const { source, generation } = entry;
        const live = (): boolean => this.panels.get(entry.key) === entry && entry.generation === generation;
        const post = (message: ToTraceViewMessage): Thenable<boolean> | undefined => (live() ? entry.panel.webview.postMessage(message) : undefined);
        await post({ kind: 'run', run: source.run, canSaveNirData: source.saveNirData !== undefined });
        try {
            for (let index = 0; index < source.run.chunks && live(); index++) {
                const chunk = await source.chunk(index);
                await post({ kind: 'chunk', chunk });
            }
        } catch (error) {
            await post({ kind: 'error', message: `The trace could not be fetched: ${error instanceof Error ? error.message : String(error)}` });
        }
    }

    dispose(): void {
        for (const { panel } of this.panels.values()) panel.dispose();
        this.panels.clear();
    }
}
