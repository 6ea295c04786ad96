import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import type { MapParams, MapReport, PlacementViewData } from '../../protocol/index.js';
import { MapRequest } from '../../protocol/requests.js';
import { requestWithProgress } from './request-progress.js';

/** The file name of a URI. */
export function fileName(uri: vscode.Uri): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** Sends `nirmesh/map` under a cancellable progress notification that follows the server's `$/progress`. */
export function mapWithProgress(client: LanguageClient, uri: vscode.Uri, title: string): Promise<MapReport | undefined> {
    const params: MapParams = { uri: client.code2ProtocolConverter.asUri(uri) };
    return requestWithProgress(client, MapRequest, params, title);
}

/** The placement view's data of a map report. */
export function placementViewData(report: MapReport, uri: vscode.Uri): PlacementViewData {
    const of = (severity: number) => report.diagnostics.filter((d) => (d.severity ?? 1) === severity).length;
    return { title: fileName(uri), target: report.target, graph: report.graph, placement: report.placement, problems: { errors: of(1), warnings: of(2) } };
}

/**
 * Sends `nirmesh/map` without any notification; undefined when it fails or is cancelled. `target`,
 * when given, is mapped onto instead of the server's setting, which may not yet have caught up with
 * a change the client just made.
 */
export async function mapQuietly(client: LanguageClient, uri: vscode.Uri, token?: vscode.CancellationToken, target?: string): Promise<MapReport | undefined> {
    try {
        const params: MapParams = { uri: client.code2ProtocolConverter.asUri(uri), ...(target ? { target } : {}) };
        return await client.sendRequest(MapRequest, params, token);
    } catch {
        return undefined;
    }
}
