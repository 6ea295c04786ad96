import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../cli/src/run-cli.js';
import { exportTo, tempDir } from '../helpers/py-spinnaker2-double.js';

const root = join(import.meta.dirname, '..', '..');
const TWO_LAYER = 'test/engine/mapping/fixtures/two-layer.nir.yaml';
const OVERSIZED = 'test/engine/mapping/fixtures/oversized.nir.yaml';

describe('nirmesh export', () => {
    it('lists the registered exporters', async () => {
        let stdout = '';
        const code = await runCli(['export', '--list'], { stdout: (t) => void (stdout += t), stderr: () => undefined }, root);
        expect(code).toBe(0);
        expect(stdout).toMatch(/^py-spinnaker2 +run\.py for SpiNNaker2/m);
    });

    it('writes run.py, its data and a README, and never overwrites without --force', async () => {
        const dir = tempDir();
        const first = await exportTo(TWO_LAYER, dir);
        expect(first.code, first.stderr).toBe(0);
        expect(readdirSync(dir).sort()).toEqual(['README.md', 'inputs', 'params.json', 'populations.json', 'run.py', 'weights']);
        expect(readFileSync(join(dir, 'README.md'), 'utf-8')).toMatch(/python3 run\.py --eth-ip/);
        writeFileSync(join(dir, 'run.py'), 'mine');
        const again = await exportTo(TWO_LAYER, dir);
        expect([again.code, readFileSync(join(dir, 'run.py'), 'utf-8')]).toEqual([2, 'mine']);
        const forced = await exportTo(TWO_LAYER, dir, '--force');
        expect(forced.code).toBe(0);
        expect(readFileSync(join(dir, 'run.py'), 'utf-8')).toMatch(/^#!\/usr\/bin\/env python3/);
    });

    it('refuses a network that does not fit, with the mapping\'s errors, and writes nothing', async () => {
        const dir = join(tempDir(), 'out');
        const { code, stderr } = await exportTo(OVERSIZED, dir);
        expect(code).toBe(1);
        expect(stderr).toMatch(/error spinnaker2\/sram-per-pe: a PE of 'lif1'/);
        expect(stderr).toMatch(/does not fit spinnaker2-board48 \(1 error\); nothing written/);
        expect(existsSync(dir)).toBe(false);
    });

    it('names the exporters when --to is unknown', async () => {
        const { code, stderr } = await exportTo(TWO_LAYER, tempDir(), '--to', 'nest');
        expect(code).toBe(2);
        expect(stderr).toMatch(/no exporter 'nest' \(known: py-spinnaker2, pynn\)/);
    });
});
