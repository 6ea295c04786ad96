import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

/** Runs an exported `run.py` with `args` (without blocking the test worker) and returns its result line. */
export async function runExported(dir: string, ...args: string[]): Promise<PynnResult> {
    const child = spawn(PYTHON, [join(dir, 'run.py'), ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
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
