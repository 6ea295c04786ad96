/**
 * Node-side file access shared by the two hosts of the engine, the CLI and the language server.
 *
 * Architecture invariants: only `cli/` and `server/` import this folder; the engine never does
 * (it takes bytes and resolvers). Nothing here reads outside the folder it is given (by real path,
 * after following symbolic links), a file that is not a regular file, or one larger than
 * `MAX_INPUT_BYTES` (see docs/safety.md).
 */
import { realpathSync } from 'node:fs';
import { resolve, relative, isAbsolute } from 'node:path';
import type { FileResolver, ResolvedFile } from '../engine/src/index.js';
import { describeReadError, readRegularFile } from './read-file.js';

export { MAX_INPUT_BYTES } from './read-file.js';

/** True when `path` is `folder` itself or inside it (both absolute and normalised). */
function isInside(folder: string, path: string): boolean {
    const rel = relative(folder, path);
    return !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Resolves a spec's file references inside its own folder tree. Paths are compared after
 * resolving symbolic links (of the file and of every folder on its way), so a link that leads
 * out of the folder is refused with a message, not followed; a missing file is undefined ("not
 * found"). Each file is read once per resolver, however often the spec refers to it: create one
 * resolver per version of a spec.
 */
export function siblingResolver(folder: string): FileResolver {
    const read = new Map<string, ResolvedFile>();
    let realFolder: string | undefined;
    return (relativePath) => {
        const target = resolve(folder, relativePath);
        if (!isInside(folder, target)) return undefined;
        let real: string;
        try {
            realFolder ??= realpathSync(folder);
            real = realpathSync(target);
        } catch (error) {
            return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : { error: describeReadError(error) };
        }
        if (!isInside(realFolder, real)) return { error: `it leads out of the spec's folder (through a symbolic link, to ${real}); only files inside the folder are read` };
        let result = read.get(real);
        if (result === undefined) {
            const file = readRegularFile(real);
            result = 'bytes' in file ? file.bytes : file;
            read.set(real, result);
        }
        return result;
    };
}
