import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The extension's commands (client/src/commands.ts) against a small fake of the vscode API and a
 * fake language client: what each command asks the user, what it sends to the server, and what it
 * shows or stores. The fake records calls; each test scripts the user's answers.
 */

interface FakeUri { scheme: string; path: string; toString(): string }

const fake = vi.hoisted(() => {
    class Uri {
        constructor(readonly scheme: string, readonly path: string) {}
        toString() {
            return `${this.scheme}:${this.path}`;
        }
        static parse(text: string) {
            const colon = text.indexOf(':');
            return new Uri(text.slice(0, colon), text.slice(colon + 1));
        }
        static from(parts: { scheme: string; path: string }) {
            return new Uri(parts.scheme, parts.path);
        }
        static joinPath(base: Uri, ...parts: string[]) {
            return new Uri(base.scheme, [base.path, ...parts].join('/'));
        }
    }
    const uri = (scheme: string, path: string) => new Uri(scheme, path);
    const state = {
        commands: new Map<string, (...args: unknown[]) => unknown>(),
        warnings: [] as string[],
        errors: [] as string[],
        shown: [] as { uri: string; text?: string }[],
        executed: [] as string[],
        updates: [] as [string, unknown, unknown][],
        config: { target: 'spinnaker2-board48' } as Record<string, unknown>,
        activeEditor: undefined as undefined | { document: { languageId: string; uri: ReturnType<typeof uri> } },
        quickPick: (items: { label: string }[]) => items[0] as unknown,
        inputBox: (_options: { validateInput(value: string): string | undefined }) => undefined as string | undefined,
        contentProvider: undefined as undefined | { provideTextDocumentContent(u: unknown): string },
        workspaceFolders: [{}] as unknown[] | undefined,
        panels: 0,
    };
    const vscode = {
        Uri,
        ProgressLocation: { Notification: 15 },
        ViewColumn: { Beside: -2, Active: -1, One: 1 },
        StatusBarAlignment: { Left: 1, Right: 2 },
        CancellationTokenSource: class {
            token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
            cancel() { this.token.isCancellationRequested = true; }
            dispose() {}
        },
        Disposable: class { constructor(private readonly f: () => void) {} dispose() { this.f(); } },
        ConfigurationTarget: { Global: 1, Workspace: 2 },
        EventEmitter: class { event = () => undefined; fire() {} dispose() {} },
        window: {
            get activeTextEditor() { return state.activeEditor; },
            showWarningMessage: (message: string) => void state.warnings.push(message),
            showErrorMessage: (message: string) => void state.errors.push(message),
            withProgress: (_options: unknown, task: (progress: unknown, token: unknown) => unknown) => task({ report() {} }, { isCancellationRequested: false }),
            showTextDocument: async (document: { uri: FakeUri; text?: string } | FakeUri) => {
                const target = 'uri' in document ? document : { uri: document };
                state.shown.push({ uri: target.uri.toString(), text: 'text' in target ? target.text : undefined });
            },
            showQuickPick: async (items: { label: string }[]) => state.quickPick(items),
            showInputBox: async (options: { validateInput(value: string): string | undefined }) => state.inputBox(options),
            showInformationMessage: async () => undefined,
            createOutputChannel: () => ({ appendLine() {}, show() {}, dispose() {} }),
            createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {} }),
            createWebviewPanel: () => {
                state.panels++;
                return { webview: { html: '', options: {}, cspSource: '', asWebviewUri: (u: unknown) => u, onDidReceiveMessage: () => ({ dispose() {} }), postMessage: async () => true }, onDidDispose: () => ({ dispose() {} }), onDidChangeViewState: () => ({ dispose() {} }), reveal() {}, dispose() {}, title: '', visible: true };
            },
            registerWebviewPanelSerializer: () => ({ dispose() {} }),
            registerCustomEditorProvider: () => ({ dispose() {} }),
            onDidChangeActiveTextEditor: () => ({ dispose() {} }),
            onDidChangeTextEditorSelection: () => ({ dispose() {} }),
            visibleTextEditors: [],
        },
        workspace: {
            get workspaceFolders() { return state.workspaceFolders; },
            asRelativePath: (u: FakeUri) => u.path.replace(/^\/work\//, ''),
            getConfiguration: () => ({
                get: (key: string) => state.config[key],
                update: async (key: string, value: unknown, scope: unknown) => void state.updates.push([key, value, scope]),
            }),
            registerTextDocumentContentProvider: (_scheme: string, provider: { provideTextDocumentContent(u: unknown): string }) => {
                state.contentProvider = provider;
                return { dispose() {} };
            },
            openTextDocument: async (u: FakeUri) => ({ uri: u, text: state.contentProvider?.provideTextDocumentContent(u) }),
            onDidSaveTextDocument: () => ({ dispose() {} }),
            onDidChangeConfiguration: () => ({ dispose() {} }),
            textDocuments: [],
        },
        commands: {
            registerCommand: (id: string, run: (...args: unknown[]) => unknown) => {
                state.commands.set(id, run);
                return { dispose() {} };
            },
            executeCommand: async (id: string) => void state.executed.push(id),
        },
    };
    return { state, vscode, uri };
});

vi.mock('vscode', () => fake.vscode);
vi.mock('vscode-languageclient/node.js', () => ({
    ExecuteCommandRequest: { type: 'workspace/executeCommand' },
    WorkDoneProgress: { type: '$/progress' },
}));

const { registerCommands } = await import('../../client/src/commands.js');
const { COMMANDS } = await import('../../protocol/index.js');

/** A fake language client: records requests and answers from `answers`. */
function fakeClient(answers: Record<string, unknown>) {
    const requests: { method: unknown; params: unknown }[] = [];
    return {
        requests,
        code2ProtocolConverter: { asUri: (u: FakeUri) => u.toString() },
        onProgress: () => ({ dispose() {} }),
        sendRequest: async (type: unknown, params: unknown) => {
            // A method name, or a typed RequestType (protocol/requests.ts) carrying it.
            const method = typeof type === 'object' && type !== null && 'method' in type ? (type as { method: string }).method : String(type);
            requests.push({ method, params });
            const answer = answers[method];
            if (answer instanceof Error) throw answer;
            return answer;
        },
    };
}

const TARGETS = [
    { id: 'spinnaker2-board48', title: 'The 48-chip SpiNNaker2 board', description: '…' },
    { id: 'spinnaker2-boards', title: 'N SpiNNaker2 boards', description: '…', argument: 'number of 48-chip boards, 1 to 720' },
];

const REPORT = {
    uri: 'file:/work/net.nir.yaml', version: 3, target: 'spinnaker2-board48', blocked: false,
    diagnostics: [{ range: { start: { line: 4, character: 2 }, end: { line: 4, character: 5 } }, severity: 1, code: 'nir/edge-shape', message: 'Edge a → b carries [8], but b takes [6].' }],
    placement: null,
};

async function run(command: string, client: ReturnType<typeof fakeClient>, arg?: unknown) {
    registerCommands(client as never, fake.vscode.Uri.parse('file:/ext') as never);
    const handler = fake.state.commands.get(command);
    if (!handler) throw new Error(`${command} is not registered`);
    await handler(arg);
}

beforeEach(() => {
    Object.assign(fake.state, {
        commands: new Map(), warnings: [], errors: [], shown: [], executed: [], updates: [],
        config: { target: 'spinnaker2-board48' }, activeEditor: undefined, workspaceFolders: [{}], panels: 0,
    });
});

describe('NIRmesh: Select Hardware Target', () => {
    it('stores the picked target in the workspace settings', async () => {
        fake.state.quickPick = (items) => items.find((item) => item.label === 'spinnaker2-board48');
        const client = fakeClient({ 'workspace/executeCommand': TARGETS });
        await run(COMMANDS.selectTarget, client);
        expect(fake.state.updates).toEqual([['target', 'spinnaker2-board48', 2]]);
    });

    it('asks for N for a parametric family, validating it, and stores id:N', async () => {
        fake.state.quickPick = (items) => items.find((item) => item.label === 'spinnaker2-boards:N');
        let validation: string[] = [];
        fake.state.inputBox = (options) => {
            validation = ['0', 'x', '4'].map((value) => options.validateInput(value) ?? 'ok');
            return ' 4 ';
        };
        fake.state.workspaceFolders = undefined;
        await run(COMMANDS.selectTarget, fakeClient({ 'workspace/executeCommand': TARGETS }));
        expect(validation).toEqual(['Enter a whole number of at least 1.', 'Enter a whole number of at least 1.', 'ok']);
        expect(fake.state.updates).toEqual([['target', 'spinnaker2-boards:4', 1]]);
    });

    it('changes nothing when the user dismisses the pick or the number', async () => {
        fake.state.quickPick = () => undefined;
        await run(COMMANDS.selectTarget, fakeClient({ 'workspace/executeCommand': TARGETS }));
        fake.state.quickPick = (items) => items[1];
        fake.state.inputBox = () => undefined;
        await run(COMMANDS.selectTarget, fakeClient({ 'workspace/executeCommand': TARGETS }));
        expect(fake.state.updates).toEqual([]);
    });
});

describe('NIRmesh: Show Placement Report and Check File', () => {
    it('warns and sends nothing without a spec to work on', async () => {
        const client = fakeClient({});
        await run(COMMANDS.showPlacementReport, client);
        expect(fake.state.warnings).toEqual(['NIRmesh: open a *.nir.yaml file, or run this on a .nir file in the Explorer.']);
        expect(client.requests).toEqual([]);
    });

    it('maps the active spec and opens its placement view, also under the old command id', async () => {
        fake.state.activeEditor = { document: { languageId: 'nir-yaml', uri: fake.uri('file', '/work/net.nir.yaml') } };
        for (const command of [COMMANDS.showPlacement, COMMANDS.showPlacementReport]) {
            const client = fakeClient({ 'nirmesh/map': REPORT });
            await run(command, client);
            expect(client.requests.filter((r) => r.method === 'nirmesh/map').length).toBeGreaterThanOrEqual(1);
            expect(client.requests[0]).toMatchObject({ method: 'nirmesh/map', params: { uri: 'file:/work/net.nir.yaml' } });
        }
        expect(fake.state.panels).toBeGreaterThanOrEqual(1);
    });

    it('checks a .nir file named by the Explorer, and reports a failed request as an error', async () => {
        const nir = fake.uri('file', '/work/model.nir');
        await run(COMMANDS.checkFile, fakeClient({ 'nirmesh/map': REPORT }), nir);
        expect(fake.state.shown.map((s) => s.uri)).toEqual(['nirmesh-report:/model.nir check.txt']);
        expect(fake.state.shown[0].text).toMatch(/^NIRmesh check: model\.nir \(version 3\) on spinnaker2-board48/);
        await run(COMMANDS.checkFile, fakeClient({ 'nirmesh/map': new Error('the server stopped') }), nir);
        expect(fake.state.errors).toEqual(['NIRmesh: the server stopped']);
    });

    it('opens a spec and shows the Problems view when the target is none', async () => {
        fake.state.config.target = 'none';
        const client = fakeClient({});
        await run(COMMANDS.checkFile, client, 'file:/work/net.nir.yaml');
        expect(fake.state.shown.map((s) => s.uri)).toEqual(['file:/work/net.nir.yaml']);
        expect(fake.state.executed).toEqual(['workbench.actions.view.problems']);
        expect(client.requests).toEqual([]);
    });
});
