import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli/src/run-cli.js';
import { H5PY_AVAILABLE } from './h5py.js';

const root = join(import.meta.dirname, '..', '..');
/** Debian's Python, which has numpy and h5py (the `python3` first on PATH may not). */
const PYTHON = '/usr/bin/python3';
/** The stand-in for py-spinnaker2's API (test/py-spinnaker2-double/README.md). */
const DOUBLE = join(root, 'test', 'py-spinnaker2-double');

/** True when the generated scripts can run against the double (numpy and h5py are installed). */
export const DOUBLE_AVAILABLE = H5PY_AVAILABLE;

/** What the double's `hw.run` recorded of the network the script built. */
export interface DoubleReport {
    readonly machine: string;
    readonly steps: number;
    readonly populations: readonly { name: string; size: number; model: string; max_atoms_per_core: number; record: string[]; params: Record<string, number | string | number[]>; spikes: number }[];
    readonly projections: readonly ({ pre: string; post: string; synapses: number } & (
        /** `rows` is null for projections of more than 200,000 synapses. */
        | { kind: 'connections'; rows: [number, number, number, number][] | null }
        | { kind: 'conv2d'; kernel: number[][][][]; conv_params: Record<string, number> }
    ))[];
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'nirmesh-export-'): string {
    return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs `nirmesh export FILE --to py-spinnaker2 --out DIR …` in-process. */
export async function exportTo(file: string, dir: string, ...extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const out = { stdout: '', stderr: '' };
    const code = await runCli(['export', file, '--to', 'py-spinnaker2', '--out', dir, ...extra], { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t) }, root);
    return { code, ...out };
}

/** Writes a spec text to a temporary file and returns its path. */
export function specFile(text: string): string {
    const path = join(tempDir('nirmesh-spec-'), 'net.nir.yaml');
    writeFileSync(path, text);
    return path;
}

/** Byte-compiles the exported `run.py` (throws with Python's message when it does not compile). */
export function compileScript(dir: string): void {
    execFileSync(PYTHON, ['-m', 'py_compile', join(dir, 'run.py')], { stdio: 'pipe' });
}

/** Runs the exported script against the double (`--brian2` by default) and returns what it built. */
export function runWithDouble(dir: string, ...args: string[]): DoubleReport {
    const reportPath = join(dir, 'double-report.json');
    const result = spawnSync(PYTHON, [join(dir, 'run.py'), ...(args.length > 0 ? args : ['--brian2'])], {
        cwd: dir, encoding: 'utf-8', env: { ...process.env, PYTHONPATH: DOUBLE, S2_DOUBLE_REPORT: reportPath },
    });
    if (result.status !== 0) throw new Error(`run.py failed (${result.status}):\n${result.stderr}`);
    return JSON.parse(readFileSync(reportPath, 'utf-8')) as DoubleReport;
}
