/**
 * A second real LSP client: Neovim's built-in client (Debian `neovim`, 0.7+), headless, starts
 * `nirmesh lsp --stdio` on a broken example and must receive the same diagnostics as
 * `nirmesh check --json` reports for that file. Skipped, with a message, where `nvim` is absent.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ROOT } from '../helpers/lsp-client.js';

const NVIM = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
if (!NVIM) console.warn('test/nvim skipped: nvim is not installed (apt-get install neovim)');

/** The example with mistakes (helper-written) when present, else the protocol tests' broken fixture. */
const EXAMPLE = [join(ROOT, 'examples', 'mistakes.nir.yaml'), join(ROOT, 'test', 'lsp', 'fixtures', 'broken.nir.yaml')].find((p) => existsSync(p)) as string;
const SETTINGS = { target: 'none' };

interface NvimDiagnostic {
    lnum: number;
    col: number;
    code: string;
    source: string;
    message: string;
}

/** Runs a process to its end; resolves with its exit code and output. */
function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
}

describe('Neovim', () => {
    it.skipIf(!NVIM)('receives the diagnostics of a broken example through its built-in LSP client', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'nirmesh-nvim-'));
        const file = join(dir, basename(EXAMPLE));
        copyFileSync(EXAMPLE, file);
        const env = {
            ...process.env,
            NIRMESH_LSP_CMD: JSON.stringify(['node', join(ROOT, 'dist', 'cli.cjs'), 'lsp', '--stdio']),
            NIRMESH_SETTINGS: JSON.stringify(SETTINGS),
            XDG_CACHE_HOME: join(dir, 'cache'),
            XDG_STATE_HOME: join(dir, 'state'),
            XDG_CONFIG_HOME: join(dir, 'config'),
        };
        const nvim = await run('nvim', ['--headless', '-i', 'NONE', '-n', '-u', join(ROOT, 'test', 'nvim', 'init.lua'), basename(file)], { cwd: dir, env });
        expect(nvim.code, nvim.stderr).toBe(0);
        const out = JSON.parse(nvim.stdout.trim().split('\n').at(-1) ?? '{}') as { filetype: string; diagnostics: NvimDiagnostic[] };
        expect(out.filetype).toBe('nir-yaml');

        const cli = await run('node', [join(ROOT, 'dist', 'cli.cjs'), 'check', '--json', '--target', SETTINGS.target, file], { cwd: dir });
        const expected = (JSON.parse(cli.stdout) as { diagnostics: { code: string; range: { start: { line: number }; end: { line: number } } }[] }).diagnostics;
        expect(expected.length).toBeGreaterThan(0);
        expect(out.diagnostics.map((d) => d.code).sort()).toEqual(expected.map((d) => d.code).sort());
        // The server narrows a block to its key or first line; it stays within the CLI's range.
        for (const d of out.diagnostics) {
            expect(expected.some((e) => e.code === d.code && e.range.start.line - 1 <= d.lnum && d.lnum <= e.range.end.line)).toBe(true);
        }
        expect(out.diagnostics.every((d) => d.source === 'nirmesh')).toBe(true);
    });
});
