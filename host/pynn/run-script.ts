import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { assertPynnEnvironment, type PynnBackend } from './debian-environment.js';
import { compiledNrnMechanisms } from './nrn-mechanisms.js';
import { launchCommand } from './launch-command.js';
import { parseScriptResult, type ScriptResult } from './nirmesh-result.js';

/** How much of the script's stderr a failure shows: its last lines, at most this many characters. */
const STDERR_TAIL_CHARS = 4000;
const STDERR_TAIL_LINES = 40;
/** After Ctrl-C, how long the process group has to stop before it is killed. */
const KILL_GRACE_MS = 5000;

/** One run of an exported PyNN script (`DIR/run.py`, docs/cluster.md). */
export interface ScriptRun {
    readonly dir: string;
    readonly backend: PynnBackend;
    readonly np: number;
    /** Where rank 0 writes the NIRData trace. */
    readonly out: string;
    readonly steps?: number;
    readonly dtMs?: number;
    readonly input?: string;
    readonly record?: readonly string[];
    readonly poisson?: readonly { readonly node: string; readonly rateHz: number }[];
    readonly seed?: number;
    /** Aborting kills the whole process group (`mpirun` and its ranks); the run then rejects with `ScriptStopped`. */
    readonly signal?: AbortSignal;
}

/** The script failed: `message` says how, with the tail of its stderr. */
export class ScriptFailed extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'ScriptFailed';
    }
}

/** The run was stopped through its abort signal. */
export class ScriptStopped extends Error {
    constructor() {
        super('stopped');
        this.name = 'ScriptStopped';
    }
}

/** The command-line flags of `run.py` for this run. */
function scriptArgs(run: ScriptRun): string[] {
    const args = ['--backend', run.backend, '--out', run.out];
    if (run.steps !== undefined) args.push('--steps', String(run.steps));
    if (run.dtMs !== undefined) args.push('--dt', String(run.dtMs));
    if (run.input !== undefined) args.push('--input', run.input);
    if (run.record?.length) args.push('--record', run.record.join(','));
    for (const p of run.poisson ?? []) args.push('--poisson', `${p.node}=${p.rateHz}`);
    if (run.seed !== undefined) args.push('--seed', String(run.seed));
    return args;
}

function tail(text: string): string {
    return text.trimEnd().split('\n').slice(-STDERR_TAIL_LINES).join('\n').slice(-STDERR_TAIL_CHARS);
}

/**
 * Runs an exported `run.py` with Debian's Python, under `mpirun` when `np > 1`, with PyNN's
 * NEURON mechanisms compiled into the cache first (`NIRMESH_NRNMECH_DIR`), and returns its
 * `NIRMESH-RESULT`. Throws `PynnEnvironmentError` when packages are missing, `ScriptFailed` (with
 * the tail of stderr) when the script fails, `ScriptStopped` when aborted.
 */
export async function runExportedScript(run: ScriptRun): Promise<ScriptResult> {
    assertPynnEnvironment(run.backend, run.np);
    const env: Record<string, string> = {};
    if (run.backend === 'neuron') env.NIRMESH_NRNMECH_DIR = await compiledNrnMechanisms();
    const launch = launchCommand({
        script: join(run.dir, 'run.py'), scriptArgs: scriptArgs(run), np: run.np, cores: availableParallelism(), asRoot: process.getuid?.() === 0,
    });
    return new Promise<ScriptResult>((resolve, reject) => {
        if (run.signal?.aborted) return reject(new ScriptStopped());
        const child = spawn(launch.command, [...launch.args], {
            cwd: run.dir, env: { ...process.env, ...env, ...launch.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString('utf8')));
        child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString('utf8')).slice(-4 * STDERR_TAIL_CHARS)));
        let killTimer: NodeJS.Timeout | undefined;
        const signalGroup = (signal: NodeJS.Signals) => {
            try {
                if (child.pid !== undefined) process.kill(-child.pid, signal);
            } catch {
                // the group is already gone
            }
        };
        const onAbort = () => {
            signalGroup('SIGINT');
            killTimer = setTimeout(() => signalGroup('SIGKILL'), KILL_GRACE_MS);
        };
        run.signal?.addEventListener('abort', onAbort, { once: true });
        child.on('error', (error) => reject(new ScriptFailed(`cannot start ${launch.command} (${error.message})`)));
        child.on('close', (code, signal) => {
            run.signal?.removeEventListener('abort', onAbort);
            if (killTimer) clearTimeout(killTimer);
            if (run.signal?.aborted) return reject(new ScriptStopped());
            const how = code === null ? `was killed by ${signal}` : `exited with ${code}`;
            if (code !== 0) return reject(new ScriptFailed(`${launch.command} ${how}; its stderr ends:\n${tail(stderr)}`));
            const result = parseScriptResult(stdout);
            if (typeof result === 'string') return reject(new ScriptFailed(`${result}; its stderr ends:\n${tail(stderr)}`));
            resolve(result);
        });
    });
}
