import type { NirDocument } from '../nir/graph.js';
import type { Problem } from '../diagnostics/problem.js';

/** Reads a file that a spec refers to (`.npy`, `.nir`), relative to the spec; undefined when missing. */
export type FileResolver = (relativePath: string) => Uint8Array | undefined;

/** Options for reading a `*.nir.yaml` text. */
export interface SpecParseOptions {
    /** Resolves `{ file: weights.npy }` references; without it such references are reported unresolved. */
    readonly resolveFile?: FileResolver;
}

/** What parsing a spec produced: the document (when the text is a NIR graph at all) and every problem. */
export interface SpecParseResult {
    readonly document?: NirDocument;
    readonly problems: readonly Problem[];
}

/**
 * Parses a `*.nir.yaml` text into the NIR model, keeping each element's span. Never throws.
 * (Stub: implemented by the spec-language work.)
 */
export function parseSpec(text: string, options: SpecParseOptions = {}): SpecParseResult {
    void text;
    void options;
    return { problems: [] };
}
