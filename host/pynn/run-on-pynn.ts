import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine, ExportedFile, GraphAnalysis, NirDocument, NodeActivity, Problem, RunOptions, SourceInput, TimeUnit } from '../../engine/src/index.js';
import { DEFAULT_RUN_STEPS, NO_TARGET_ID, documentTimeUnit, machineGraphOf, readNirSpikes, specRunSettings, withSpecRunSettings } from '../../engine/src/index.js';
import { writeExportedFiles } from '../write-export.js';
import { assertPynnEnvironment, type PynnBackend } from './debian-environment.js';
import { runExportedScript, ScriptFailed } from './run-script.js';

/** The exporter `--engine pynn-*` runs through (`nirmesh export --to pynn`). */
export const PYNN_EXPORTER_ID = 'pynn';

/** A run of a network on a PyNN backend: what `nirmesh run --engine pynn-*` was given; the run options mean what they mean for the built-in engine. */
export interface PynnRunRequest extends Pick<RunOptions, 'steps' | 'dtMs' | 'timeUnit' | 'seed' | 'poisson' | 'record'> {
    readonly engine: Engine;
    readonly input: SourceInput;
    /** The file's base name, for the export's header. */
    readonly sourceName: string;
    readonly backend: PynnBackend;
    readonly np: number;
    /** A NIRData file of input spikes (absolute path), handed to the script as it is. */
    readonly inputFile?: string;
    /** Where the NIRData trace goes (absolute path); absent: a temporary file, read and removed. */
    readonly out?: string;
    readonly signal?: AbortSignal;
}

/** What a PyNN run reports: the report fields NIRmesh's own runs have, where PyNN knows them. */
export interface PynnRun {
    readonly simulatorId: string;
    readonly steps: number;
    readonly dtMs: number;
    readonly nodes: readonly NodeActivity[];
    /** The script's build and run seconds (`build_s`, `run_s`). */
    readonly setupS: number;
    readonly simS: number;
    readonly processes: number;
    readonly peakRssMb: readonly number[];
}

/** The run, or none when the network has errors or the exporter refused it; and the problems of both. */
export interface PynnRunOutcome {
    readonly run?: PynnRun;
    readonly problems: readonly Problem[];
}

/** Spikes per node of a NIRData trace, by node name (nested nodes as `graph/node`). */
async function spikesInTrace(path: string): Promise<Map<string, number>> {
    const read = await readNirSpikes(readFileSync(path));
    const errors = read.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new ScriptFailed(`the script's trace ${path} is unreadable: ${errors.map((p) => p.message).join('; ')}`);
    return new Map(read.spikes.map((s) => [s.node, s.idx.length]));
}

/** What `exportForPynn` made: the checked network and the files, or none (the problems say why). */
export interface PynnExport {
    readonly analysis?: GraphAnalysis;
    readonly files?: readonly ExportedFile[];
    readonly problems: readonly Problem[];
}

/**
 * The loaded network checked (no target: PyNN needs no mapping) and exported with the `pynn` exporter,
 * the same call `nirmesh export --to pynn` makes; `steps` is the run length the script defaults to.
 */
export async function exportForPynn(engine: Engine, document: NirDocument, options: { sourceName: string; steps: number; timeUnit?: TimeUnit }): Promise<PynnExport> {
    const exporter = engine.registry.exporters.get(PYNN_EXPORTER_ID);
    if (!exporter) throw new ScriptFailed(`this build of NIRmesh has no '${PYNN_EXPORTER_ID}' exporter`);
    const analysed = await engine.analyzeDocument(document, { target: NO_TARGET_ID, categories: ['fast'], timeUnit: options.timeUnit });
    const analysis = analysed.analysis;
    if (!analysis || analysed.problems.some((p) => p.severity === 'error')) return { problems: analysed.problems };
    const exported = await exporter.export({
        analysis, steps: options.steps, timeUnit: documentTimeUnit(analysis.document, options.timeUnit), sourceName: options.sourceName, neuronModels: engine.registry.neuronModels,
    });
    const problems = [...analysed.problems, ...exported.problems];
    return problems.some((p) => p.severity === 'error') ? { analysis, problems } : { analysis, files: exported.files, problems };
}

/**
 * Exports the network for PyNN into a temporary folder (`exportForPynn`), runs its `run.py` on
 * `backend` with `np` processes (`runExportedScript`), reads the NIRData trace back and returns
 * spikes per node (from the trace for recorded nodes, else from the script's counts) with the
 * script's timings. The spec's own run settings (`metadata.nirmesh.run`: steps, seed, poisson)
 * fill in what the request leaves out, as for the built-in engine. The folder is removed afterwards.
 */
export async function runOnPynn(request: PynnRunRequest): Promise<PynnRunOutcome> {
    assertPynnEnvironment(request.backend, request.np);
    const loaded = await request.engine.load(request.input);
    if (!loaded.document) return { problems: loaded.problems };
    const spec = specRunSettings(loaded.document);
    const options = withSpecRunSettings({ steps: request.steps, seed: request.seed, poisson: request.poisson }, spec.settings);
    const steps = options.steps ?? DEFAULT_RUN_STEPS;
    const exported = await exportForPynn(request.engine, loaded.document, { sourceName: request.sourceName, steps, timeUnit: request.timeUnit });
    const problems = [...loaded.problems, ...exported.problems, ...spec.problems];
    if (!exported.files || !exported.analysis) return { problems };

    const dir = mkdtempSync(join(tmpdir(), 'nirmesh-pynn-'));
    try {
        await writeExportedFiles(dir, exported.files);
        const out = request.out ?? join(dir, 'trace.h5');
        const result = await runExportedScript({
            dir, backend: request.backend, np: request.np, out, steps, dtMs: request.dtMs, input: request.inputFile,
            record: request.record, poisson: options.poisson, seed: options.seed, signal: request.signal,
        });
        const traced = await spikesInTrace(out);
        const nodes = machineGraphOf(exported.analysis).populations.map((p): NodeActivity => ({
            name: p.name, path: p.path, type: p.type, neurons: p.size, spikes: traced.get(p.name) ?? result.spikes[p.name] ?? 0,
        }));
        return {
            problems,
            run: {
                simulatorId: `pynn-${request.backend}`, steps: result.steps, dtMs: result.dtMs, nodes,
                setupS: result.buildS, simS: result.runS, processes: result.np, peakRssMb: result.peakRssMb,
            },
        };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
