import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import type { RunParams, RunReport } from '../../protocol/index.js';
import { RunRequest, SaveTraceRequest, TraceChunkRequest } from '../../protocol/requests.js';
import { fileName } from './map-request.js';
import { requestWithProgress } from './request-progress.js';
import type { TracePanels, TraceSource } from './trace-panels.js';

/** A run the server holds, as the trace panel streams it: chunks from `nirmesh/traceChunk`, NIRData written by `nirmesh/saveTrace`. */
function serverTrace(client: LanguageClient, report: RunReport & { runId: string; run: NonNullable<RunReport['run']> }, source: string): TraceSource {
    return {
        run: { ...report.run, source },
        chunk: (index) => client.sendRequest(TraceChunkRequest, { runId: report.runId, index }),
        saveNirData: async (target) => {
            await client.sendRequest(SaveTraceRequest, { runId: report.runId, uri: client.code2ProtocolConverter.asUri(target) });
        },
    };
}

/**
 * "NIRmesh: Run Network" and "NIRmesh: Show Traces". A run goes through the server's `nirmesh/run`
 * (with progress and cancellation; the server adds the run settings and the spec's own), and its
 * trace opens in the document's trace panel. The last run of each document is remembered so that
 * Show Traces can open it again without running.
 */
export class RunNetwork implements vscode.Disposable {
    private readonly lastRuns = new Map<string, TraceSource>();

    constructor(private readonly client: LanguageClient, private readonly panels: TracePanels) {}

    /** Runs the document `uri` and shows its trace; says why when the run could not start. */
    async run(uri: vscode.Uri): Promise<void> {
        const params: RunParams = { uri: this.client.code2ProtocolConverter.asUri(uri) };
        const report = await requestWithProgress(this.client, RunRequest, params, `NIRmesh: running ${fileName(uri)}`);
        if (!report) return;
        if (report.blocked || report.runId === null || report.run === null) {
            const errors = report.diagnostics.filter((d) => d.severity === 1).length;
            const choice = await vscode.window.showErrorMessage(
                `NIRmesh: ${fileName(uri)} did not run: ${errors} error${errors === 1 ? '' : 's'} on ${report.target}.`,
                'Show Problems',
            );
            if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
            return;
        }
        const trace = serverTrace(this.client, { ...report, runId: report.runId, run: report.run }, fileName(uri));
        this.lastRuns.set(uri.toString(), trace);
        this.panels.show(uri.toString(), trace);
    }

    dispose(): void {
        this.panels.dispose();
        this.lastRuns.clear();
    }

    /** Shows the trace of the document's last run; offers to run it when there is none. */
    async showTraces(uri: vscode.Uri): Promise<void> {
        if (this.panels.reveal(uri.toString())) return;
        const last = this.lastRuns.get(uri.toString());
        if (last) return this.panels.show(uri.toString(), last);
        const choice = await vscode.window.showInformationMessage(`NIRmesh: ${fileName(uri)} has not run yet.`, 'Run Network');
        if (choice) await this.run(uri);
    }
}
