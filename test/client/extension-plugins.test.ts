import { describe, expect, it, vi } from 'vitest';

/**
 * The API the extension hands to other extensions (client/src/extension-plugins.ts), against a
 * small fake of the vscode API: what the server is told about plugin modules and trust.
 */

const fake = vi.hoisted(() => {
    const state = { trusted: false, grant: undefined as undefined | (() => void) };
    const vscode = {
        Disposable: class { constructor(private readonly f: () => void) {} dispose() { this.f(); } },
        workspace: {
            get isTrusted() { return state.trusted; },
            onDidGrantWorkspaceTrust: (listener: () => void) => {
                state.grant = listener;
                return { dispose: () => void (state.grant = undefined) };
            },
        },
    };
    return { state, vscode };
});
vi.mock('vscode', () => fake.vscode);

const { ExtensionPlugins } = await import('../../client/src/extension-plugins.js');

describe('the extension API for plugins', () => {
    it('tells the server the registered modules and the trust, at connection and on every change', () => {
        const plugins = new ExtensionPlugins();
        const api = plugins.api();
        const early = api.registerPlugin('/ext/a/plugin.js');
        expect(plugins.params()).toEqual({ trusted: false, modules: ['/ext/a/plugin.js'] });
        const sent: unknown[] = [];
        plugins.connect((params) => sent.push(params));
        const later = api.registerPlugin('/ext/b/plugin.mjs');
        fake.state.trusted = true;
        fake.state.grant?.();
        early.dispose();
        early.dispose();
        later.dispose();
        expect(sent).toEqual([
            { trusted: false, modules: ['/ext/a/plugin.js'] },
            { trusted: false, modules: ['/ext/a/plugin.js', '/ext/b/plugin.mjs'] },
            { trusted: true, modules: ['/ext/a/plugin.js', '/ext/b/plugin.mjs'] },
            { trusted: true, modules: ['/ext/b/plugin.mjs'] },
            { trusted: true, modules: [] },
        ]);
        plugins.dispose();
        expect(fake.state.grant).toBeUndefined();
    });

    it('refuses a module path that is not absolute (the server resolves those against the workspace)', () => {
        const api = new ExtensionPlugins().api();
        expect(() => api.registerPlugin('plugins/x.js')).toThrow('NIRmesh: registerPlugin takes an absolute path, not "plugins/x.js"');
    });
});
