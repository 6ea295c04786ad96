import type { Connection, InitializeParams } from 'vscode-languageserver';
import { DEFAULT_TARGET_ID } from '../../engine/src/index.js';
import type { ServerSettings } from './server-context.js';
import { DEFAULT_RUN_SETTINGS, parseRunSettings } from './run-settings.js';

/** The settings used until the client says otherwise (and for every value it gets wrong). */
export const DEFAULT_SETTINGS: ServerSettings = Object.freeze({
    target: DEFAULT_TARGET_ID,
    neuronsPerCore: Object.freeze({}),
    validationDelayMs: 50,
    mapOn: 'idle',
    timeUnit: 's',
    lenientNir: false,
    run: DEFAULT_RUN_SETTINGS,
    plugins: Object.freeze([]),
});

/** The longest debounce accepted, in milliseconds. */
const MAX_DELAY_MS = 10_000;

/** How long to wait for the client's first `workspace/configuration` answer before using the defaults. */
const FIRST_FETCH_TIMEOUT_MS = 3_000;

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pick<T>(raw: Raw, key: keyof ServerSettings, ok: (value: unknown) => value is T, fallback: T, warnings: string[]): T {
    const value = raw[key];
    if (value === undefined || value === null) return fallback;
    if (ok(value)) return value;
    warnings.push(`nirmesh.${key}: ${JSON.stringify(value)} is not valid; using ${JSON.stringify(fallback)}`);
    return fallback;
}

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isDelay = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_DELAY_MS;
const isMapOn = (v: unknown): v is ServerSettings['mapOn'] => v === 'idle' || v === 'save' || v === 'change' || v === 'never';
const isTimeUnit = (v: unknown): v is ServerSettings['timeUnit'] => v === 's' || v === 'ms';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isModuleList = (v: unknown): v is readonly string[] => Array.isArray(v) && v.every(isNonEmptyString);

function readNeuronsPerCore(raw: unknown, warnings: string[]): Readonly<Record<string, number>> {
    if (raw === undefined || raw === null) return DEFAULT_SETTINGS.neuronsPerCore;
    if (!isRecord(raw)) {
        warnings.push('nirmesh.neuronsPerCore: expected an object of NIR type to a whole number; ignored');
        return DEFAULT_SETTINGS.neuronsPerCore;
    }
    const out: Record<string, number> = {};
    for (const [type, n] of Object.entries(raw)) {
        if (typeof n === 'number' && Number.isInteger(n) && n > 0) out[type] = n;
        else warnings.push(`nirmesh.neuronsPerCore.${type}: ${JSON.stringify(n)} is not a whole number > 0; ignored`);
    }
    return Object.freeze(out);
}

/**
 * Reads the `nirmesh` settings section as a client sends it. Unknown keys are ignored; a wrong
 * value falls back to its default with a warning naming the setting.
 */
export function parseSettings(raw: unknown): { settings: ServerSettings; warnings: string[] } {
    const warnings: string[] = [];
    if (raw !== undefined && raw !== null && !isRecord(raw)) warnings.push('nirmesh: settings must be an object; using the defaults');
    const r = isRecord(raw) ? raw : {};
    const d = DEFAULT_SETTINGS;
    const settings: ServerSettings = Object.freeze({
        target: pick(r, 'target', isNonEmptyString, d.target, warnings).trim(),
        neuronsPerCore: readNeuronsPerCore(r.neuronsPerCore, warnings),
        validationDelayMs: pick(r, 'validationDelayMs', isDelay, d.validationDelayMs, warnings),
        mapOn: pick(r, 'mapOn', isMapOn, d.mapOn, warnings),
        timeUnit: pick(r, 'timeUnit', isTimeUnit, d.timeUnit, warnings),
        lenientNir: pick(r, 'lenientNir', isBoolean, d.lenientNir, warnings),
        run: parseRunSettings(r.run, warnings),
        plugins: Object.freeze([...pick(r, 'plugins', isModuleList, d.plugins, warnings)]),
    });
    return { settings, warnings };
}

/** True when two settings objects hold the same values. */
export function sameSettings(a: ServerSettings, b: ServerSettings): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The server's view of `nirmesh.*`: pulled with `workspace/configuration` when the client supports
 * it, otherwise taken from `initializationOptions.nirmesh` and `workspace/didChangeConfiguration`
 * pushes. `ready` resolves once the first value is known (or the client failed to answer in time).
 */
export class SettingsSource {
    private value: ServerSettings = DEFAULT_SETTINGS;
    private canPull = false;
    private resolveReady: () => void = () => undefined;
    /** Resolves when the first settings are known; analyses wait for it so they do not run twice. */
    readonly ready: Promise<void> = new Promise((resolve) => (this.resolveReady = resolve));

    constructor(private readonly connection: Connection) {}

    /** The settings in force. */
    current(): ServerSettings {
        return this.value;
    }

    /** Takes what `initialize` says: whether the client can be asked, and any initial options. */
    initialize(params: InitializeParams): void {
        this.canPull = params.capabilities.workspace?.configuration === true;
        const options: unknown = params.initializationOptions;
        if (isRecord(options) && options.nirmesh !== undefined) this.apply(options.nirmesh);
        if (!this.canPull) this.resolveReady();
    }

    /** After `initialized`: the first pull (bounded in time, so a silent client cannot stall analysis). */
    async start(): Promise<void> {
        if (!this.canPull) return;
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, FIRST_FETCH_TIMEOUT_MS)));
        try {
            await Promise.race([this.pull(), timeout]);
        } finally {
            clearTimeout(timer);
            this.resolveReady();
        }
    }

    /**
     * Handles `workspace/didChangeConfiguration`: re-pulls (or takes the pushed `nirmesh` section)
     * and returns true when anything changed.
     */
    async changed(pushed: unknown): Promise<boolean> {
        const before = this.value;
        if (this.canPull) await this.pull();
        else if (isRecord(pushed) && pushed.nirmesh !== undefined) this.apply(pushed.nirmesh);
        return !sameSettings(before, this.value);
    }

    private async pull(): Promise<void> {
        try {
            this.apply(await this.connection.workspace.getConfiguration({ section: 'nirmesh' }));
        } catch (error) {
            this.connection.console.warn(`nirmesh: could not read the settings: ${error instanceof Error ? error.message : String(error)}`);
        }
    }

    private apply(raw: unknown): void {
        const { settings, warnings } = parseSettings(raw);
        for (const warning of warnings) this.connection.console.warn(warning);
        this.value = settings;
    }
}
