import type { Engine, LoadResult, Problem } from '../../../engine/src/index.js';
import type { DocumentInput } from './document-input.js';
import { specFileResolver } from './file-access.js';

/** What besides the input a load depends on. */
export interface LoadOptions {
    /** Read `.nir` files leniently (the `nirmesh.lenientNir` setting). */
    readonly lenientNir: boolean;
    /** Bumped whenever a file a spec may refer to (`.npy`, `.nir`) changes on disk. */
    readonly filesEpoch: number;
}

interface Entry {
    readonly input: DocumentInput;
    readonly options: LoadOptions;
    readonly result: LoadResult;
}

function sameInputContent(a: DocumentInput, b: DocumentInput): boolean {
    if (a.version === b.version) return true;
    if (a.format === 'spec' && b.format === 'spec') return a.textDocument.getText() === b.textDocument.getText();
    if (a.format === 'nir' && b.format === 'nir' && a.bytes && b.bytes) return Buffer.compare(a.bytes, b.bytes) === 0;
    return false;
}

function unreadable(message: string): LoadResult {
    const problem: Problem = { code: 'engine/file-unreadable', severity: 'error', message, origin: { path: '/' } };
    return { problems: [problem] };
}

/**
 * The parse cache: the last load of each document, reused while its content and the options it
 * depends on are unchanged (the same version, or a new version with the same text, as after an
 * undo), so re-checks after a settings change or a save skip reading. One entry per URI.
 */
export class LoadCache {
    private readonly entries = new Map<string, Entry>();

    constructor(private readonly engine: Engine) {}

    /** Loads a document version (from the cache when possible). Never throws. */
    async load(input: DocumentInput, options: LoadOptions): Promise<LoadResult> {
        const entry = this.entries.get(input.uri);
        const relevant = input.format === 'nir' ? entry?.options.lenientNir === options.lenientNir : entry?.options.filesEpoch === options.filesEpoch;
        if (entry && relevant && entry.input.format === input.format && sameInputContent(entry.input, input)) return entry.result;
        const result = await this.read(input, options);
        this.entries.set(input.uri, { input, options, result });
        return result;
    }

    /** Drops a document's entry (on close). */
    forget(uri: string): void {
        this.entries.delete(uri);
    }

    private async read(input: DocumentInput, options: LoadOptions): Promise<LoadResult> {
        if (input.format === 'spec') {
            return this.engine.load({ kind: 'spec', text: input.textDocument.getText(), resolveFile: specFileResolver(input.uri) });
        }
        if (!input.bytes) return unreadable(input.readError ?? `cannot read ${input.uri}`);
        return this.engine.load({ kind: 'nir', bytes: input.bytes, lenient: options.lenientNir });
    }
}
