import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkerNirReader } from '../../../host/nir-reader/index.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** The worker bundle (`node esbuild.mjs` builds it, as the server tests need dist/). */
const WORKER = join(ROOT, 'dist', 'nir-read-worker.cjs');
const good = new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', 'nir', 'generated', 'prim_i.nir')));

/**
 * Byte 112 lies in the root group's object header: with it changed HDF5 still opens the file but
 * cannot open the root group to list it, and h5wasm reports that by throwing from inside
 * WebAssembly, leaking a little of its module's stack (one call a read; ~20,000 exhaust it).
 */
const unopenable = good.slice();
unopenable[112] ^= 0xff;

let reader: WorkerNirReader | undefined;
afterEach(() => reader?.dispose());

describe.skipIf(!existsSync(WORKER))('the .nir reader worker', () => {
    it('reads 30,000 files with an object HDF5 cannot open, retiring worn workers, then reads a good file', async () => {
        reader = new WorkerNirReader(WORKER);
        const seen = new Map<string, number>();
        for (let i = 0; i < 30_000; i++) {
            const result = await reader.read(unopenable, false);
            const key = result.problems.map((p) => `${p.code} ${p.origin.path}`).join('; ');
            seen.set(key, (seen.get(key) ?? 0) + 1);
        }
        expect([...seen]).toEqual([['hdf5/bad-object /', 30_000]]);
        // One unwound call a read and a fresh module after 2,000 of them: one worker per 2,000 reads.
        expect(reader.workersStarted).toBe(15);
        const after = await reader.read(good, false);
        expect(after.problems).toEqual([]);
        expect([...after.document!.root.nodes!.keys()]).toEqual(['input', 'node', 'output']);
    }, 600_000);

    it('stops a read that outlives its bound and reads the next file in a fresh worker', async () => {
        reader = new WorkerNirReader(WORKER, { readTimeMs: 1, retireAfterUnwoundCalls: 2_000 });
        const stopped = await reader.read(good, false);
        expect(stopped.problems.map((p) => p.code)).toEqual(['hdf5/read-timeout']);
        expect(stopped.problems[0].message).toMatch(/took longer than 0\.001 s/);
        expect(reader.workersStarted).toBe(1);
    });
});
