/**
 * What `convert` and `schema --out` never overwrite, and what an interrupted `convert` leaves:
 * real symbolic links, `/proc/self/cwd` paths, and signals sent to a real `nirmesh convert`
 * process (the built `dist/cli.cjs`; run `node esbuild.mjs` first).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/lsp-client.js';
import { runCliIn } from '../helpers/run-cli-in.js';

const CLI = join(ROOT, 'dist', 'cli.cjs');
const NIR = join(import.meta.dirname, '..', 'fixtures', 'nir', 'generated', 'graph_metadata.nir');
let dir = '';

beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nirmesh-overwrite-'));
    copyFileSync(NIR, join(dir, 'in.nir'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('schema --out', () => {
    it('keeps an existing file, and the file a link points to, unless --force', async () => {
        writeFileSync(join(dir, 'keep.json'), 'keep me');
        symlinkSync(join(dir, 'keep.json'), join(dir, 'link.json'));
        for (const name of ['keep.json', 'link.json']) {
            const refused = await runCliIn(dir, 'schema', '--out', name);
            expect(refused.code).toBe(2);
            expect(refused.stderr).toBe(`nirmesh: schema: ${name} exists; pass --force to overwrite it\n`);
        }
        expect(readFileSync(join(dir, 'keep.json'), 'utf8')).toBe('keep me');
        expect((await runCliIn(dir, 'schema', '--out', 'link.json', '--force')).code).toBe(0);
        expect(readFileSync(join(dir, 'keep.json'), 'utf8')).toBe('keep me');
        expect(JSON.parse(readFileSync(join(dir, 'link.json'), 'utf8')).title).toBe('NIR graph (*.nir.yaml)');
    });
});

describe('convert --force never rewrites its input', () => {
    it('through a symbolically linked folder', async () => {
        symlinkSync(dir, join(dir, 'alias'));
        const result = await runCliIn(dir, 'convert', 'in.nir', 'alias/in.nir', '--force');
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('nirmesh: convert: IN and OUT are the same file\n');
        expect(readFileSync(join(dir, 'in.nir'))).toEqual(readFileSync(NIR));
    });

    it('through /proc/self/cwd', () => {
        const result = spawnSync(process.execPath, [CLI, 'convert', 'in.nir', '/proc/self/cwd/in.nir', '--force'], { cwd: dir, encoding: 'utf8' });
        expect(result.status).toBe(2);
        expect(result.stderr).toBe('nirmesh: convert: IN and OUT are the same file\n');
        expect(readFileSync(join(dir, 'in.nir'))).toEqual(readFileSync(NIR));
    });
});

describe('temporary files', () => {
    /** A spec whose conversion takes a while (the temporary file exists from its start). */
    const BIG = 'node:\n  type: NIRGraph\n  nodes:\n    a: {type: Input, shape: [1500]}\n    fc: {type: Linear, weight: {shape: [1500, 1500], normal: {mean: 0, std: 1, seed: 1}}}\n    b: {type: Output, shape: [1500]}\n  edges:\n    - [a, fc]\n    - [fc, b]\n';

    for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
        it(`removes its temporary file when ${signal} interrupts the write`, async () => {
            writeFileSync(join(dir, 'big.nir.yaml'), BIG);
            mkdirSync(join(dir, 'out'));
            const watcher = watch(join(dir, 'out'));
            const child = spawn(process.execPath, [CLI, 'convert', 'big.nir.yaml', 'out/big.nir', '--no-compression'], { cwd: dir, stdio: 'ignore' });
            const exited = new Promise<number | null>((resolve) => child.once('exit', (status, sig) => resolve(status ?? (sig ? -1 : null))));
            await new Promise<void>((resolve) => watcher.on('change', (_event, name) => {
                if (String(name).endsWith('.tmp')) resolve();
            }));
            watcher.close();
            child.kill(signal);
            expect(await exited).toBe(code);
            expect(readdirSync(join(dir, 'out'))).toEqual([]);
        });
    }

    it('removes the temporary files a killed run left behind', async () => {
        const dead = spawnSync(process.execPath, ['-e', '']).pid;
        writeFileSync(join(dir, `.out.nir.yaml.nirmesh-${dead}.tmp`), 'left by a killed run');
        writeFileSync(join(dir, `.other.nir.nirmesh-${dead}.tmp`), 'another output\'s');
        expect((await runCliIn(dir, 'convert', 'in.nir', 'out.nir.yaml')).code).toBe(0);
        expect(readdirSync(dir).sort()).toEqual([`.other.nir.nirmesh-${dead}.tmp`, 'in.nir', 'out.nir.yaml']);
        expect(existsSync(join(dir, 'out.nir.yaml'))).toBe(true);
    });
});
