import type { GraphAnalysis } from '../graph/analysis.js';
import type { Problem } from '../diagnostics/problem.js';
import type { HardwareTarget } from './target.js';
import type { MappingResult } from './mapper.js';
import type { InputSpikes } from '../simulation/types.js';
import type { TimeUnit } from './check.js';
import type { NeuronModel } from './neuron-model.js';

/** One file an exporter produces, by its path relative to the output directory (`/`-separated). */
export interface ExportedFile {
    readonly path: string;
    readonly contents: string | Uint8Array;
}

/**
 * What an exporter is given: a checked network and, for an exporter that `needsMapping`, the
 * target it maps onto and the mapping that shows it (absent for the others).
 */
export interface ExportRequest {
    readonly analysis: GraphAnalysis;
    readonly target?: HardwareTarget;
    readonly mapping?: MappingResult;
    /** The file the network came from (its base name), for the script's header and README. */
    readonly sourceName: string;
    /** Steps the script runs by default. */
    readonly steps: number;
    /** Spikes that drive the Input nodes (a run's `--input` file); none: the inputs stay silent. */
    readonly inputs?: readonly InputSpikes[];
    /** The unit of the document's time values; default `s`. */
    readonly timeUnit?: TimeUnit;
    /** Where to look up neuron models by NIR type (the engine's `registry.neuronModels`). */
    readonly neuronModels: { get(id: string): NeuronModel | undefined };
}

/** The request of an exporter that `needsMapping`: with its target and mapping. */
export type MappedExportRequest = ExportRequest & { readonly target: HardwareTarget; readonly mapping: MappingResult };

/** What an exporter produced: the files, or problems (with origins) when it cannot write the network. */
export interface ExportResult {
    readonly files: readonly ExportedFile[];
    readonly problems: readonly Problem[];
}

/**
 * Writes a network for another engine (`py-spinnaker2`, `pynn`). Pure: it returns the files as
 * text or bytes and the caller writes them, so the CLI, the server and tests share it.
 */
export interface Exporter {
    /** The id `nirmesh export --to` takes. */
    readonly id: string;
    readonly title: string;
    /** One line for `nirmesh export --list`. */
    readonly description: string;
    /**
     * True when the export writes what the mapper made for a hardware target (py-spinnaker2): the
     * caller maps the network and refuses one that does not fit. False for an engine with no
     * machine of ours under it (PyNN): the network is only checked, and no target is needed.
     */
    readonly needsMapping: boolean;
    export(request: ExportRequest): Promise<ExportResult>;
}
