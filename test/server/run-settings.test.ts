import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS, parseRunSettings, runOptionsFromSettings } from '../../server/src/run-settings.js';

describe('the editor\'s run settings', () => {
    it('give a run only the options that are set, so the spec\'s own fill the rest', () => {
        expect(runOptionsFromSettings(DEFAULT_RUN_SETTINGS)).toEqual({});
        const warnings: string[] = [];
        const run = parseRunSettings({ steps: 250, numerics: null, seed: 4, poisson: { input: 30, sensors: 5 } }, warnings);
        expect(warnings).toEqual([]);
        expect(runOptionsFromSettings(run)).toEqual({ steps: 250, seed: 4, poisson: [{ node: 'input', rateHz: 30 }, { node: 'sensors', rateHz: 5 }] });
    });

    it('drop a wrong value with a warning that names it', () => {
        const warnings: string[] = [];
        const run = parseRunSettings({ steps: 'many', numerics: 'fast', poisson: { input: 'x', ok: 1 } }, warnings);
        expect(run).toEqual({ steps: null, numerics: null, seed: null, poisson: { ok: 1 } });
        expect(warnings.map((w) => w.split(':')[0])).toEqual(['nirmesh.run.numerics', 'nirmesh.run.poisson.input', 'nirmesh.run.steps']);
    });
});
