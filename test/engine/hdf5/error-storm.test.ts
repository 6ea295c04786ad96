import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bundleScript } from '../../helpers/bundle-script.js';
import { CORPUS_DIR } from './corpus-files.js';

/**
 * Thousands of HDF5 errors in one process (a language server that keeps reading broken files)
 * must neither hang nor corrupt the WebAssembly module: h5wasm's throwing error handler leaked
 * C stack and a file descriptor per error and hung after about 2,000. Runs in a child process
 * with a time limit, so that a regression fails this test instead of hanging the suite.
 */
describe('many HDF5 errors in one process', () => {
    it('reads a truncated file 3,000 times, then an intact one, without hanging', async () => {
        const script = await bundleScript(join(import.meta.dirname, 'error-storm-script.ts'), 'error-storm');
        try {
            const run = spawnSync(process.execPath, [script.path, join(CORPUS_DIR, 'generated', 'graph_ff_lif.nir'), '3000'], {
                encoding: 'utf-8',
                timeout: 120_000,
            });
            expect(run.error, 'the child process did not finish in time').toBeUndefined();
            expect(run.status, run.stderr).toBe(0);
            expect(JSON.parse(run.stdout.trim())).toEqual({ unreadable: 3000, rootType: 'NIRGraph', afterProblems: 0 });
            expect(run.stderr).not.toContain('HDF5-DIAG');
        } finally {
            script.remove();
        }
    }, 180_000);
});
