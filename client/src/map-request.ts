import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node.js';
import type { MapParams, MapReport, PlacementViewData } from '../../protocol/index.js';
import { MapRequest } from '../../protocol/requests.js';

/** The file name of a URI. */
export function fileName(uri: vscode.Uri): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** Sends `nirmesh/map` under a cancellable progress notification that follows the server's `$/progress`. */
export async function mapWithProgress(client: LanguageClient, uri: vscode.Uri, title: string): Promise<MapReport | undefined> {
    const options = { location: vscode.ProgressLocation.Notification, title, cancellable: true };
    return vscode.window.withProgress(options, async (progress, token) => {
        const workDoneToken = randomUUID();
        let done = 0;
        const listening = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
            if (value.kind === 'end') return;
            const percentage = value.percentage ?? done;
            progress.report({ message: value.message, increment: Math.max(0, percentage - done) });
            done = Math.max(done, percentage);
        });
        try {
            const params: MapParams = { uri: client.code2ProtocolConverter.asUri(uri), workDoneToken };
            return await client.sendRequest(MapRequest, params, token);
        } catch (error) {
            if (!token.isCancellationRequested) void vscode.window.showErrorMessage(`NIRmesh: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        } finally {
            listening.dispose();
        }
    });
}

/** The placement view's data of a map report. */
export function placementViewData(report: MapReport, uri: vscode.Uri): PlacementViewData {
    const of = (severity: number) => report.diagnostics.filter((d) => (d.severity ?? 1) === severity).length;
    return { title: fileName(uri), target: report.target, graph: report.graph, placement: report.placement, problems: { errors: of(1), warnings: of(2) } };
}

/** Sends `nirmesh/map` without any notification; undefined when it fails or is cancelled. */
export async function mapQuietly(client: LanguageClient, uri: vscode.Uri, token?: vscode.CancellationToken): Promise<MapReport | undefined> {
    try {
        return await client.sendRequest(MapRequest, { uri: client.code2ProtocolConverter.asUri(uri) }, token);
    } catch {
        return undefined;
    }
}
