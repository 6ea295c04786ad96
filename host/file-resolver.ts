/**
 * Node-side file access shared by the two hosts of the engine, the CLI and the language server.
 *
 * Architecture invariants: only `cli/` and `server/` import this folder; the engine never does
 * (it takes bytes and resolvers). Nothing here reads outside the folder it is given or a file
 * larger than `MAX_INPUT_BYTES`.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve, relative, isAbsolute } from 'node:path';

/** Largest file read into memory; larger inputs are refused with a message, not read. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/** Resolves a spec's file references inside its own folder tree; anything else is "not found". */
export function siblingResolver(folder: string): (relativePath: string) => Uint8Array | undefined {
    return (relativePath) => {
        const target = resolve(folder, relativePath);
        const rel = relative(folder, target);
        if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
        try {
            const stat = statSync(target);
            if (!stat.isFile() || stat.size > MAX_INPUT_BYTES) return undefined;
            return new Uint8Array(readFileSync(target));
        } catch {
            return undefined;
        }
    };
}
