import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ExportedFile } from '../engine/src/index.js';

/**
 * Writes an exporter's files into `dir`, each at its `/`-separated path below it, creating the
 * folders on the way. Shared by `nirmesh export`, the server's `nirmesh/export` and the PyNN runner.
 */
export async function writeExportedFiles(dir: string, files: readonly ExportedFile[]): Promise<void> {
    for (const file of files) {
        const path = join(dir, ...file.path.split('/'));
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, file.contents);
    }
}
