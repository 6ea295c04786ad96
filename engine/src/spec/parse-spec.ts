import { parseDocument } from 'yaml';
import type { NirDocument } from '../nir/graph.js';
import type { Problem } from '../diagnostics/problem.js';
import type { NodeKind } from '../plugins/node-kind.js';
import type { DType, TensorData } from '../nir/value.js';
import { MAX_YAML_ITEMS, prescan } from './prescan.js';
import { yamlProblems } from './yaml-errors.js';
import { SpecContext } from './spec-context.js';
import { resolveAliases } from './aliases.js';
import { lowerDocument } from './lower-document.js';

/** The most values a spec may expand to through aliases (twice what its text may hold). */
const MAX_EXPANDED_ITEMS = 2 * MAX_YAML_ITEMS;

/** A referenced file's bytes, or why the host would not read them (a sentence such as `it is a named pipe (FIFO)…`). */
export type ResolvedFile = Uint8Array | { readonly error: string };

/**
 * Reads a file that a spec refers to (`.npy`, `.nir`), relative to the spec; undefined when
 * missing. The engine calls it once per name and parse, however often the spec refers to it.
 */
export type FileResolver = (relativePath: string) => ResolvedFile | undefined;

/** A dense array read from a file: its dtype, shape and row-major elements. */
export interface ArrayFromFile {
    readonly dtype: DType;
    readonly shape: readonly number[];
    readonly data: TensorData;
}

/** Reads one dataset (`/node/nodes/fc1/weight`) of a `.nir` file's bytes; never throws. */
export type NirDatasetReader = (bytes: Uint8Array, path: string) => ArrayFromFile | { readonly error: string };

/** Options for reading a `*.nir.yaml` text. */
export interface SpecParseOptions {
    /** Resolves `{ file: weights.npy }` references; without it such references are reported unresolved. */
    readonly resolveFile?: FileResolver;
    /**
     * The registered node kind of a `type` string, which says how each parameter is read
     * (`Engine.load` passes the registry's). Without it, or for unknown types, parameters are
     * read as tensors (and strings are kept).
     */
    readonly nodeKinds?: (type: string) => NodeKind | undefined;
    /** Reads datasets of `.nir` files for `{file: x.nir, path: …}`; without it they are `spec/unresolved-file`. */
    readonly readNirDataset?: NirDatasetReader;
}

/** What parsing a spec produced: the document (when the text is a NIR graph at all) and every problem. */
export interface SpecParseResult {
    readonly document?: NirDocument;
    readonly problems: readonly Problem[];
}

/**
 * Parses a `*.nir.yaml` text into the NIR model, keeping each element's origin (tree path and
 * spans). Never throws: YAML errors become `yaml/…` problems with tight ranges, spec-language
 * mistakes `spec/…` problems, and an unexpected internal failure `engine/internal-error`.
 * Bounded: over-deep or over-large texts are refused before the YAML parser runs, and declared
 * shapes never allocate memory (generators and broadcast scalars stay recipes).
 */
export function parseSpec(text: string, options: SpecParseOptions = {}): SpecParseResult {
    try {
        const refused = prescan(text);
        if (refused) return { problems: [refused] };
        const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, keepSourceTokens: false });
        const syntax = yamlProblems(doc, text);
        const aliases = resolveAliases(doc, text);
        if (aliases.expandedSize > MAX_EXPANDED_ITEMS) {
            const tooLarge: Problem = {
                code: 'spec/too-large',
                severity: 'error',
                message: `The spec expands (through YAML aliases) to more than ${MAX_EXPANDED_ITEMS} values; it is not read any further.`,
                origin: { path: '/', span: { start: 0, end: 0 } },
            };
            return { problems: [...syntax, tooLarge] };
        }
        const ctx = new SpecContext(text, options, aliases);
        for (const alias of aliases.unresolved) {
            const name = (alias as { source?: string }).source ?? '';
            ctx.report({ code: 'yaml/syntax', message: `Unknown alias *${name}: no anchor &${name} comes before it.`, origin: { path: '/', span: ctx.span(alias) ?? { start: 0, end: 0 } } });
        }
        const document = lowerDocument(ctx, doc);
        return { document, problems: [...syntax, ...ctx.problems] };
    } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return {
            problems: [{
                code: 'engine/internal-error',
                severity: 'error',
                message: `Reading the spec failed unexpectedly (${detail}); please report this with the file.`,
                origin: { path: '/', span: { start: 0, end: 0 } },
            }],
        };
    }
}
