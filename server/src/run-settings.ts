import type { RunOptionsWire } from '../../protocol/index.js';

/**
 * The editor's run settings (`nirmesh.run.*`), used by `nirmesh/run` for what the request itself
 * leaves out. `null` (the default) leaves a value to the spec's own `metadata.nirmesh.run`, then
 * to the built-in default.
 */
export interface RunSettings {
    /** Ticks to simulate. */
    readonly steps: number | null;
    readonly numerics: 'hardware' | 'exact' | null;
    /** Seed of the Poisson inputs. */
    readonly seed: number | null;
    /** Poisson rate in Hz per Input node name; empty leaves the inputs to the spec. */
    readonly poisson: Readonly<Record<string, number>>;
}

/** No run setting: everything from the spec, else the defaults. */
export const DEFAULT_RUN_SETTINGS: RunSettings = Object.freeze({ steps: null, numerics: null, seed: null, poisson: Object.freeze({}) });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function wholeOrNull(raw: Record<string, unknown>, key: 'steps' | 'seed', min: number, warnings: string[]): number | null {
    const value = raw[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
    warnings.push(`nirmesh.run.${key}: ${JSON.stringify(value)} is not a whole number ≥ ${min}; using the spec's or the default`);
    return null;
}

/** Reads `nirmesh.run` as the client sends it (an object); a wrong value is dropped with a warning naming it. */
export function parseRunSettings(raw: unknown, warnings: string[]): RunSettings {
    if (raw === undefined || raw === null) return DEFAULT_RUN_SETTINGS;
    if (!isRecord(raw)) {
        warnings.push('nirmesh.run: expected an object of run settings; ignored');
        return DEFAULT_RUN_SETTINGS;
    }
    let numerics: RunSettings['numerics'] = null;
    if (raw.numerics === 'hardware' || raw.numerics === 'exact') numerics = raw.numerics;
    else if (raw.numerics !== undefined && raw.numerics !== null) warnings.push(`nirmesh.run.numerics: ${JSON.stringify(raw.numerics)} is not hardware or exact; ignored`);
    const poisson: Record<string, number> = {};
    if (isRecord(raw.poisson)) {
        for (const [node, hz] of Object.entries(raw.poisson)) {
            if (typeof hz === 'number' && Number.isFinite(hz) && hz >= 0) poisson[node] = hz;
            else warnings.push(`nirmesh.run.poisson.${node}: ${JSON.stringify(hz)} is not a rate in Hz ≥ 0; ignored`);
        }
    } else if (raw.poisson !== undefined && raw.poisson !== null) warnings.push('nirmesh.run.poisson: expected an object of Input node names to rates in Hz; ignored');
    return Object.freeze({ steps: wholeOrNull(raw, 'steps', 1, warnings), numerics, seed: wholeOrNull(raw, 'seed', 0, warnings), poisson: Object.freeze(poisson) });
}

/** The run options a request gets from the settings: only those that are set, so the spec's own fill the rest. */
export function runOptionsFromSettings(run: RunSettings): Pick<RunOptionsWire, 'steps' | 'numerics' | 'seed' | 'poisson'> {
    const poisson = Object.entries(run.poisson).map(([node, rateHz]) => ({ node, rateHz }));
    return {
        ...(run.steps === null ? {} : { steps: run.steps }),
        ...(run.numerics === null ? {} : { numerics: run.numerics }),
        ...(run.seed === null ? {} : { seed: run.seed }),
        ...(poisson.length > 0 ? { poisson } : {}),
    };
}
