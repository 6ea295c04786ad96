import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient, type RequestType } from 'vscode-languageclient/node.js';

/**
 * Sends a document request under a cancellable progress notification that follows the server's
 * `$/progress` for it. Cancelling the notification cancels the request; a failure is shown and
 * gives `undefined`.
 */
export async function requestWithProgress<P extends object, R>(client: LanguageClient, type: RequestType<P, R, void>, params: P, title: string): Promise<R | undefined> {
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
            return await client.sendRequest(type, { ...params, workDoneToken }, token);
        } catch (error) {
            if (!token.isCancellationRequested) void vscode.window.showErrorMessage(`NIRmesh: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        } finally {
            listening.dispose();
        }
    });
}
