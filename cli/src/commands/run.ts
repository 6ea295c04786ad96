import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliCommand, CliOutput } from '../cli-context.js';
import type { EngineRunOptions, EngineRunResult, HardwareTarget, InputSpikes, RunResult, TraceChunk } from '../../../engine/src/index.js';
import { EXIT, UsageError } from '../cli-context.js';
import { parseCount, parseNeuronsPerCore, parseOptions, parseTimeUnit } from '../parse-options.js';
import { loadSourceFile } from '../load-source.js';
import { toJsonDiagnostics, type JsonDiagnostic } from '../diagnostic-report.js';
import { MAX_STEPS, targetWithOverrides } from './map.js';
import { NUMERICS, RESETS, SCHEMES, parseChoice, parsePoisson, parsePositive, parseProbes, parseRecord } from '../run-flags.js';
import { TraceCollector } from '../../../host/trace-collector.js';
import { TracePageWriter } from '../trace-html.js';
import { readInputSpikes } from '../read-input-spikes.js';
import { runJson, printRunReport, type Comparison } from '../run-report.js';
import { progressBar } from '../progress-bar.js';
import { PYNN_ENGINES, runPynnCommand } from '../run-pynn.js';
import { DEFAULT_RUN_STEPS, DEFAULT_TARGET_ID, NO_TARGET_ID, secondsPer, writeNirData } from '../../../engine/src/index.js';

/** Exit code of a run stopped with Ctrl-C (128 + SIGINT), after writing what it recorded. */
const EXIT_INTERRUPTED = 130;

/**
 * `nirmesh run FILE …` (docs/cli.md): maps the network onto the target (or not, with
 * `--target none`), simulates it and reports spikes, traffic, drops and energy; `--out` writes
 * the trace as NIRData. Exit 0 no errors, 1 errors (including a network that does not fit,
 * unless `--ignore-fit`), 2 usage/IO, 130 when stopped with Ctrl-C (the trace so far is written).
 * `--engine pynn-neuron|pynn-brian2 [--np N]` runs the network on PyNN instead (cli/src/run-pynn.ts).
 */
export const runCommand: CliCommand = {
    name: 'run',
    synopsis: 'run FILE [--engine builtin|pynn-neuron|pynn-brian2] [--np N] [--target ID|none] [--steps N] [--dt MS] [--time-unit s|ms] [--seed S] [--input NIRDATA.h5] [--poisson NODE=HZ] [--record NODES] [--probe NODE[:i,..]] [--numerics hardware|exact] [--compare] [--set NAME=VALUE] [--ignore-fit] [--out TRACE.h5] [--json] [--html PAGE]   simulate; exit 0 ok, 1 errors, 2 usage/IO',
    async run(args, ctx) {
        const { engine, out, cwd } = ctx;
        const { values, positionals } = parseOptions('run', args, {
            target: { type: 'string' }, steps: { type: 'string' }, dt: { type: 'string' }, 'time-unit': { type: 'string' },
            seed: { type: 'string' }, input: { type: 'string', multiple: true }, poisson: { type: 'string', multiple: true },
            record: { type: 'string', multiple: true }, probe: { type: 'string', multiple: true }, numerics: { type: 'string' },
            compare: { type: 'boolean' }, set: { type: 'string', multiple: true }, 'ignore-fit': { type: 'boolean' },
            engine: { type: 'string' }, np: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, html: { type: 'string' },
            reset: { type: 'string' }, integration: { type: 'string' }, 'neurons-per-core': { type: 'string', multiple: true },
        });
        if (positionals.length !== 1) throw new UsageError('run: name exactly one FILE');
        const simulator = values.engine ?? 'builtin';
        if (Object.hasOwn(PYNN_ENGINES, simulator)) return runPynnCommand(simulator, values, positionals[0], ctx);
        if (simulator !== 'builtin') throw new UsageError(`run: no --engine ${simulator}; use builtin, ${Object.keys(PYNN_ENGINES).join(' or ')}`);
        if (values.np !== undefined) throw new UsageError(`run: --np applies to --engine ${Object.keys(PYNN_ENGINES).join(' and ')}, not builtin`);
        const targetId = values.target ?? DEFAULT_TARGET_ID;
        const target: HardwareTarget | typeof NO_TARGET_ID = targetId === NO_TARGET_ID
            ? (values.set?.length ? usage('run: --set changes settings of a target; --target none has none') : NO_TARGET_ID)
            : targetWithOverrides('run', engine.registry, targetId, values.set ?? []);
        const timeUnit = parseTimeUnit('run', values['time-unit']);
        const inputs: InputSpikes[] = [];
        for (const path of values.input ?? []) inputs.push(...(await readInputSpikes(path, cwd)));
        const outPath = values.out === undefined ? undefined : resolve(cwd, values.out);
        const file = loadSourceFile(positionals[0], cwd);
        const collector = outPath ? new TraceCollector() : undefined;
        const page = values.html === undefined ? undefined : new TracePageWriter();
        const onChunk = collector && page ? (chunk: TraceChunk) => (collector.onChunk(chunk), page.onChunk(chunk)) : (collector?.onChunk ?? page?.onChunk);

        const options: EngineRunOptions = {
            target, timeUnit, inputs, simulatorId: simulator,
            steps: values.steps === undefined ? undefined : parseCount('--steps', values.steps, DEFAULT_RUN_STEPS, 0, MAX_STEPS),
            dtMs: parsePositive('--dt', values.dt),
            seed: values.seed === undefined ? undefined : parseCount('--seed', values.seed, 0),
            numerics: parseChoice('--numerics', values.numerics, NUMERICS),
            reset: parseChoice('--reset', values.reset, RESETS),
            integration: parseChoice('--integration', values.integration, SCHEMES),
            poisson: values.poisson === undefined ? undefined : parsePoisson(values.poisson),
            record: parseRecord(values.record),
            probes: parseProbes(values.probe),
            ignoreFit: values['ignore-fit'] ?? false,
            neuronsPerCore: parseNeuronsPerCore('run', values['neurons-per-core'], engine.registry.neuronModels.ids()),
        };
        const started = performance.now();
        const interrupted = { isCancellationRequested: false };
        const onSigint = () => {
            interrupted.isCancellationRequested = true;
        };
        process.on('SIGINT', onSigint);
        let run: EngineRunResult;
        let comparison: Comparison | undefined;
        try {
            const bar = progressBar(out);
            run = await engine.run(file.input, { ...options, token: interrupted, onChunk, onProgress: bar.update });
            bar.done();
            if (values.compare && run.result && !run.result.stopped) {
                const other = run.result.numerics === 'exact' ? 'hardware' : 'exact';
                const second = await engine.run(file.input, { ...options, numerics: other, record: [], probes: [], token: interrupted });
                if (second.result) comparison = { numerics: other, result: second.result };
            }
        } finally {
            process.off('SIGINT', onSigint);
        }
        const wallS = (performance.now() - started) / 1000;
        const diagnostics = toJsonDiagnostics(file, run.problems);
        const result = run.result;
        if (result && outPath && collector) {
            const tick = (result.dtMs / 1000) / secondsPer(timeUnit);
            const written = await writeNirData(collector.toNirData(result, tick));
            if (!written.bytes) throw new UsageError(`run: could not write ${values.out}: ${written.problems.map((p) => p.message).join('; ')}`);
            writeTrace(outPath, written.bytes, values.out ?? '');
        }
        if (result && page && values.html !== undefined) page.write(values.html, cwd, file.path, result);
        if (values.json) out.stdout(JSON.stringify(runJson(file.path, result, diagnostics, wallS, comparison), null, 2) + '\n');
        else printRunReport(out, file.path, result, diagnostics, wallS, comparison);
        if (result?.stopped) return EXIT_INTERRUPTED;
        return exitCode(result, diagnostics, out);
    },
};

function usage(message: string): never {
    throw new UsageError(message);
}

function writeTrace(path: string, bytes: Uint8Array, shown: string): void {
    try {
        writeFileSync(path, bytes);
    } catch (error) {
        throw new UsageError(`run: cannot write ${shown} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
}

/** 0 when it ran without errors, 1 otherwise (a refused run says why on stderr when the report does not). */
function exitCode(result: RunResult | undefined, diagnostics: readonly JsonDiagnostic[], out: CliOutput): number {
    if (result && !diagnostics.some((d) => d.severity === 'error')) return EXIT.ok;
    if (!result && !diagnostics.some((d) => d.severity === 'error')) out.stderr('nirmesh: run: nothing was simulated\n');
    return EXIT.problems;
}
