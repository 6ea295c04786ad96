import type { Problem } from '../diagnostics/problem.js';
import type { NirDocument } from '../nir/graph.js';
import type { NirDict, NirValue } from '../nir/value.js';
import { scalarOf } from '../machine/tensor-values.js';
import type { Numerics, PoissonInput, RunOptions } from './types.js';

/** The metadata keys of the root graph that hold a spec's own run settings: `metadata.nirmesh.run`. */
export const RUN_SETTINGS_PATH = ['nirmesh', 'run'] as const;

/** The run options a spec may set for itself. */
export type SpecRunSettings = Partial<Pick<RunOptions, 'steps' | 'numerics' | 'seed' | 'poisson'>>;

const KNOWN = ['steps', 'numerics', 'seed', 'poisson'];

function bad(value: NirValue, message: string): Problem {
    return { code: 'simulation/bad-run-setting', severity: 'error', message, origin: value.origin };
}

function wholeNumber(value: NirValue, key: string, min: number, problems: Problem[]): number | undefined {
    const n = scalarOf(value);
    if (n !== undefined && Number.isInteger(n) && n >= min) return n;
    problems.push(bad(value, `run setting '${key}' must be a whole number ≥ ${min}`));
    return undefined;
}

function numerics(value: NirValue, problems: Problem[]): Numerics | undefined {
    if (value.kind === 'string' && (value.value === 'hardware' || value.value === 'exact')) return value.value;
    problems.push(bad(value, "run setting 'numerics' must be hardware or exact"));
    return undefined;
}

function poisson(value: NirValue, problems: Problem[]): PoissonInput[] | undefined {
    if (value.kind !== 'dict') {
        problems.push(bad(value, "run setting 'poisson' must map Input node names to rates in Hz, e.g. {input: 20}"));
        return undefined;
    }
    const inputs: PoissonInput[] = [];
    for (const [node, rate] of value.entries) {
        const hz = scalarOf(rate);
        if (hz !== undefined && Number.isFinite(hz) && hz >= 0) inputs.push({ node, rateHz: hz });
        else problems.push(bad(rate, `the Poisson rate of '${node}' must be a number of Hz ≥ 0`));
    }
    return inputs;
}

/**
 * Reads the run settings a spec carries for itself (`metadata: {nirmesh: {run: {steps, numerics,
 * seed, poisson}}}` on the root graph; docs/format.md). Never throws: a malformed setting is left
 * out with a `simulation/bad-run-setting` problem at its origin, and an unknown key is a warning.
 */
export function specRunSettings(document: NirDocument): { settings: SpecRunSettings; problems: Problem[] } {
    const problems: Problem[] = [];
    let group: NirValue | undefined = document.root.metadata;
    for (const key of RUN_SETTINGS_PATH) group = group?.kind === 'dict' ? group.entries.get(key) : undefined;
    if (!group) return { settings: {}, problems };
    if (group.kind !== 'dict') return { settings: {}, problems: [bad(group, "metadata 'nirmesh.run' must be a mapping of run settings (steps, numerics, seed, poisson)")] };
    const entries = (group as NirDict).entries;
    const settings: { -readonly [K in keyof SpecRunSettings]: SpecRunSettings[K] } = {};
    const steps = entries.get('steps');
    if (steps) settings.steps = wholeNumber(steps, 'steps', 1, problems);
    const seed = entries.get('seed');
    if (seed) settings.seed = wholeNumber(seed, 'seed', 0, problems);
    const mode = entries.get('numerics');
    if (mode) settings.numerics = numerics(mode, problems);
    const rates = entries.get('poisson');
    if (rates) settings.poisson = poisson(rates, problems);
    for (const [key, value] of entries) {
        if (!KNOWN.includes(key)) problems.push({ ...bad(value, `unknown run setting '${key}' (known: ${KNOWN.join(', ')})`), severity: 'warning' });
    }
    return { settings: Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)), problems };
}

/**
 * The options of a run: those the caller gave, then the spec's own settings for what the caller
 * left out (the command line's flags and the editor's settings override the spec's metadata).
 */
export function withSpecRunSettings<O extends SpecRunSettings>(options: O, spec: SpecRunSettings): O {
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as O;
    return { ...spec, ...given };
}
