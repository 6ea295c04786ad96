import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chunkShape } from '../../engine/src/hdf5/chunk-shape.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.cjs');

/** A graph with one [n, n] constant weight (441 MB as float32 for n = 10500). */
function spec(n: number): string {
    return `version: 1.0.8
node:
  type: NIRGraph
  nodes:
    input: {type: Input, shape: [${n}]}
    fc: {type: Linear, weight: {shape: [${n}, ${n}], constant: 0.5}}
    output: {type: Output, shape: [${n}]}
  edges: [input -> fc, fc -> output]
`;
}

describe('large tensors in .nir files', () => {
    it('chunks compressed datasets as h5py does (at most 1 MiB a chunk)', () => {
        // h5py._hl.filters.guess_chunk for the same shapes and element sizes
        expect(chunkShape([10500, 10500], 4)).toEqual([165, 165]);
        expect(chunkShape([100, 784], 4)).toEqual([13, 196]);
        expect(chunkShape([1000, 1000, 3], 8)).toEqual([63, 125, 1]);
        expect(chunkShape([3], 8)).toEqual([3]);
        expect(chunkShape([1], 1)).toEqual([1]);
    });

    // Each command runs in a fresh process, as a user runs them: HDF5's WebAssembly memory starts small.
    it('reads back a [10500, 10500] weight that convert wrote', () => {
        const dir = mkdtempSync(join(tmpdir(), 'nirmesh-large-'));
        try {
            writeFileSync(join(dir, 'big.nir.yaml'), spec(10500));
            const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf-8', timeout: 240_000 });
            const converted = run('convert', 'big.nir.yaml', 'big.nir');
            expect(converted.status, converted.stderr).toBe(0);
            const checked = run('check', 'big.nir', '--json');
            expect(checked.error).toBeUndefined();
            expect(checked.stdout).not.toMatch(/hdf5\/bad-data|nir\/missing-param/);
            expect(checked.status, checked.stdout + checked.stderr).toBe(0);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    }, 600_000);
});
