import { createInterrupter, type CancellationToken, type Engine, type LoadResult, type Problem } from '../../../engine/src/index.js';
import type { DocumentInput } from './document-input.js';
import { specFileResolver } from './file-access.js';
import { mayHoldAliases } from './node-blocks.js';
import { spliceReparse } from './splice-reparse.js';
import { chunkedParse } from './chunked-parse.js';
import { registerShippedHdf5Plugins } from '../../../host/hdf5-plugins.js';

/** What besides the input a load depends on. */
export interface LoadOptions {
    /** Read `.nir` files leniently (the `nirmesh.lenientNir` setting). */
    readonly lenientNir: boolean;
    /** Bumped whenever a file a spec may refer to (`.npy`, `.nir`) changes on disk. */
    readonly filesEpoch: number;
}

/** Reads the bytes of a `.nir` file into the model (never rejects). */
export type NirBytesReader = (bytes: Uint8Array, lenient: boolean) => Promise<LoadResult>;

/** How a load was done: from the cache, one node re-read, node by node, or in one piece. */
export type LoadKind = 'cached' | 'incremental' | 'chunked' | 'full';

interface Entry {
    readonly input: DocumentInput;
    readonly options: LoadOptions;
    readonly result: LoadResult;
    /** For specs: true when the text has no YAML anchors or aliases (so one node can be re-read alone). */
    readonly aliasFree: boolean;
}

function textOf(input: DocumentInput): string | undefined {
    return input.format === 'spec' ? input.textDocument.getText() : undefined;
}

function sameInputContent(a: DocumentInput, b: DocumentInput): boolean {
    if (a.version === b.version) return true;
    if (a.format === 'spec' && b.format === 'spec') return textOf(a) === textOf(b);
    if (a.format === 'nir' && b.format === 'nir' && a.bytes && b.bytes) return Buffer.compare(a.bytes, b.bytes) === 0;
    return false;
}

function sameOptions(format: DocumentInput['format'], a: LoadOptions, b: LoadOptions): boolean {
    return format === 'nir' ? a.lenientNir === b.lenientNir : a.filesEpoch === b.filesEpoch;
}

function unreadable(message: string): LoadResult {
    const problem: Problem = { code: 'engine/file-unreadable', severity: 'error', message, origin: { path: '/' } };
    return { problems: [problem] };
}

/**
 * The parse cache: the last load of each document, reused while its content and the options it
 * depends on are unchanged (the same version, or a new version with the same text, as after an
 * undo), so re-checks after a settings change or a save skip reading. After an edit inside one
 * node of a spec only that node is read again (`spliceReparse`); a large spec is otherwise read
 * node by node (`chunkedParse`), yielding to the event loop and honouring the token between
 * chunks; anything else is parsed whole. One entry per URI.
 */
export class LoadCache {
    private readonly entries = new Map<string, Entry>();
    /** How the last load of each URI was done. */
    readonly lastKind = new Map<string, LoadKind>();

    /**
     * `readNir` reads `.nir` bytes (the server passes its worker reader); by default the engine
     * reads them on this thread.
     */
    constructor(private readonly engine: Engine, private readonly readNirBytes?: NirBytesReader) {}

    /** Loads a document version. Throws only `OperationCancelled` (when the token fires during a chunked parse). */
    async load(input: DocumentInput, options: LoadOptions, token?: CancellationToken): Promise<LoadResult> {
        const entry = this.entries.get(input.uri);
        const usable = entry && entry.input.format === input.format && sameOptions(input.format, entry.options, options) ? entry : undefined;
        if (usable && sameInputContent(usable.input, input)) {
            this.lastKind.set(input.uri, 'cached');
            return usable.result;
        }
        const text = textOf(input);
        if (text === undefined) return this.keep(input, options, await this.readNir(input, options), false, 'full');
        const resolveFile = specFileResolver(input.uri);
        const load = (spec: string) => this.engine.load({ kind: 'spec', text: spec, resolveFile });
        const previousText = usable && textOf(usable.input);
        if (previousText !== undefined && usable?.aliasFree) {
            const result = await spliceReparse({ text: previousText, result: usable.result }, text, load);
            if (result) return this.keep(input, options, result, true, 'incremental');
        }
        const chunked = await chunkedParse(text, load, createInterrupter(token));
        if (chunked) return this.keep(input, options, chunked, true, 'chunked');
        return this.keep(input, options, await load(text), !mayHoldAliases(text), 'full');
    }

    /** Drops a document's entry (on close). */
    forget(uri: string): void {
        this.entries.delete(uri);
        this.lastKind.delete(uri);
    }

    private keep(input: DocumentInput, options: LoadOptions, result: LoadResult, aliasFree: boolean, kind: LoadKind): LoadResult {
        this.entries.set(input.uri, { input, options, result, aliasFree });
        this.lastKind.set(input.uri, kind);
        return result;
    }

    private async readNir(input: DocumentInput, options: LoadOptions): Promise<LoadResult> {
        if (input.format !== 'nir' || !input.bytes) return unreadable((input.format === 'nir' && input.readError) || `cannot read ${input.uri}`);
        if (this.readNirBytes) return this.readNirBytes(input.bytes, options.lenientNir);
        registerShippedHdf5Plugins();
        return this.engine.load({ kind: 'nir', bytes: input.bytes, lenient: options.lenientNir });
    }
}
