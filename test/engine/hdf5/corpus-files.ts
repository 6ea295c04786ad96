import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The NIR corpus copied into the fixtures: every `.nir` file and its JSON dump. */
export const CORPUS_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'nir');

/** Every corpus `.nir` file, relative to `CORPUS_DIR`, sorted. */
export const CORPUS_FILES: readonly string[] = listFiles(CORPUS_DIR).filter((f) => f.endsWith('.nir')).sort();

/** A corpus file's bytes. */
export function corpusBytes(file: string): Uint8Array {
    return new Uint8Array(readFileSync(join(CORPUS_DIR, file)));
}

/** A corpus file's JSON dump (`x.nir` → `x.json`). */
export function corpusDump(file: string): { version?: string; node: never; nirdata?: unknown } {
    return JSON.parse(readFileSync(join(CORPUS_DIR, file.replace(/\.(nir|h5)$/, '.json')), 'utf-8')) as never;
}

function listFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? listFiles(path) : [relative(CORPUS_DIR, path)];
    });
}
