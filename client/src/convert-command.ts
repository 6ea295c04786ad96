import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { convertedPath } from './converted-path.js';

/** Runs the bundled CLI (`nirmesh convert IN OUT`) in a Node process; the engine never runs in the extension host. */
function runConvert(cli: string, args: readonly string[]): Promise<{ code: number; output: string }> {
    return new Promise((resolve) => {
        const child = fork(cli, ['convert', ...args], { silent: true });
        let output = '';
        child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
        child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
        child.on('error', (error) => resolve({ code: 2, output: error.message }));
        child.on('exit', (code) => resolve({ code: code ?? 2, output }));
    });
}

/**
 * "NIRmesh: Convert": a `.nir` file to a spec beside it (then opened), or a spec to a `.nir` file,
 * asking before it overwrites. The CLI's messages go to an output channel on failure.
 */
export async function convert(extensionUri: vscode.Uri, output: vscode.OutputChannel, uri: vscode.Uri | undefined): Promise<void> {
    if (!uri || uri.scheme !== 'file') return void vscode.window.showWarningMessage('NIRmesh: Convert works on a .nir or *.nir.yaml file on disk.');
    const target = convertedPath(uri.fsPath);
    if (!target) return void vscode.window.showWarningMessage('NIRmesh: Convert works on a .nir or *.nir.yaml file.');
    const editor = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (editor?.isDirty) await editor.save();
    const args = [uri.fsPath, target];
    if (existsSync(target)) {
        const answer = await vscode.window.showWarningMessage(`${target} exists. Overwrite it?`, { modal: true }, 'Overwrite');
        if (answer !== 'Overwrite') return;
        args.push('--force');
    }
    const cli = vscode.Uri.joinPath(extensionUri, 'dist', 'cli.cjs').fsPath;
    const { code, output: text } = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'NIRmesh: converting' }, () => runConvert(cli, args));
    if (code !== 0) {
        output.appendLine(text);
        output.show(true);
        return void vscode.window.showErrorMessage(`NIRmesh: could not convert ${uri.fsPath} (see the NIRmesh output).`);
    }
    const written = vscode.Uri.file(target);
    if (target.endsWith('.yaml')) await vscode.window.showTextDocument(written);
    else void vscode.window.showInformationMessage(`NIRmesh: wrote ${vscode.workspace.asRelativePath(written)}`);
}
