import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** Largest file read into memory; larger inputs are refused with a message, not read. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/** A file's bytes, or why they were not read (a sentence without the file's name). */
export type FileRead = { readonly bytes: Uint8Array } | { readonly error: string };

/** What kind of thing a non-regular file is, in words. */
function describeKind(stats: Stats): string {
    if (stats.isDirectory()) return 'a folder';
    if (stats.isFIFO()) return 'a named pipe (FIFO)';
    if (stats.isSocket()) return 'a socket';
    if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
    return 'not a regular file';
}

/** An errno failure in words: `cannot read (EACCES: permission denied)`. */
export function describeReadError(error: unknown): string {
    const e = error as NodeJS.ErrnoException;
    const detail = e.code && e.message ? `${e.code}: ${e.message.replace(/^[A-Z]+: /, '').replace(/, \w+( '.*')?$/s, '')}` : String(error);
    return `cannot read (${detail})`;
}

/**
 * Reads an open file to its end, trusting its size only as a first guess (files under /proc say 0):
 * refuses when it turns out longer than `MAX_INPUT_BYTES`.
 */
function readToEnd(fd: number, size: number): FileRead {
    let bytes = new Uint8Array(Math.min(size + 1, MAX_INPUT_BYTES + 1, Math.max(size + 1, 1 << 16)));
    let filled = 0;
    for (;;) {
        if (filled === bytes.length) {
            if (bytes.length > MAX_INPUT_BYTES) return { error: `it has more than the ${MAX_INPUT_BYTES}-byte limit` };
            const grown = new Uint8Array(Math.min(bytes.length * 2, MAX_INPUT_BYTES + 1));
            grown.set(bytes);
            bytes = grown;
        }
        const n = readSync(fd, bytes, filled, bytes.length - filled, null);
        if (n === 0) return { bytes: bytes.subarray(0, filled) };
        filled += n;
    }
}

/**
 * Reads a regular file of at most `MAX_INPUT_BYTES`, never blocking on a named pipe or a device
 * and never throwing: FIFOs, devices, sockets and folders are refused by kind, larger files by
 * size, and errors such as `EACCES` or `EIO` come back as a sentence. The file is checked again
 * after opening, so a swap between the check and the read is refused too.
 */
export function readRegularFile(path: string): FileRead {
    let fd: number | undefined;
    try {
        const before = statSync(path);
        if (!before.isFile()) return { error: `it is ${describeKind(before)}, not a regular file` };
        if (before.size > MAX_INPUT_BYTES) return { error: `it has ${before.size} bytes, more than the ${MAX_INPUT_BYTES}-byte limit` };
        fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
        const stats = fstatSync(fd);
        if (!stats.isFile() || stats.ino !== before.ino || stats.dev !== before.dev) return { error: 'it changed while being opened' };
        return readToEnd(fd, stats.size);
    } catch (error) {
        return { error: describeReadError(error) };
    } finally {
        if (fd !== undefined) closeSync(fd);
    }
}
