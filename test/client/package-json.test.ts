import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, resolveTarget } from '../../engine/src/index.js';
import { DEFAULT_SETTINGS, parseSettings } from '../../server/src/settings.js';
import { COMMANDS } from '../../protocol/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

interface Setting {
    type: string;
    default: unknown;
    enum?: unknown[];
    examples?: string[];
    minimum?: number;
    maximum?: number;
}
const properties = contributes.configuration.properties as Record<string, Setting>;

function readJson(path: string): Record<string, unknown> {
    const file = join(ROOT, path);
    expect(existsSync(file), path).toBe(true);
    return JSON.parse(readFileSync(file, 'utf8'));
}

/** The server's settings as VS Code's keys: `run` is a section of its own (`nirmesh.run.steps`, …). */
function defaultsByKey(): Map<string, unknown> {
    const { run, ...flat } = DEFAULT_SETTINGS;
    return new Map([
        ...Object.entries(flat).map(([key, value]): [string, unknown] => [`nirmesh.${key}`, value]),
        ...Object.entries(run).map(([key, value]): [string, unknown] => [`nirmesh.run.${key}`, value]),
    ]);
}

/** The settings object a client sends for one key's value (`nirmesh.run.steps` → `{run: {steps}}`). */
function sent(key: string, value: unknown): Record<string, unknown> {
    const [name, sub] = key.slice('nirmesh.'.length).split('.');
    return sub ? { [name!]: { [sub]: value } } : { [name!]: value };
}

describe('package.json settings', () => {
    it('contribute exactly the server\'s settings, with its defaults', () => {
        const defaults = defaultsByKey();
        expect(Object.keys(properties).sort()).toEqual([...defaults.keys()].sort());
        for (const [key, value] of defaults) expect(properties[key].default, key).toEqual(value);
    });

    it('offer only values the server accepts, and the server refuses the rest', () => {
        for (const [key, setting] of Object.entries(properties)) {
            for (const value of setting.enum ?? []) expect(parseSettings(sent(key, value)).warnings, `${key}: ${String(value)}`).toEqual([]);
            if (setting.enum) expect(parseSettings(sent(key, 'not-a-choice')).warnings).toHaveLength(1);
        }
        expect(parseSettings({ run: { steps: 200, seed: 0, poisson: { input: 20 } } }).warnings).toEqual([]);
        expect(parseSettings({ run: { steps: 0, seed: 1.5, poisson: { input: -1 } } }).warnings).toHaveLength(3);
        const delay = properties['nirmesh.validationDelayMs'];
        expect(parseSettings({ validationDelayMs: delay.maximum }).warnings).toEqual([]);
        expect(parseSettings({ validationDelayMs: (delay.maximum ?? 0) + 1 }).warnings).toHaveLength(1);
        expect(parseSettings({ neuronsPerCore: { LIF: 1 } }).warnings).toEqual([]);
        expect(parseSettings({ neuronsPerCore: { LIF: 0 } }).warnings).toHaveLength(1);
    });

    it('suggest target ids the engine resolves', () => {
        const registry = createEngine().registry;
        const examples = properties['nirmesh.target'].examples ?? [];
        expect(examples).toContain(DEFAULT_SETTINGS.target);
        for (const id of examples) expect(resolveTarget(registry, id).error, id).toBeUndefined();
    });
});

describe('package.json commands and activation', () => {
    const contributed = (contributes.commands as { command: string; category: string }[]).map((c) => c.command);

    it('contribute every command the client registers, and only those', () => {
        expect(contributed.sort()).toEqual(Object.values(COMMANDS).sort());
        const source = readFileSync(join(ROOT, 'client', 'src', 'commands.ts'), 'utf8');
        const registered = [...source.matchAll(/registerCommand\(COMMANDS\.(\w+)/g)].map((m) => m[1]).sort();
        expect(registered).toEqual(Object.keys(COMMANDS).sort());
    });

    it('name only contributed commands in menus, and the code lens runs one of them', () => {
        const menus = Object.values(contributes.menus as Record<string, { command: string }[]>).flat();
        for (const item of menus) expect(contributed).toContain(item.command);
        expect(contributed).toContain(COMMANDS.showPlacement);
    });

    it('activate on specs, on workspaces with .nir files and to restore a placement view', () => {
        expect(manifest.activationEvents).toEqual(['onLanguage:nir-yaml', 'workspaceContains:**/*.nir', 'onWebviewPanel:nirmesh.placement']);
        expect(manifest.main).toBe('./dist/client.cjs');
    });
});

describe('package.json languages, grammars and schema', () => {
    it('declare nir-yaml with its configuration and .nir files as their own language', () => {
        const languages = contributes.languages as { id: string; extensions: string[]; configuration?: string }[];
        expect(languages.map((l) => [l.id, l.extensions])).toEqual([['nir-yaml', ['.nir.yaml', '.nir.yml']], ['nir', ['.nir']]]);
        const configuration = readJson(languages[0].configuration as string);
        expect(configuration.comments).toEqual({ lineComment: '#' });
    });

    it('inject the NIR grammar into the nir-yaml grammar, which is YAML\'s', () => {
        const [base, injection] = contributes.grammars as { language?: string; scopeName: string; path: string; injectTo?: string[] }[];
        expect(base.language).toBe('nir-yaml');
        const baseGrammar = readJson(base.path);
        expect(baseGrammar.scopeName).toBe(base.scopeName);
        expect(baseGrammar.patterns).toEqual([{ include: 'source.yaml' }]);
        expect(injection.injectTo).toEqual([base.scopeName]);
        const injected = readJson(injection.path);
        expect(injected.scopeName).toBe(injection.scopeName);
        expect(injected.injectionSelector).toMatch(new RegExp(`^L:${base.scopeName.replace('.', '\\.')}\\b`));
    });

    it('let the YAML extension validate specs against the generated schema', () => {
        const [validation] = contributes.yamlValidation as { fileMatch: string[]; url: string }[];
        expect(validation.fileMatch).toEqual(['*.nir.yaml', '*.nir.yml']);
        expect(readJson(validation.url).$schema).toMatch(/json-schema/);
    });
});
