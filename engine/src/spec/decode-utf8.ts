import type { Problem } from '../diagnostics/problem.js';

/**
 * Decodes a spec file's bytes as UTF-8 (after an optional byte-order mark). Invalid sequences
 * become U+FFFD as usual, but never silently: the first one is reported as `spec/invalid-utf8`
 * at its place, with the number of them.
 */
export function decodeSpecBytes(bytes: Uint8Array): { readonly text: string; readonly problems: readonly Problem[] } {
    const text = new TextDecoder('utf-8').decode(bytes);
    const bad = invalidSequences(bytes);
    if (bad.count === 0) return { text, problems: [] };
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const start = new TextDecoder('utf-8').decode(bytes.subarray(bom, bad.first)).length;
    const problem: Problem = {
        code: 'spec/invalid-utf8',
        severity: 'error',
        message: `Byte ${bad.first} (0x${bytes[bad.first].toString(16).padStart(2, '0')}) is not valid UTF-8${bad.count > 1 ? `, nor are ${bad.count - 1} more sequences` : ''}; ${bad.count > 1 ? 'they read' : 'it reads'} as U+FFFD (�). Save the file as UTF-8.`,
        origin: { path: '/', span: { start, end: start + 1 } },
    };
    return { text, problems: [problem] };
}

/** The offset of the first invalid UTF-8 sequence and how many there are (a truncated one at the end counts). */
function invalidSequences(bytes: Uint8Array): { first: number; count: number } {
    let first = -1;
    let count = 0;
    for (let i = 0; i < bytes.length; ) {
        const length = sequenceLength(bytes, i);
        if (length > 0) {
            i += length;
            continue;
        }
        if (count++ === 0) first = i;
        i++;
    }
    return { first, count };
}

/** The length of the valid UTF-8 sequence at `i` (1–4), or 0 when it is invalid (RFC 3629 §4). */
function sequenceLength(bytes: Uint8Array, i: number): number {
    const b = bytes[i];
    if (b < 0x80) return 1;
    const cont = (k: number, low = 0x80, high = 0xbf) => i + k < bytes.length && bytes[i + k] >= low && bytes[i + k] <= high;
    if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
    if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
    if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) return cont(1) && cont(2) ? 3 : 0;
    if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
    if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
    if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
    if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
    return 0;
}
