import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readNirSpikes, type InputSpikes } from '../../engine/src/index.js';

/** Debian's Python, with python3-pynn, python3-brian and python3-h5py. */
export const PYTHON = '/usr/bin/python3';

/** True when Debian's PyNN imports (CI installs python3-pynn; the tests that run it skip otherwise). */
export const PYNN_AVAILABLE = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import pyNN, brian2, h5py'], { stdio: 'ignore' }).status === 0;

/** Why the PyNN runs are skipped. */
export const PYNN_SKIP_REASON = "/usr/bin/python3 -c 'import pyNN, brian2, h5py' fails (apt-get install -y python3-pynn python3-brian python3-h5py)";

/** The `NIRMESH-RESULT {json}` line an exported run.py prints. */
export interface PynnResult {
    readonly backend: string;
    readonly np: number;
    readonly steps: number;
    readonly dt_ms: number;
    readonly build_s: number;
    readonly run_s: number;
    readonly spikes: Readonly<Record<string, number>>;
    readonly peak_rss_mb: readonly number[];
}

/** Runs an exported `run.py` with `args` and extra environment `env` (without blocking the test worker) and returns its result line. */
export async function runExported(dir: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<PynnResult> {
    const child = spawn(PYTHON, [join(dir, 'run.py'), ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => void (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    const line = stdout.split('\n').find((l) => l.startsWith('NIRMESH-RESULT '));
    if (code !== 0 || !line) throw new Error(`run.py ${args.join(' ')} failed (${code}):\n${stderr.slice(-3000)}`);
    return JSON.parse(line.slice('NIRMESH-RESULT '.length)) as PynnResult;
}

/** The spike trains of a NIRData file, read with NIRmesh's own reader, as `neuron@tick` sets by node. */
export async function spikeSets(path: string, tickSeconds: number): Promise<Map<string, Set<string>>> {
    const read = await readNirSpikes(readFileSync(path));
    const errors = read.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new Error(`${path}: ${errors.map((p) => p.message).join('; ')}`);
    return new Map(read.spikes.map((s: InputSpikes) => [s.node, new Set(Array.from(s.idx, (n, k) => `${n}@${Math.round(s.time[k] / tickSeconds)}`))]));
}

/** True when NEURON's Python module and nrnivmodl are installed (python3-neuron, neuron-dev). */
export const NEURON_AVAILABLE = PYNN_AVAILABLE && existsSync('/usr/bin/nrnivmodl') && spawnSync(PYTHON, ['-c', 'import neuron'], { stdio: 'ignore' }).status === 0;

/**
 * Compiles PyNN's NEURON mechanisms (`pyNN/neuron/nmodl`) into a fresh folder for
 * `NIRMESH_NRNMECH_DIR`. Debian's nrnivmodl looks for its makefile and library in the wrong place,
 * so NRNHOME points at a folder whose bin/, lib/, include/ and share/ link to where Debian puts them.
 */
export function compileNeuronMechanisms(): string {
    const home = mkdtempSync(join(tmpdir(), 'nirmesh-nrnhome-'));
    mkdirSync(join(home, 'bin'));
    mkdirSync(join(home, 'lib'));
    symlinkSync('/usr/lib/nrn/nrnmech_makefile', join(home, 'bin', 'nrnmech_makefile'));
    symlinkSync('/usr/bin/nocmodl', join(home, 'bin', 'nocmodl'));
    symlinkSync('/usr/lib/nrn/libnrniv.so', join(home, 'lib', 'libnrniv.so'));
    symlinkSync('/usr/include', join(home, 'include'));
    symlinkSync('/usr/share', join(home, 'share'));
    const pynn = execFileSync(PYTHON, ['-c', 'import pyNN, os; print(os.path.join(pyNN.__path__[0], "neuron", "nmodl"))'], { encoding: 'utf-8' }).trim();
    const dir = mkdtempSync(join(tmpdir(), 'nirmesh-nrnmech-'));
    for (const name of readdirSync(pynn).filter((n) => n.endsWith('.mod'))) copyFileSync(join(pynn, name), join(dir, name));
    execFileSync('nrnivmodl', [], { cwd: dir, env: { ...process.env, NRNHOME: home }, stdio: 'pipe' });
    return dir;
}
