import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../../server/src/settings.js';

describe('parseSettings', () => {
    it('gives the defaults for nothing, with no warnings', () => {
        expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, warnings: [] });
        expect(DEFAULT_SETTINGS).toMatchObject({ target: 'spinnaker2-board48', mapOn: 'idle', timeUnit: 's', lenientNir: false });
    });

    it('takes every valid value', () => {
        const run = { steps: 500, numerics: 'exact', seed: 2, poisson: { input: 20 } };
        const plugins = ['./plugins/board.js', 'nirmesh-plugin-x'];
        const raw = { target: ' spinnaker2-boards:4 ', neuronsPerCore: { LIF: 128 }, validationDelayMs: 0, mapOn: 'change', timeUnit: 'ms', lenientNir: true, run, plugins };
        expect(parseSettings(raw)).toEqual({
            settings: { target: 'spinnaker2-boards:4', neuronsPerCore: { LIF: 128 }, validationDelayMs: 0, mapOn: 'change', timeUnit: 'ms', lenientNir: true, run, plugins },
            warnings: [],
        });
    });

    it('replaces each wrong value by its default and names the setting in a warning', () => {
        const { settings, warnings } = parseSettings({ target: '', validationDelayMs: -5, mapOn: 'sometimes', timeUnit: 'h', lenientNir: 'yes', neuronsPerCore: { LIF: 0, CubaLIF: 64 }, plugins: ['a.js', 3] });
        expect(settings).toEqual({ ...DEFAULT_SETTINGS, neuronsPerCore: { CubaLIF: 64 } });
        expect(warnings.map((w) => w.split(':')[0])).toEqual([
            'nirmesh.target',
            'nirmesh.neuronsPerCore.LIF',
            'nirmesh.validationDelayMs',
            'nirmesh.mapOn',
            'nirmesh.timeUnit',
            'nirmesh.lenientNir',
            'nirmesh.plugins',
        ]);
    });

    it('refuses a section that is not an object', () => {
        const { settings, warnings } = parseSettings(['target']);
        expect(settings).toEqual(DEFAULT_SETTINGS);
        expect(warnings).toHaveLength(1);
    });
});
