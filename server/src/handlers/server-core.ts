import type { Connection } from 'vscode-languageserver';
import type { DocumentStore, LoadCache, Pipeline } from '../documents/index.js';
import type { Scheduler } from '../scheduler.js';
import type { SettingsSource } from '../settings.js';
import type { GuardLog } from '../guard.js';
import type { WorkspacePlugins } from '../plugins/index.js';

/** The server's own parts, as the core handlers see them (features see only `ServerContext`). */
export interface ServerCore {
    readonly connection: Connection;
    readonly store: DocumentStore;
    readonly scheduler: Scheduler;
    readonly pipeline: Pipeline;
    readonly cache: LoadCache;
    readonly settings: SettingsSource;
    readonly docsLink: (code: string) => string;
    readonly log: GuardLog;
    /** The workspace's engine plugins (the `nirmesh.plugins` setting and other extensions'). */
    readonly plugins: WorkspacePlugins;
}
