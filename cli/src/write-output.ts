import { linkSync, lstatSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './cli-context.js';

/**
 * Output files of `convert` and `schema --out`: never replaced without `--force`, never the input
 * (compared by device and inode, so links and `/proc/self/cwd` paths are caught), written through
 * a temporary file beside the target that is removed on SIGINT/SIGTERM and named
 * `.NAME.nirmesh-PID.tmp` so that a later run removes any a killed run left behind. See
 * docs/safety.md.
 */

/** The temporary-file name pattern: `.NAME.nirmesh-PID.tmp`. */
const TEMPORARY = /^\.(.+)\.nirmesh-(\d+)\.tmp$/;

/** The errno code of a failure, or its text. */
function codeOf(error: unknown): string {
    return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** True when both paths name one existing file (same device and inode, after following links). */
export function sameFile(a: string, b: string): boolean {
    try {
        const x = statSync(a);
        const y = statSync(b);
        return x.dev === y.dev && x.ino === y.ino;
    } catch {
        return false;
    }
}

/** True while process `pid` exists. */
function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return codeOf(error) === 'EPERM';
    }
}

/** Removes the temporary files of `target` that runs no longer alive left in its folder. */
function removeStaleTemporaries(target: string): void {
    const folder = dirname(target);
    let names: string[];
    try {
        names = readdirSync(folder);
    } catch {
        return;
    }
    for (const name of names) {
        const match = TEMPORARY.exec(name);
        if (!match || match[1] !== basename(target) || alive(Number(match[2]))) continue;
        try {
            unlinkSync(join(folder, name));
        } catch {
            // Another run removed it first.
        }
    }
}

/** What refuses a write before any work: OUT exists without `--force`, or OUT is IN. */
export function checkOutput(command: string, target: string, shown: string, force: boolean, input?: string): void {
    let exists = true;
    try {
        lstatSync(target);
    } catch {
        exists = false;
    }
    if (exists && !force) throw new UsageError(`${command}: ${shown} exists; pass --force to overwrite it`);
    if (input !== undefined && sameFile(input, target)) throw new UsageError(`${command}: IN and OUT are the same file`);
}

/**
 * Produces and writes an output file: creates a temporary file beside `target` first, so that it
 * exists (and is cleaned up) for the whole conversion, writes what `produce` returns into it, then
 * moves it in place: with `force` replacing whatever is there (a symbolic link itself, never the
 * file it points to), without it refusing when `target` appeared meanwhile. Returns false, writing
 * nothing, when `produce` returns undefined. On SIGINT or SIGTERM meanwhile the temporary file is
 * removed and the process exits (130 or 143).
 */
export async function writeOutput(
    command: string, target: string, shown: string, options: { readonly force: boolean; readonly input?: string },
    produce: () => Promise<Uint8Array | undefined>,
): Promise<boolean> {
    const { force, input } = options;
    checkOutput(command, target, shown, force, input);
    removeStaleTemporaries(target);
    const temporary = join(dirname(target), `.${basename(target)}.nirmesh-${process.pid}.tmp`);
    const remove = () => {
        try {
            unlinkSync(temporary);
        } catch {
            // Never created, or already moved.
        }
    };
    const onSignal = (signal: NodeJS.Signals) => {
        remove();
        process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
        const file = await open(temporary, 'wx');
        let bytes: Uint8Array | undefined;
        try {
            bytes = await produce();
            if (bytes) await file.writeFile(bytes);
        } finally {
            await file.close();
        }
        if (!bytes) {
            remove();
            return false;
        }
        if (input !== undefined && sameFile(input, target)) throw new UsageError(`${command}: IN and OUT are the same file`);
        if (force) renameSync(temporary, target);
        else {
            linkSync(temporary, target);
            unlinkSync(temporary);
        }
        return true;
    } catch (error) {
        remove();
        if (error instanceof UsageError) throw error;
        const code = codeOf(error);
        throw new UsageError(code === 'EEXIST' ? `${command}: ${shown} exists; pass --force to overwrite it` : `${command}: cannot write ${shown} (${code})`);
    } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}
