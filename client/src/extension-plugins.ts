import * as vscode from 'vscode';
import { isAbsolute } from 'node:path';
import type { PluginHostParams } from '../../protocol/index.js';

/**
 * What NIRmesh's `activate` returns to other extensions
 * (`vscode.extensions.getExtension('nirmesh.nirmesh')?.activate()`), docs/plugins.md.
 */
export interface NirmeshExtensionApi {
    /**
     * Has the language server load an engine plugin module (an absolute path), in a trusted
     * workspace; disposing the result unloads it. A module that fails to load is reported as a
     * `plugin/load-failed` diagnostic.
     */
    registerPlugin(modulePath: string): vscode.Disposable;
}

/**
 * The plugin modules other extensions registered and whether the workspace is trusted: what the
 * server is told, at start (`initializationOptions`) and on every change (`nirmesh/plugins`).
 */
export class ExtensionPlugins implements vscode.Disposable {
    private readonly modules: string[] = [];
    private send: ((params: PluginHostParams) => void) | undefined;
    private readonly trust = vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed());

    /** What the server is told now. */
    params(): PluginHostParams {
        return { trusted: vscode.workspace.isTrusted, modules: [...this.modules] };
    }

    /** Sends the current state through `send`, and every change from now on. */
    connect(send: (params: PluginHostParams) => void): void {
        this.send = send;
        send(this.params());
    }

    /** The API handed to other extensions. */
    api(): NirmeshExtensionApi {
        return {
            registerPlugin: (modulePath) => {
                if (typeof modulePath !== 'string' || !isAbsolute(modulePath)) throw new Error(`NIRmesh: registerPlugin takes an absolute path, not ${JSON.stringify(modulePath)}`);
                this.modules.push(modulePath);
                this.changed();
                return new vscode.Disposable(() => {
                    const at = this.modules.indexOf(modulePath);
                    if (at < 0) return;
                    this.modules.splice(at, 1);
                    this.changed();
                });
            },
        };
    }

    dispose(): void {
        this.trust.dispose();
        this.send = undefined;
    }

    private changed(): void {
        this.send?.(this.params());
    }
}
