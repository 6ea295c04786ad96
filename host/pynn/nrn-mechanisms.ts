import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { PynnEnvironmentError } from './debian-environment.js';

/** PyNN's NMODL sources as Debian installs them (`python3-pynn`). */
export const PYNN_NMODL_DIR = '/usr/lib/python3/dist-packages/pyNN/neuron/nmodl';

/**
 * What the NRNHOME folder links to, by its path inside that folder: Debian's `nrnivmodl` runs
 * `make -f $NRNHOME/bin/nrnmech_makefile ROOT=$NRNHOME`, and that makefile wants `bin/nocmodl`,
 * `lib/libnrniv.so`, `include/` and `share/nrn/`, which Debian keeps elsewhere (`dpkg -L neuron neuron-dev`).
 */
const NRNHOME_LINKS: readonly (readonly [string, string])[] = [
    ['bin/nrnmech_makefile', '/usr/lib/nrn/nrnmech_makefile'],
    ['bin/nocmodl', '/usr/bin/nocmodl'],
    ['lib/libnrniv.so', '/usr/lib/nrn/libnrniv.so'],
    ['include', '/usr/include'],
    ['share', '/usr/share'],
];

const NRNIVMODL = '/usr/bin/nrnivmodl';

/**
 * The library `nrnivmodl` builds, relative to the folder it ran in (what `neuron.load_mechanisms`
 * loads): under the architecture folder the script names (`MODSUBDIR=x86_64` on amd64).
 */
function mechanismLibrary(): string {
    const arch = /^MODSUBDIR=(\S+)$/m.exec(readFileSync(NRNIVMODL, 'utf8'))?.[1] ?? 'x86_64';
    return join(arch, '.libs', 'libnrnmech.so');
}

/** Where NIRmesh caches compiled NEURON mechanisms: `$XDG_CACHE_HOME/nirmesh/nrn`, else `~/.cache/nirmesh/nrn`. */
export function nrnCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
    return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'nirmesh', 'nrn');
}

/**
 * The cache key of one build: a hash of what the build depends on (the `.mod` files, the
 * makefile, and the size and time of `libnrniv.so`), so that an upgraded NEURON or PyNN compiles
 * afresh into a new folder and never loads a stale library.
 */
function buildKey(modFiles: readonly string[]): string {
    const hash = createHash('sha256');
    for (const name of modFiles) hash.update(name).update(readFileSync(join(PYNN_NMODL_DIR, name)));
    hash.update(readFileSync('/usr/lib/nrn/nrnmech_makefile'));
    const lib = statSync('/usr/lib/nrn/libnrniv.so');
    hash.update(`${lib.size}:${lib.mtimeMs}`);
    return hash.digest('hex').slice(0, 16);
}

/** Moves a finished build into place; when another process got there first, keeps theirs. */
function publish(staging: string, final: string): void {
    try {
        renameSync(staging, final);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        rmSync(staging, { recursive: true, force: true });
        if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || !existsSync(final)) throw error;
    }
}

/** The NRNHOME folder of links (made once, atomically), inside `root`. */
function nrnHome(root: string): string {
    const home = join(root, 'nrnhome');
    if (existsSync(join(home, 'bin', 'nrnmech_makefile'))) return home;
    const staging = mkdtempSync(join(root, '.nrnhome-'));
    for (const [inside, target] of NRNHOME_LINKS) {
        mkdirSync(join(staging, inside, '..'), { recursive: true });
        symlinkSync(target, join(staging, inside));
    }
    publish(staging, home);
    return home;
}

/** Runs `nrnivmodl` in `dir`; rejects with the tail of its output when it fails. */
function nrnivmodl(dir: string, home: string, library: string): Promise<void> {
    return new Promise((resolve, reject) => {
        const child = spawn(NRNIVMODL, [], { cwd: dir, env: { ...process.env, NRNHOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        const keep = (chunk: Buffer) => void (output = (output + chunk.toString('utf8')).slice(-4000));
        child.stdout.on('data', keep);
        child.stderr.on('data', keep);
        child.on('error', (error) => reject(new PynnEnvironmentError(`cannot start nrnivmodl (${error.message}); install the Debian package neuron-dev`)));
        child.on('close', (code) => {
            if (code === 0 && existsSync(join(dir, library))) resolve();
            else reject(new PynnEnvironmentError(`nrnivmodl could not compile PyNN's NEURON mechanisms (exit ${code}):\n${output.trim().split('\n').slice(-15).join('\n')}`));
        });
    });
}

/**
 * The folder of PyNN's NEURON mechanisms compiled with Debian's `nrnivmodl`, for
 * `NIRMESH_NRNMECH_DIR` (the exported script loads it with `neuron.load_mechanisms`). Compiled once
 * per NEURON and PyNN version into the cache (`nrnCacheRoot`), never under /usr; later calls return
 * at once. Concurrent first calls do not race: each compiles in its own staging folder and
 * renames it into place, and the loser keeps the winner's.
 */
export async function compiledNrnMechanisms(cacheRoot: string = nrnCacheRoot()): Promise<string> {
    const modFiles = readdirSync(PYNN_NMODL_DIR).filter((name) => name.endsWith('.mod')).sort();
    const final = join(cacheRoot, buildKey(modFiles));
    const library = mechanismLibrary();
    if (existsSync(join(final, library))) return final;
    mkdirSync(cacheRoot, { recursive: true });
    const home = nrnHome(cacheRoot);
    const staging = mkdtempSync(join(cacheRoot, '.build-'));
    try {
        for (const name of modFiles) copyFileSync(join(PYNN_NMODL_DIR, name), join(staging, name));
        await nrnivmodl(staging, home, library);
    } catch (error) {
        rmSync(staging, { recursive: true, force: true });
        throw error;
    }
    publish(staging, final);
    return final;
}
