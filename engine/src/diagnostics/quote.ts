import type { Problem } from './problem.js';

/** The most characters of one quoted name or value a message shows. */
export const MAX_QUOTED = 120;

/** A message longer than this has its quoted runs shortened (and is cut if still too long). */
const MAX_MESSAGE = 1000;

/** `text` in quotes, shortened to its first `MAX_QUOTED` characters (with its length) when longer. */
export function quote(text: string): string {
    return text.length <= MAX_QUOTED ? `'${text}'` : `'${text.slice(0, MAX_QUOTED)}…' (${text.length} characters)`;
}

/**
 * A message that quotes nothing at length: runs in single quotes longer than `MAX_QUOTED` are
 * shortened as `quote` would, and a message still over the limit is cut. Short messages (all of
 * them, normally) are returned as they are, at no cost.
 */
export function capMessage(message: string): string {
    if (message.length <= MAX_MESSAGE) return message;
    const capped = shortenQuotedRuns(message);
    return capped.length <= MAX_MESSAGE ? capped : `${capped.slice(0, MAX_MESSAGE)}… (message cut at ${MAX_MESSAGE} characters)`;
}

/** The message with every run in single quotes longer than `MAX_QUOTED` shortened (a linear scan; a regular expression overflows the stack on runs of millions). */
function shortenQuotedRuns(message: string): string {
    const parts: string[] = [];
    let at = 0;
    for (let open = message.indexOf("'"); open >= 0; open = message.indexOf("'", at)) {
        const close = message.indexOf("'", open + 1);
        if (close < 0) break;
        parts.push(message.slice(at, open), close - open - 1 > MAX_QUOTED ? quote(message.slice(open + 1, close)) : message.slice(open, close + 1));
        at = close + 1;
    }
    parts.push(message.slice(at));
    return parts.join('');
}

/** The problems with every message capped (`capMessage`); the same array when none needed it. */
export function capMessages<P extends Problem>(problems: readonly P[]): readonly P[] {
    return problems.some((p) => p.message.length > MAX_MESSAGE) ? problems.map((p) => ({ ...p, message: capMessage(p.message) })) : problems;
}
