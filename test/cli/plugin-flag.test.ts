import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliIn } from '../helpers/run-cli-in.js';

/** `nirmesh … --plugin MODULE`: the example plugin under examples/plugins/ and broken plugin fixtures. */

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLE = 'examples/plugins/custom-target';
const FIXTURES = 'test/fixtures/plugins';
const SPEC = 'examples/ff-lif-classifier.nir.yaml';

describe('nirmesh --plugin', () => {
    it('lists the plugin\'s target beside the built-in ones, and its settings', async () => {
        const listed = await runCliIn(ROOT, 'targets', '--plugin', EXAMPLE);
        expect(listed.code).toBe(0);
        expect(listed.stdout).toMatch(/^lowmem4-board +LowMem-4: four SpiNNaker2 chips/m);
        expect(listed.stdout).toContain('spinnaker2-board48');
        const settings = await runCliIn(ROOT, 'targets', 'lowmem4-board', '--json', `--plugin=${EXAMPLE}`);
        expect(settings.code).toBe(0);
        const window = JSON.parse(settings.stdout).settings.find((s: { name: string }) => s.name === 'sram_data_window_bytes');
        expect(window).toMatchObject({ value: 49152, source: 'the LowMem-4 board (fictional: an example plugin)' });
        expect((await runCliIn(ROOT, 'targets')).stdout).not.toContain('lowmem4-board');
    });

    it('checks against the plugin\'s target: a network that fits the default board does not fit its smaller SRAM', async () => {
        const onDefault = await runCliIn(ROOT, 'check', SPEC, '--plugin', EXAMPLE);
        expect(onDefault.code).toBe(0);
        const onPlugin = await runCliIn(ROOT, 'check', SPEC, '--plugin', EXAMPLE, '--target', 'lowmem4-board', '--json');
        expect(onPlugin.code).toBe(1);
        const problems = JSON.parse(onPlugin.stdout).diagnostics as { code: string; message: string }[];
        const sram = problems.filter((p) => p.code === 'spinnaker2/sram-per-pe');
        expect(sram.length).toBeGreaterThan(0);
        expect(sram[0].message).toContain('lowmem4-board');
    });

    it('runs the plugin\'s own check, with its code, only on its target', async () => {
        const big = 'examples/sparse-procedural.nir.yaml';
        const onPlugin = await runCliIn(ROOT, 'check', big, '--fast', '--plugin', EXAMPLE, '--target', 'lowmem4-board');
        expect(onPlugin.stdout).toMatch(/sparse-procedural\.nir\.yaml:\d+:\d+ - warning lowmem4\/large-population: 'exc' has 8,000 neurons/);
        const onDefault = await runCliIn(ROOT, 'check', big, '--fast', '--plugin', EXAMPLE);
        expect(onDefault.stdout).not.toContain('lowmem4/');
    });

    it('maps onto the plugin\'s four-chip mesh', async () => {
        const mapped = await runCliIn(ROOT, 'map', SPEC, '--plugin', EXAMPLE, '--target', 'lowmem4-board', '--set', 'sram_data_window_bytes=67328', '--json');
        expect(mapped.code).toBe(0);
        expect(JSON.parse(mapped.stdout).limits).toMatchObject({ chips: 4 });
    });

    it('loads an ES module plugin by its named exports: an exporter the export command then offers', async () => {
        const out = mkdtempSync(join(tmpdir(), 'nirmesh-plugin-'));
        try {
            const module = `${FIXTURES}/model-and-exporter.mjs`;
            expect((await runCliIn(ROOT, 'export', '--list', '--plugin', module)).stdout).toMatch(/^node-list +the names of the nodes/m);
            const exported = await runCliIn(ROOT, 'export', SPEC, '--to', 'node-list', '--out', out, '--force', '--plugin', module);
            expect(exported.code).toBe(0);
            expect(readFileSync(join(out, 'nodes.txt'), 'utf8')).toBe('input\nfc1\nlif1\nfc2\nlif2\noutput\n');
        } finally {
            rmSync(out, { recursive: true, force: true });
        }
    });

    it.each([
        ['./no-such-plugin.js', /^nirmesh: plugin \.\/no-such-plugin\.js: cannot find the module: no file .*no-such-plugin\.js/],
        ['no-such-nirmesh-plugin', /^nirmesh: plugin no-such-nirmesh-plugin: cannot find the module: no package 'no-such-nirmesh-plugin' is installed/],
        [`${FIXTURES}/throws-on-load.js`, /^nirmesh: plugin test\/fixtures\/plugins\/throws-on-load\.js \(\/.*throws-on-load\.js\): loading it failed: this plugin is broken on purpose/],
        [`${FIXTURES}/no-plugin.js`, /: it exports no plugin: expected \{ apiVersion, id, register\(api\) \}/],
        [`${FIXTURES}/future-api.js`, /: it is written for plugin API version 99, but this NIRmesh offers version 1/],
        [`${FIXTURES}/duplicate-target.js`, /: its register failed: hardware target 'spinnaker2-chip' is already registered/],
    ])('refuses the broken plugin %s with exit 2 and the module in the message', async (module, message) => {
        const run = await runCliIn(ROOT, 'check', SPEC, '--plugin', module);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(message);
    });

    it('refuses --plugin without a module', async () => {
        const run = await runCliIn(ROOT, 'targets', '--plugin');
        expect(run.code).toBe(2);
        expect(run.stderr).toBe('nirmesh: --plugin needs a MODULE (a path, or a package name)\n');
    });
});
