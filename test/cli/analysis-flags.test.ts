import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli } from '../../cli/src/run-cli.js';

const root = join(import.meta.dirname, '..', '..');
const TWO_LAYER = 'test/engine/mapping/fixtures/two-layer.nir.yaml';
const DELAYED = 'test/fixtures/cli/delayed.nir.yaml';

async function run(...args: string[]) {
    const out = { stdout: '', stderr: '' };
    const code = await runCli(args, { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t) }, root);
    return { code, ...out };
}

interface NodeJson { name: string; pes: unknown[]; neurons_per_core: number; neurons_per_core_source: string }

describe('--neurons-per-core TYPE=N', () => {
    it('sets the default neurons per PE of each type named in map, and a node\'s own hint still wins', async () => {
        const { code, stdout } = await run('map', TWO_LAYER, '--json', '--target', 'spinnaker2-chip', '--neurons-per-core', 'LIF=2', '--neurons-per-core', 'Input=8');
        expect(code).toBe(0);
        const report = JSON.parse(stdout);
        expect(report.nodes.map((n: NodeJson) => [n.name, n.neurons_per_core, n.neurons_per_core_source, n.pes.length])).toEqual([
            ['input', 8, 'default', 2], ['lif1', 16, 'hint', 2], ['lif2', 2, 'default', 2],
        ]);
        expect(report.pes_used).toBe(6);
    });

    it('is taken by check, and rejects malformed values with exit 2', async () => {
        expect((await run('check', TWO_LAYER, '--target', 'spinnaker2-chip', '--neurons-per-core', 'LIF=2')).code).toBe(0);
        for (const bad of ['LIF', 'LIF=0', 'LIF=1.5', '=4']) {
            const { code, stderr } = await run('check', TWO_LAYER, '--neurons-per-core', bad);
            expect(code).toBe(2);
            expect(stderr).toContain(`--neurons-per-core takes TYPE=N (a NIR type and a whole number ≥ 1), not '${bad}'`);
        }
    });
});

describe('--time-unit s|ms', () => {
    /** The `spinnaker2/delay-range` diagnostics of a `--json` run (SpiNNaker2 also rejects the Delay type itself, as a separate rule). */
    async function delayRange(...args: string[]): Promise<{ message: string }[]> {
        const { code, stdout } = await run(...args, '--json');
        expect(code).toBe(1);
        return JSON.parse(stdout).diagnostics.filter((d: { code: string }) => d.code === 'spinnaker2/delay-range');
    }

    it('reads Delay values in seconds by default and in milliseconds with ms, in check and map', async () => {
        const [delay] = await delayRange('check', DELAYED);
        expect(delay.message).toMatch(/Delay 'delay' up to 0\.01 at dt 0\.001 = 10 steps/);
        expect(await delayRange('check', DELAYED, '--time-unit', 's')).toHaveLength(1);
        expect(await delayRange('check', DELAYED, '--time-unit', 'ms')).toEqual([]);
        expect(await delayRange('map', DELAYED, '--target', 'spinnaker2-chip')).toHaveLength(1);
        expect(await delayRange('map', DELAYED, '--target', 'spinnaker2-chip', '--time-unit', 'ms')).toEqual([]);
    });

    it('rejects another unit with exit 2', async () => {
        const { code, stderr } = await run('map', DELAYED, '--time-unit', 'us');
        expect(code).toBe(2);
        expect(stderr).toContain("map: --time-unit takes s or ms, not 'us'");
    });
});
