/**
 * A `.nir` file on which HDF5 loops forever (a damaged global heap, made by
 * test/fixtures/hostile/make-global-heap-loop.py), given to the real command (`node
 * bin/nirmesh.cjs`, built by `node esbuild.mjs`): the read runs in the reader worker beside the
 * bundle, ends at its bound with `hdf5/read-timeout` naming the file, and the process exits.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nirmesh.cjs');
const LOOPING = join('test', 'fixtures', 'hostile', 'global-heap-loop.nir');
/** The read bound the test sets; the harness kills a run that outlives ten times that (a hang). */
const BOUND_MS = 5_000;

function nirmesh(...args: string[]) {
    const run = spawnSync(process.execPath, [BIN, ...args], {
        cwd: ROOT, encoding: 'utf8', timeout: 20 * BOUND_MS, env: { ...process.env, NIRMESH_NIR_READ_TIMEOUT_MS: String(BOUND_MS) },
    });
    return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

describe.skipIf(!existsSync(join(ROOT, 'dist', 'nir-read-worker.cjs')))('a .nir file on which HDF5 loops forever', () => {
    it('ends check at the read bound with hdf5/read-timeout at the file, exit 1', () => {
        const run = nirmesh('check', LOOPING);
        expect(run.signal).toBeNull();
        expect(run.stdout).toContain(`${LOOPING} [/] - error hdf5/read-timeout: Reading the file took longer than 5 s and was stopped`);
        expect(run.stdout).toContain('1 file checked: 1 error, 0 warnings');
        expect(run.code).toBe(1);
    }, 200_000);

    it('ends convert the same way and writes nothing', () => {
        const folder = mkdtempSync(join(tmpdir(), 'nirmesh-read-timeout-'));
        try {
            const out = join(folder, 'out.nir.yaml');
            const run = nirmesh('convert', LOOPING, out);
            expect(run.signal).toBeNull();
            expect(run.stderr).toContain(`${LOOPING} [/] - error hdf5/read-timeout`);
            expect(run.stderr).toContain(`nirmesh: ${LOOPING} has errors; nothing written`);
            expect(run.code).toBe(1);
            expect(existsSync(out)).toBe(false);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    }, 200_000);

    it.each([
        ['map', []],
        ['run', ['--steps', '10']],
        ['export', ['--to', 'py-spinnaker2', '--out', join(tmpdir(), `nirmesh-read-timeout-export-${process.pid}`)]],
    ])('ends %s the same way', (command, flags) => {
        const run = nirmesh(command, LOOPING, ...flags);
        expect(run.signal).toBeNull();
        expect(run.stdout + run.stderr).toContain(`${LOOPING} [/] - error hdf5/read-timeout`);
        expect(run.code).toBe(1);
    }, 200_000);

    it('warns about a bound that is not a number of milliseconds and reads with the default', () => {
        const run = spawnSync(process.execPath, [BIN, 'check', join('examples', 'ff-lif-classifier.nir.yaml')], {
            cwd: ROOT, encoding: 'utf8', env: { ...process.env, NIRMESH_NIR_READ_TIMEOUT_MS: '1e99' },
        });
        expect(run.stderr).toBe('nirmesh: NIRMESH_NIR_READ_TIMEOUT_MS="1e99" is not a number of milliseconds from 1 to 2147483647; reading .nir files with the default bound of 60000 ms\n');
        expect(run.status).toBe(0);
    });
});
