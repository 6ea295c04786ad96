import type { NirDocument } from './nir/graph.js';
import type { Problem } from './diagnostics/problem.js';
import type { GraphAnalysis } from './graph/analysis.js';
import type { CheckCategory, TimeUnit } from './plugins/check.js';
import { documentTimeUnit } from './plugins/check.js';
import type { HardwareTarget } from './plugins/target.js';
import type { MappingResult } from './plugins/mapper.js';
import type { CancellationToken } from './util/cancellation.js';
import type { FileResolver } from './spec/parse-spec.js';
import type { RunOptions, RunResult } from './simulation/types.js';
import { Registry, registerPlugin, type EnginePlugin } from './plugins/registry.js';
import { BUILTIN_PLUGINS } from './builtins.js';
import { parseSpec } from './spec/parse-spec.js';
import { readNirFile } from './hdf5/read-nir.js';
import { loadHdf5 } from './hdf5/h5-module.js';
import { readNirDataset } from './hdf5/read-nir-dataset.js';
import { analyzeGraph } from './graph/analysis.js';
import { runChecks } from './checks/run-checks.js';
import { resolveTarget, DEFAULT_TARGET_ID, NO_TARGET_ID } from './plugins/resolve-target.js';
import { DEFAULT_MAPPER_ID } from './mapping/index.js';
import { DEFAULT_SIMULATOR_ID, specRunSettings, withSpecRunSettings } from './simulation/index.js';
import { throwIfCancelled } from './util/cancellation.js';
import { appendAll } from './util/append-all.js';
import { capMessages } from './diagnostics/quote.js';

/** A source to load: a `*.nir.yaml` text or the bytes of a `.nir` file. */
export type SourceInput =
    | {
        readonly kind: 'spec'; readonly text: string; readonly resolveFile?: FileResolver;
        /** Problems found turning the file's bytes into `text` (`decodeSpecBytes`), reported first. */
        readonly decodeProblems?: readonly Problem[];
    }
    | { readonly kind: 'nir'; readonly bytes: Uint8Array; readonly lenient?: boolean };

/** A loaded document and the problems found while reading it. */
export interface LoadResult {
    readonly document?: NirDocument;
    readonly problems: readonly Problem[];
}

/** How to analyse a document. */
export interface AnalyzeOptions {
    /**
     * A target id (`spinnaker2-board48`, `spinnaker2-boards:4`) or `none`, or an already resolved
     * target (e.g. one with setting overrides); default `spinnaker2-board48`.
     */
    readonly target?: string | HardwareTarget;
    /** Which checks to run; default `['fast']`. Including `slow` maps the network onto the target. */
    readonly categories?: readonly CheckCategory[];
    /** The mapper for slow checks; default `greedy`. */
    readonly mapperId?: string;
    /** Simulation steps the mapper budgets recording buffers for; default the mapper's (1000). */
    readonly steps?: number;
    /**
     * Map even when the only errors come from the target's own rules (checks that need a target),
     * so that a placement report can show how far the network is from fitting. By default any
     * error stops the mapping.
     */
    readonly mapDespiteTargetRuleErrors?: boolean;
    /**
     * Default neurons per PE by NIR type (`{LIF: 128}`) for the mapper; a node's own
     * `metadata.spinnaker2.neurons_per_core` overrides it.
     */
    readonly neuronsPerCore?: Readonly<Record<string, number>>;
    /**
     * The unit of the document's time values (Delay's `delay`, `metadata.dt`) when the document does
     * not say (its root `metadata.time_unit` wins); default `s`, what exporters write.
     */
    readonly timeUnit?: TimeUnit;
    readonly token?: CancellationToken;
    /** Keep the machine program in the mapping (for a simulation); default false. */
    readonly program?: boolean;
}

/** How to run a network: where (`target`, `none` for the graph alone), with which simulator, and the run options. */
export interface EngineRunOptions extends RunOptions {
    /** A target id, `none`, or a resolved target; default `spinnaker2-board48`. */
    readonly target?: string | HardwareTarget;
    /** Default `builtin`. */
    readonly simulatorId?: string;
    /** Run even when the network does not fit the target (errors of the target's own rules); default false. */
    readonly ignoreFit?: boolean;
    readonly mapperId?: string;
    readonly neuronsPerCore?: Readonly<Record<string, number>>;
}

/** What a run produced: the analysis and mapping it ran, the result when it ran, and every problem. */
export interface EngineRunResult extends AnalyzeResult {
    /** Absent when errors (in the graph, or the fit without `ignoreFit`) stopped the run. */
    readonly result?: RunResult;
}

/** Everything one analysis produced; all fields are plain data. */
export interface AnalyzeResult {
    readonly document?: NirDocument;
    readonly analysis?: GraphAnalysis;
    readonly target?: HardwareTarget;
    readonly mapping?: MappingResult;
    /** Every problem, from reading to mapping. */
    readonly problems: readonly Problem[];
}

/** Options for creating an engine. */
export interface EngineOptions {
    /** Extra plugins, registered after the built-in ones. */
    readonly plugins?: readonly EnginePlugin[];
    /** Leave out the built-in plugins (for tests of the plugin seam). */
    readonly withoutBuiltins?: boolean;
    /**
     * Reads the bytes of a `.nir` file given to `load`, `analyze` or `run`: the command line passes
     * a reader that runs HDF5 in a worker thread within a time bound (HDF5 loops forever on some
     * damaged files). By default `readNirFile` reads them on the caller's thread.
     */
    readonly readNir?: (bytes: Uint8Array, lenient: boolean) => Promise<LoadResult>;
}

/**
 * The engine's front door: one registry of plugins and the pipeline
 * load → analyse graph → checks → (on request) map → mapping checks.
 */
export class Engine {
    readonly registry = new Registry();
    private readonly readNir: (bytes: Uint8Array, lenient: boolean) => Promise<LoadResult>;

    constructor(options: EngineOptions = {}) {
        this.readNir = options.readNir ?? ((bytes, lenient) => readNirFile(bytes, { lenient }));
        const plugins = [...(options.withoutBuiltins ? [] : BUILTIN_PLUGINS), ...(options.plugins ?? [])];
        for (const plugin of plugins) registerPlugin(this.registry, plugin);
    }

    /** Reads a spec text or a `.nir` file into the model. Never throws. */
    async load(input: SourceInput): Promise<LoadResult> {
        if (input.kind === 'spec') {
            // Only specs that refer to `.nir` files need the HDF5 reader (loaded once per process).
            const nirReferences = input.resolveFile !== undefined && /\.nir\b/i.test(input.text);
            if (nirReferences) await loadHdf5().catch(() => undefined);
            const parsed = parseSpec(input.text, {
                resolveFile: input.resolveFile,
                nodeKinds: (type) => this.registry.nodeKinds.get(type),
                readNirDataset: nirReferences ? readNirDataset : undefined,
            });
            const problems = input.decodeProblems?.length ? appendAll([...input.decodeProblems], parsed.problems) : parsed.problems;
            return { ...parsed, problems: capMessages(problems) };
        }
        const read = await this.readNir(input.bytes, input.lenient ?? false);
        return { ...read, problems: capMessages(read.problems) };
    }

    /** Loads and analyses a source in one step. */
    async analyze(input: SourceInput, options: AnalyzeOptions = {}): Promise<AnalyzeResult> {
        const loaded = await this.load(input);
        if (!loaded.document) return { problems: loaded.problems };
        const result = await this.analyzeDocument(loaded.document, options);
        return { ...result, problems: appendAll([...loaded.problems], result.problems) };
    }

    /**
     * Analyses a loaded document: shapes, fast checks, and with `slow` the mapping and the checks
     * that need it. Throws only `OperationCancelled`.
     */
    async analyzeDocument(document: NirDocument, options: AnalyzeOptions = {}): Promise<AnalyzeResult> {
        const categories = options.categories ?? ['fast'];
        const problems: Problem[] = [];
        const resolved = typeof options.target === 'object'
            ? { target: options.target }
            : resolveTarget(this.registry, options.target ?? DEFAULT_TARGET_ID);
        if (resolved.error) {
            problems.push({ code: 'engine/unknown-target', severity: 'error', message: resolved.error, origin: document.root.origin });
        }
        const target = resolved.target;
        const analysis = analyzeGraph(document, this.registry);
        appendAll(problems, analysis.problems);
        throwIfCancelled(options.token);
        const { token } = options;
        const timeUnit = documentTimeUnit(document, options.timeUnit);
        appendAll(problems, runChecks(analysis, this.registry, { categories, target, token, timeUnit }));

        let mapping: MappingResult | undefined;
        if (categories.includes('slow') && target && !this.blocksMapping(problems, options)) {
            const mapper = this.registry.mappers.get(options.mapperId ?? DEFAULT_MAPPER_ID);
            if (mapper) {
                mapping = await mapper.map(analysis, target, token, {
                    steps: options.steps,
                    neuronModels: this.registry.neuronModels,
                    neuronsPerCore: options.neuronsPerCore,
                    program: options.program,
                });
                appendAll(problems, mapping.problems);
                appendAll(problems, runChecks(analysis, this.registry, { categories, target, mapping, token, timeUnit }));
            }
        }
        return { document, analysis, target, mapping, problems: capMessages(problems) };
    }

    /**
     * Runs a network: loads it (unless given a document), checks it, maps it onto the target with
     * its machine program (not under `none`) and hands both to the simulator. Errors in the
     * graph stop it; so does a network that does not fit, unless `ignoreFit`. The result's own
     * problems are included in `problems`. Throws only `OperationCancelled` (while mapping; a
     * cancelled simulation returns what it recorded, `stopped: 'cancelled'`).
     */
    async run(input: SourceInput | NirDocument, options: EngineRunOptions = {}): Promise<EngineRunResult> {
        let document: NirDocument;
        const problems: Problem[] = [];
        if ('root' in input) document = input;
        else {
            const loaded = await this.load(input);
            problems.push(...loaded.problems);
            if (!loaded.document) return { problems };
            document = loaded.document;
        }
        const spec = specRunSettings(document);
        problems.push(...spec.problems);
        options = withSpecRunSettings(options, spec.settings);
        const simulator = this.registry.simulators.get(options.simulatorId ?? DEFAULT_SIMULATOR_ID);
        if (!simulator) {
            problems.push({ code: 'engine/unknown-simulator', severity: 'error', message: `unknown simulator '${options.simulatorId}' (known: ${this.registry.simulators.ids().join(', ')})`, origin: document.root.origin });
            return { document, problems };
        }
        const targetless = options.target === NO_TARGET_ID;
        const analysed = await this.analyzeDocument(document, {
            target: options.target, categories: targetless ? ['fast'] : ['fast', 'slow'], mapperId: options.mapperId,
            steps: options.steps, neuronsPerCore: options.neuronsPerCore, timeUnit: options.timeUnit, token: options.token,
            mapDespiteTargetRuleErrors: options.ignoreFit, program: true,
        });
        problems.push(...analysed.problems);
        const { analysis, target, mapping } = analysed;
        const blocked = options.ignoreFit ? this.blocksMapping(problems, { mapDespiteTargetRuleErrors: true }) : problems.some((p) => p.severity === 'error');
        if (!analysis || blocked || (!targetless && !mapping?.program)) return { ...analysed, problems };
        const runOptions = { ...options, timeUnit: documentTimeUnit(document, options.timeUnit) };
        const result = await simulator.run({
            analysis, target: targetless ? undefined : target, mapping: targetless ? undefined : mapping, options: runOptions, neuronModels: this.registry.neuronModels,
        });
        problems.push(...result.problems);
        return { ...analysed, result: result.problems.some((p) => p.severity === 'error') ? undefined : result, problems };
    }

    /** True when an error stops the mapping (target-rule errors do not, with `mapDespiteTargetRuleErrors`). */
    private blocksMapping(problems: readonly Problem[], options: AnalyzeOptions): boolean {
        const errors = problems.filter((p) => p.severity === 'error');
        if (!options.mapDespiteTargetRuleErrors) return errors.length > 0;
        const targetRules = new Set(this.registry.checks.all().filter((c) => c.needs !== 'graph').map((c) => c.id));
        return errors.some((p) => !targetRules.has(p.code));
    }
}

/** Creates an engine with the built-in plugins and any extra ones. */
export function createEngine(options: EngineOptions = {}): Engine {
    return new Engine(options);
}
