import { availableParallelism } from 'node:os';
import { basename, resolve } from 'node:path';
import type { CliContext } from './cli-context.js';
import { EXIT, UsageError } from './cli-context.js';
import { parseCount, parseTimeUnit } from './parse-options.js';
import { loadSourceFile } from './load-source.js';
import { toJsonDiagnostics } from './diagnostic-report.js';
import { MAX_STEPS } from './commands/map.js';
import { parsePoisson, parsePositive, parseRecord } from './run-flags.js';
import { printRunReport, runJson } from './run-report.js';
import { runOnPynn, type PynnRun } from '../../host/pynn/run-on-pynn.js';
import { PynnEnvironmentError, type PynnBackend } from '../../host/pynn/debian-environment.js';
import { ScriptFailed, ScriptStopped } from '../../host/pynn/run-script.js';

/** The `--engine` ids of PyNN runs, and their backends. */
export const PYNN_ENGINES: Readonly<Record<string, PynnBackend>> = { 'pynn-neuron': 'neuron', 'pynn-brian2': 'brian2' };

/** Flags of the built-in engine that a PyNN run has no use for. */
const BUILTIN_ONLY = ['target', 'set', 'probe', 'numerics', 'compare', 'ignore-fit', 'html', 'reset', 'integration', 'neurons-per-core'] as const;

/** Most MPI processes `--np` takes. */
const MAX_PROCESSES = 256;

/** The parsed flags of `nirmesh run` (cli/src/commands/run.ts) that a PyNN run reads or refuses. */
export interface RunFlags {
    readonly steps?: string; readonly dt?: string; readonly 'time-unit'?: string; readonly seed?: string; readonly np?: string;
    readonly input?: readonly string[]; readonly poisson?: readonly string[]; readonly record?: readonly string[];
    readonly out?: string; readonly json?: boolean;
    readonly target?: string; readonly set?: readonly string[]; readonly probe?: readonly string[]; readonly numerics?: string;
    readonly compare?: boolean; readonly 'ignore-fit'?: boolean; readonly html?: string; readonly reset?: string;
    readonly integration?: string; readonly 'neurons-per-core'?: readonly string[];
}

/** Exit code of a run stopped with Ctrl-C (128 + SIGINT). */
const EXIT_INTERRUPTED = 130;

/**
 * `nirmesh run FILE --engine pynn-neuron|pynn-brian2 [--np N] …` (docs/cluster.md): exports the
 * network for PyNN, runs the script under `mpirun` (host/pynn) and prints the same report as the
 * built-in engine. Exit 0 ran, 1 the network has errors or the script failed (its stderr's tail
 * on stderr), 2 usage or missing Debian packages, 130 stopped with Ctrl-C (the process group is killed).
 */
export async function runPynnCommand(engineId: string, values: RunFlags, file: string, { engine, out, cwd }: CliContext): Promise<number> {
    const backend = PYNN_ENGINES[engineId];
    const unused = BUILTIN_ONLY.filter((flag) => values[flag] !== undefined);
    if (unused.length > 0) throw new UsageError(`run: --${unused.join(', --')} appl${unused.length === 1 ? 'ies' : 'y'} to the builtin engine, not --engine ${engineId}`);
    const np = parseCount('--np', values.np, 1, 1, MAX_PROCESSES);
    if (backend === 'brian2' && np > 1) throw new UsageError('run: PyNN\'s Brian2 backend runs in one process; --np > 1 needs --engine pynn-neuron');
    if ((values.input?.length ?? 0) > 1) throw new UsageError(`run: --engine ${engineId} takes one --input file`);
    const source = loadSourceFile(file, cwd);
    const controller = new AbortController();
    const onSigint = () => controller.abort();
    process.on('SIGINT', onSigint);
    const started = performance.now();
    let outcome: Awaited<ReturnType<typeof runOnPynn>>;
    try {
        outcome = await runOnPynn({
            engine, input: source.input, sourceName: basename(source.path), backend, np,
            timeUnit: parseTimeUnit('run', values['time-unit']),
            steps: values.steps === undefined ? undefined : parseCount('--steps', values.steps, 0, 1, MAX_STEPS),
            dtMs: parsePositive('--dt', values.dt),
            seed: values.seed === undefined ? undefined : parseCount('--seed', values.seed, 0),
            inputFile: values.input?.[0] === undefined ? undefined : resolve(cwd, values.input[0]),
            poisson: values.poisson === undefined ? undefined : parsePoisson(values.poisson),
            record: parseRecord(values.record),
            out: values.out === undefined ? undefined : resolve(cwd, values.out),
            signal: controller.signal,
        });
    } catch (error) {
        if (error instanceof PynnEnvironmentError) throw new UsageError(`run: ${error.message}`);
        if (error instanceof ScriptStopped) {
            out.stderr('nirmesh: run: stopped; the MPI processes were killed\n');
            return EXIT_INTERRUPTED;
        }
        if (error instanceof ScriptFailed) {
            out.stderr(`nirmesh: run: the exported PyNN script failed: ${error.message}\n`);
            return EXIT.problems;
        }
        throw error;
    } finally {
        process.off('SIGINT', onSigint);
    }
    const wallS = (performance.now() - started) / 1000;
    const diagnostics = toJsonDiagnostics(source, outcome.problems);
    const run: PynnRun | undefined = outcome.run;
    if (values.json) out.stdout(JSON.stringify(runJson(source.path, run, diagnostics, wallS), null, 2) + '\n');
    else printRunReport(out, source.path, run, diagnostics, wallS);
    if (run && np > availableParallelism() && !values.json) out.stderr(`nirmesh: run: ${np} processes on ${availableParallelism()} cores (oversubscribed): timings are not representative\n`);
    return run && !diagnostics.some((d) => d.severity === 'error') ? EXIT.ok : EXIT.problems;
}
