import { fileURLToPath } from 'node:url';
import type { InitializeParams } from 'vscode-languageserver';
import type { Engine, Problem } from '../../../engine/src/index.js';
import { describePluginFailure, loadPlugin, type LoadedPlugin, type PluginFailure } from '../../../host/plugin-loader.js';
import { PLUGINS_INIT_OPTION, type PluginHostParams } from '../../../protocol/index.js';

/** Where the plugin host says what it did: the window log, and a message the user sees. */
export interface PluginReporter {
    log(message: string): void;
    error(message: string): void;
    tell(message: string): void;
}

const UNTRUSTED: PluginHostParams = Object.freeze({ trusted: false, modules: Object.freeze([]) });

/** The client's `PluginHostParams`, or an untrusted host without modules for anything else. */
function hostParams(raw: unknown): PluginHostParams {
    if (typeof raw !== 'object' || raw === null) return UNTRUSTED;
    const { trusted, modules } = raw as Record<string, unknown>;
    const paths = Array.isArray(modules) ? modules.filter((m): m is string => typeof m === 'string' && m !== '') : [];
    return { trusted: trusted === true, modules: paths };
}

/**
 * The engine plugins of a workspace: the modules of the `nirmesh.plugins` setting (resolved
 * against the first workspace folder, else the server's working folder) and those other
 * extensions handed to the client. They are loaded into the engine's registry only when the
 * client says the workspace is trusted; a module that fails to load becomes a `plugin/load-failed`
 * problem on every document, and checking goes on with the plugins that did load. Loading is
 * serialised; a new set replaces the old one (its registrations are removed first).
 */
export class WorkspacePlugins {
    private host: PluginHostParams = UNTRUSTED;
    private baseDir = process.cwd();
    private loaded: LoadedPlugin[] = [];
    private failures: PluginFailure[] = [];
    private appliedKey = '';
    private queue: Promise<unknown> = Promise.resolve();

    constructor(private readonly engine: Engine, private readonly report: PluginReporter) {}

    /** Takes the workspace folder and the client's `initializationOptions.plugins`. */
    initialize(params: InitializeParams): void {
        const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
        if (folder?.startsWith('file:')) this.baseDir = fileURLToPath(folder);
        const options: unknown = params.initializationOptions;
        this.setHost(typeof options === 'object' && options !== null ? (options as Record<string, unknown>)[PLUGINS_INIT_OPTION] : undefined);
    }

    /** Takes what the client says now (a `nirmesh/plugins` notification); `apply` acts on it. */
    setHost(raw: unknown): void {
        this.host = hostParams(raw);
    }

    /**
     * Loads the modules of the setting and of the host when the workspace is trusted, replacing
     * the ones loaded before. Resolves true when anything changed (documents need checking again).
     * Never rejects.
     */
    apply(fromSettings: readonly string[]): Promise<boolean> {
        const run = this.queue.then(() => this.applyNow(fromSettings));
        this.queue = run;
        return run;
    }

    /** One `plugin/load-failed` problem per module that failed, for every document's diagnostics. */
    problems(): Problem[] {
        return this.failures.map((failure) => ({
            code: 'plugin/load-failed',
            severity: 'warning',
            message: `${describePluginFailure(failure)}. Checking goes on without it.`,
            origin: { path: '/' },
        }));
    }

    private async applyNow(fromSettings: readonly string[]): Promise<boolean> {
        const modules = [...fromSettings, ...this.host.modules];
        const key = JSON.stringify({ modules, trusted: this.host.trusted, baseDir: this.baseDir });
        if (key === this.appliedKey) return false;
        const hadAny = this.appliedKey !== '' || modules.length > 0;
        this.appliedKey = key;
        for (const plugin of this.loaded) plugin.registration.dispose();
        this.loaded = [];
        this.failures = [];
        if (modules.length > 0 && !this.host.trusted) {
            this.report.tell(`NIRmesh: ${modules.length === 1 ? 'the plugin' : `${modules.length} plugins`} ${modules.join(', ')} not loaded: `
                + 'a plugin runs code, and this workspace is not trusted. Trust the workspace to load it.');
            return hadAny;
        }
        for (const module of modules) {
            const result = await loadPlugin(this.engine.registry, module, this.baseDir);
            if ('registration' in result) {
                this.loaded.push(result);
                this.report.log(`nirmesh: loaded plugin ${result.id} from ${result.path}`);
            } else {
                this.failures.push(result);
                this.report.error(`nirmesh: ${describePluginFailure(result)}`);
            }
        }
        return hadAny;
    }
}
