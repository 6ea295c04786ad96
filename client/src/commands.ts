import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node.js';
import {
    COMMANDS, EXPORT_REQUEST, LIST_TARGETS_COMMAND, SPEC_LANGUAGE_ID, type ExportParams, type ExportReport, type TargetInfo,
} from '../../protocol/index.js';
import { convert } from './convert-command.js';
import { fileName, mapWithProgress } from './map-request.js';
import { PlacementViews } from './placement-views.js';
import { checkReportText } from './report-text.js';
import { REPORT_SCHEME, ReportView } from './report-view.js';
import { TargetStatus } from './status-bar.js';
import { RunNetwork } from './run-network.js';
import { NirFileEditor } from './nir-file-editor.js';
import { TracePanels } from './trace-panels.js';


/** The document a command is about: its argument (an Explorer URI or a code lens's URI string), else the active spec. */
function commandUri(arg: unknown): vscode.Uri | undefined {
    if (arg instanceof vscode.Uri) return arg;
    if (typeof arg === 'string' && arg !== '') return vscode.Uri.parse(arg);
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === SPEC_LANGUAGE_ID || document?.uri.path.endsWith('.nir') ? document.uri : undefined;
}

function isSpec(uri: vscode.Uri): boolean {
    return /\.nir\.ya?ml$/i.test(uri.path);
}

/** Checks a file with every check, the mapping's included; specs are opened so the Problems view shows them too. */
async function checkFile(client: LanguageClient, view: ReportView, arg: unknown): Promise<void> {
    const uri = commandUri(arg);
    if (!uri) return void vscode.window.showWarningMessage(OPEN_A_FILE);
    if (isSpec(uri)) await vscode.window.showTextDocument(uri, { preview: false });
    if (vscode.workspace.getConfiguration('nirmesh').get<string>('target') === 'none' && isSpec(uri)) {
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        return;
    }
    const report = await mapWithProgress(client, uri, `NIRmesh: checking ${fileName(uri)}`);
    if (report) await view.show(`${fileName(uri)} check.txt`, checkReportText(report, vscode.workspace.asRelativePath(uri)));
}

/** Picks a hardware target from the server's list (asking for N where the family takes one) into `nirmesh.target`. */
async function selectTarget(client: LanguageClient): Promise<void> {
    const targets = await client.sendRequest(ExecuteCommandRequest.type, { command: LIST_TARGETS_COMMAND, arguments: [] }) as TargetInfo[];
    const config = vscode.workspace.getConfiguration('nirmesh');
    const current = config.get<string>('target') ?? '';
    const items = targets.map((target) => ({
        label: target.argument ? `${target.id}:N` : target.id,
        description: `${target.title}${current === target.id || current.startsWith(`${target.id}:`) ? ' (current)' : ''}`,
        detail: target.description,
        target,
    }));
    const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Hardware target for checks and mapping', matchOnDetail: true });
    if (!picked) return;
    let id = picked.target.id;
    if (picked.target.argument) {
        const n = await vscode.window.showInputBox({
            prompt: picked.target.argument,
            value: '1',
            validateInput: (value) => (/^[1-9]\d*$/.test(value.trim()) ? undefined : 'Enter a whole number of at least 1.'),
        });
        if (n === undefined) return;
        id = `${id}:${n.trim()}`;
    }
    const scope = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update('target', id, scope);
}

/** Asks for a folder and has the server write the py-spinnaker2 export there (asking before writing into a full one). */
async function exportForSpiNNaker2(client: LanguageClient, arg: unknown): Promise<void> {
    const uri = commandUri(arg);
    if (!uri) return void vscode.window.showWarningMessage('NIRmesh: open a *.nir.yaml file, or run this on a .nir file in the Explorer.');
    const [folder] = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Export here' }) ?? [];
    if (!folder) return;
    const params: ExportParams = { uri: client.code2ProtocolConverter.asUri(uri), outDir: folder.fsPath };
    let report = await client.sendRequest<ExportReport>(EXPORT_REQUEST, params);
    if (report.blocked && report.reason?.endsWith('is not empty')) {
        const answer = await vscode.window.showWarningMessage(`NIRmesh: ${folder.fsPath} is not empty. Write the export into it anyway?`, { modal: true }, 'Write');
        if (answer !== 'Write') return;
        report = await client.sendRequest<ExportReport>(EXPORT_REQUEST, { ...params, force: true });
    }
    if (report.blocked) return void vscode.window.showErrorMessage(`NIRmesh: nothing exported: ${report.reason ?? 'see the Problems view'}.`);
    const open = await vscode.window.showInformationMessage(`NIRmesh: wrote ${report.files.length} files for py-spinnaker2 to ${folder.fsPath}.`, 'Open README');
    if (open) await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'README.md'));
}

const OPEN_A_FILE = 'NIRmesh: open a *.nir.yaml file, or run this on a .nir file in the Explorer.';

/** Registers the commands, the placement views and the status bar item; the returned disposables remove them. */
export function registerCommands(client: LanguageClient, extensionUri: vscode.Uri): vscode.Disposable[] {
    const view = new ReportView();
    const placements = new PlacementViews(client, extensionUri);
    const runs = new RunNetwork(client, new TracePanels(extensionUri));
    const onDocument = (action: (uri: vscode.Uri) => Promise<void>) => (arg?: unknown) => {
        const uri = commandUri(arg);
        return uri ? action(uri) : void vscode.window.showWarningMessage(OPEN_A_FILE);
    };
    const output = vscode.window.createOutputChannel('NIRmesh');
    const showPlacement = (arg?: unknown) => {
        const uri = commandUri(arg);
        return uri ? placements.show(uri) : void vscode.window.showWarningMessage(OPEN_A_FILE);
    };
    return [
        view,
        placements,
        runs,
        output,
        new TargetStatus(client),
        vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, view),
        vscode.commands.registerCommand(COMMANDS.showPlacement, showPlacement),
        vscode.commands.registerCommand(COMMANDS.showPlacementReport, showPlacement),
        vscode.commands.registerCommand(COMMANDS.convert, (arg?: unknown) => convert(extensionUri, output, commandUri(arg))),
        vscode.commands.registerCommand(COMMANDS.openAsYaml, (arg?: unknown) => convert(extensionUri, output, commandUri(arg) ?? NirFileEditor.activeFile())),
        NirFileEditor.register(client, extensionUri),
        vscode.commands.registerCommand(COMMANDS.checkFile, (arg?: unknown) => checkFile(client, view, arg)),
        vscode.commands.registerCommand(COMMANDS.selectTarget, () => selectTarget(client)),
        vscode.commands.registerCommand(COMMANDS.exportForSpiNNaker2, (arg?: unknown) => exportForSpiNNaker2(client, arg)),
        vscode.commands.registerCommand(COMMANDS.runNetwork, onDocument((uri) => runs.run(uri))),
        vscode.commands.registerCommand(COMMANDS.showTraces, onDocument((uri) => runs.showTraces(uri))),
    ];
}
