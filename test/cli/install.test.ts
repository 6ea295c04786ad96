import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };

/**
 * The command installs like one: the tarball `npm pack` makes (from the `dist/` that `npm test`
 * builds first) installs globally into a temporary prefix, and the `nirmesh` it puts on the PATH
 * works from another folder. npm takes the dependencies from its cache when it has them.
 */

const ROOT = join(import.meta.dirname, '..', '..');
let work: string;

function npm(...args: string[]): string {
    return execFileSync('npm', args, { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function nirmesh(args: string[], env: Record<string, string> = {}) {
    const run = spawnSync('nirmesh', args, { cwd: work, encoding: 'utf8', env: { ...process.env, PATH: `${join(work, 'prefix', 'bin')}:${process.env.PATH}`, ...env } });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
    expect(existsSync(join(ROOT, 'dist', 'cli.cjs')), 'dist/cli.cjs: run node esbuild.mjs first').toBe(true);
    work = mkdtempSync(join(tmpdir(), 'nirmesh-install-'));
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work, ROOT], { cwd: work, stdio: 'ignore' });
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack made no tarball');
    npm('install', '-g', '--prefix', join(work, 'prefix'), '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', join(work, tarball));
    copyFileSync(join(ROOT, 'examples', 'small-convnet.nir.yaml'), join(work, 'convnet.nir.yaml'));
    copyFileSync(join(ROOT, 'test', 'fixtures', 'nir', 'generated', 'graph_ff_lif_lzf.nir'), join(work, 'lzf.nir'));
    copyFileSync(join(ROOT, 'test', 'fixtures', 'hostile', 'global-heap-loop.nir'), join(work, 'looping.nir'));
}, 240_000);

afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed and installed nirmesh', () => {
    it('is on the PATH of the prefix and prints its version', () => {
        const run = nirmesh(['--version']);
        expect(run.stdout).toBe(`nirmesh ${packageJson.version}\n`);
        expect(run.code).toBe(0);
    });

    it('checks a spec outside the repository', () => {
        const run = nirmesh(['check', 'convnet.nir.yaml']);
        expect(run.stderr).toBe('');
        expect(run.stdout).toContain('1 file checked: 0 errors');
        expect(run.code).toBe(0);
    });

    it('reads an LZF-compressed .nir file (h5wasm and its filter plugin are found)', () => {
        const run = nirmesh(['check', 'lzf.nir']);
        expect(run.stdout).not.toContain('hdf5/unsupported-filter');
        expect(run.stdout).toContain('1 file checked: 0 errors');
    });

    it('reads .nir files in its reader worker: a file on which HDF5 loops ends at the bound', () => {
        const run = nirmesh(['check', 'looping.nir'], { NIRMESH_NIR_READ_TIMEOUT_MS: '2000' });
        expect(run.stdout).toContain('looping.nir [/] - error hdf5/read-timeout: Reading the file took longer than 2 s');
        expect(run.code).toBe(1);
    });

    it('prints the usage of check for check --help', () => {
        const run = nirmesh(['check', '--help']);
        expect(run.stdout).toContain('usage: nirmesh check FILE...');
        expect(run.code).toBe(0);
    });
});
