// @ts-check
/**
 * An example NIRmesh plugin (docs/plugins.md), in plain JavaScript so that it needs no build:
 * `lowmem4-board`, a fictional board of four SpiNNaker2 chips (2 × 2, no wrap-around) whose PEs
 * leave only 48 KiB of SRAM to a network's data, and a check that warns about populations too
 * big for its firmware. Load it with `nirmesh check FILE --plugin examples/plugins/custom-target
 * --target lowmem4-board`, or name this folder in the `nirmesh.plugins` setting.
 */
'use strict';

const TARGET_ID = 'lowmem4-board';
const TITLE = 'LowMem-4: four SpiNNaker2 chips with 48 KiB of data SRAM per PE (example plugin)';
/** The SRAM a PE leaves to a network's data (the built-in SpiNNaker2 chip leaves 67,328 bytes). */
const SRAM_WINDOW_BYTES = 48 * 1024;
/** The largest population the board's (fictional) firmware runs. */
const MAX_POPULATION = 4096;

/** @type {import('../../../engine/src/plugin-api.js').NirmeshPlugin} */
module.exports = {
    apiVersion: 1,
    id: 'lowmem4',
    register(nirmesh) {
        const chip = nirmesh.targets.get('spinnaker2-chip');
        if (!chip) throw new Error('needs the built-in spinnaker2-chip target');
        nirmesh.targets.register({
            id: TARGET_ID,
            title: TITLE,
            description: 'Four SpiNNaker2 chips on a 2 × 2 mesh; 48 KiB of data SRAM per PE instead of 65.75 KiB. A fictional board of the example plugin.',
            create(argument) {
                if (argument !== undefined) return { error: `${TARGET_ID} takes no argument (got '${TARGET_ID}:${argument}')` };
                const base = chip.create(undefined);
                if ('error' in base) return base;
                const settings = new Map(base.settings);
                const window = settings.get('sram_data_window_bytes');
                if (!window) return { error: 'the spinnaker2-chip target has no sram_data_window_bytes setting' };
                settings.set(window.name, { ...window, value: SRAM_WINDOW_BYTES, source: 'the LowMem-4 board (fictional: an example plugin)', confidence: 'documented' });
                return { ...base, id: TARGET_ID, title: TITLE, settings, topology: nirmesh.util.chipMesh(2, 2) };
            },
        });
        nirmesh.checks.register({
            id: 'lowmem4/large-population',
            category: 'fast',
            severity: 'warning',
            needs: 'target',
            title: `A population of more than ${MAX_POPULATION} neurons on the LowMem-4 board.`,
            run(ctx) {
                if (ctx.target?.id !== TARGET_ID) return;
                for (const analysed of ctx.analysis.nodes) {
                    const neurons = (analysed.outputShape ?? []).reduce((a, b) => a * b, 1);
                    if (analysed.kind?.category !== 'neuron' || !analysed.outputShape || neurons <= MAX_POPULATION) continue;
                    ctx.report({
                        code: 'lowmem4/large-population',
                        severity: 'warning',
                        message: `'${analysed.node.name}' has ${neurons.toLocaleString('en-US')} neurons; the LowMem-4 firmware runs populations of at most ${MAX_POPULATION.toLocaleString('en-US')}. Split it into smaller populations.`,
                        origin: analysed.node.origin,
                    });
                }
            },
        });
    },
};
