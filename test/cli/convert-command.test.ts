import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliIn } from '../helpers/run-cli-in.js';

const corpus = join(import.meta.dirname, '..', 'fixtures', 'nir', 'generated');
let dir = '';

const run = (...argv: string[]) => runCliIn(dir, ...argv);

beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nirmesh-convert-'));
    copyFileSync(join(corpus, 'graph_metadata.nir'), join(dir, 'in.nir'));
    copyFileSync(join(corpus, 'graph_ff_lif_lzf.nir'), join(dir, 'lzf.nir'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('nirmesh convert', () => {
    it('converts .nir to YAML and back to a file that checks the same', async () => {
        expect((await run('convert', 'in.nir', 'out.nir.yaml')).code).toBe(0);
        const text = readFileSync(join(dir, 'out.nir.yaml'), 'utf-8');
        expect(text).toMatch(/^version: "1\.0\.8\.dev9\+g7232ada6d"$/m);
        expect(text).toMatch(/trained_with: snnTorch/);
        const back = await run('convert', 'out.nir.yaml', 'back.nir');
        expect(back.code).toBe(0);
        expect(back.stdout).toMatch(/^wrote back\.nir \(\d+ bytes\)$/m);
        expect((await run('convert', 'back.nir', 'again.nir.yaml')).code).toBe(0);
        expect(readFileSync(join(dir, 'again.nir.yaml'), 'utf-8')).toBe(text);
    });

    it('reads LZF-compressed files through the shipped plugin', async () => {
        expect((await run('convert', 'lzf.nir', 'lzf.nir.yaml')).code).toBe(0);
        expect(readFileSync(join(dir, 'lzf.nir.yaml'), 'utf-8')).toMatch(/fc1:/);
    });

    it('never overwrites without --force, and refuses IN == OUT', async () => {
        writeFileSync(join(dir, 'taken.nir.yaml'), 'keep me');
        const refused = await run('convert', 'in.nir', 'taken.nir.yaml');
        expect(refused.code).toBe(2);
        expect(refused.stderr).toMatch(/exists; pass --force/);
        expect(readFileSync(join(dir, 'taken.nir.yaml'), 'utf-8')).toBe('keep me');
        expect((await run('convert', 'in.nir', 'taken.nir.yaml', '--force')).code).toBe(0);
        expect(readFileSync(join(dir, 'taken.nir.yaml'), 'utf-8')).toMatch(/^node:$/m);
        expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });

    it('refuses IN == OUT even with --force, before OUT exists could be the reason', async () => {
        const before = readFileSync(join(dir, 'in.nir'));
        const same = await run('convert', 'in.nir', './in.nir', '--force');
        expect(same.code).toBe(2);
        expect(same.stderr).toBe('nirmesh: convert: IN and OUT are the same file\n');
        expect(readFileSync(join(dir, 'in.nir')).equals(before)).toBe(true);
        expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });

    it('writes nothing and exits 1 when the input has errors', async () => {
        writeFileSync(join(dir, 'bad.nir'), 'not an HDF5 file at all');
        const result = await run('convert', 'bad.nir', 'bad.nir.yaml');
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/bad\.nir.*error hdf5\/not-hdf5/);
        expect(existsSync(join(dir, 'bad.nir.yaml'))).toBe(false);
    });

    it('rejects unknown output types and missing inputs with exit 2', async () => {
        expect((await run('convert', 'in.nir', 'out.txt')).code).toBe(2);
        expect((await run('convert', 'missing.nir', 'out.nir.yaml')).code).toBe(2);
        expect((await run('convert', 'in.nir')).code).toBe(2);
    });
});
