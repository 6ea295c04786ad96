import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };

/**
 * The installed command as a shell runs it: `node bin/nirmesh.cjs` (the built `dist/cli.cjs`, which
 * `npm test` builds first), its exit codes and its streams.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nirmesh.cjs');
const EXAMPLE = join(ROOT, 'examples', 'ff-lif-classifier.nir.yaml');
const MISTAKES = join(ROOT, 'examples', 'mistakes.nir.yaml');

function nirmesh(...args: string[]) {
    const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('bin/nirmesh.cjs', () => {
    it('exits 0 on a clean spec', () => {
        const run = nirmesh('check', EXAMPLE);
        expect(run.stdout).toContain('1 file checked: 0 errors');
        expect(run.code).toBe(0);
    });

    it('exits 1 when the spec has errors', () => {
        const run = nirmesh('check', MISTAKES);
        expect(run.stdout).toMatch(/mistakes\.nir\.yaml:\d+:\d+ - error /);
        expect(run.code).toBe(1);
    });

    it('exits 2 on a usage error, naming the flag on stderr', () => {
        const run = nirmesh('check', '--no-such-flag', EXAMPLE);
        expect(run.stderr).toContain('--no-such-flag');
        expect(run.stdout).toBe('');
        expect(run.code).toBe(2);
    });

    it('checks the readable files when one of several cannot be read, and exits 2', () => {
        const run = nirmesh('check', 'missing.nir.yaml', MISTAKES);
        expect(run.stderr).toContain('missing.nir.yaml: cannot read (ENOENT');
        expect(run.stdout).toMatch(/mistakes\.nir\.yaml:\d+:\d+ - error /);
        expect(run.stdout).toContain('1 file checked');
        expect(run.code).toBe(2);
    });

    it('prints a command\'s usage for COMMAND --help and exits 0', () => {
        for (const command of ['check', 'convert', 'map', 'targets', 'schema', 'lsp']) {
            const run = nirmesh(command, '--help');
            expect(run.stdout).toContain(`usage: nirmesh ${command}`);
            expect(run.code).toBe(0);
        }
    });

    it('prints the package version for --version', () => {
        const run = nirmesh('--version');
        expect(run.stdout).toBe(`nirmesh ${packageJson.version}\n`);
        expect(run.code).toBe(0);
    });
});
