import type { Problem } from '../diagnostics/problem.js';

/**
 * A linear scan of the raw text before the YAML parser sees it, refusing what would make the
 * parser itself run away: flow brackets nested deeper than `MAX_NESTING` (the `yaml` package
 * recurses per level, and a few thousand levels exhaust the process) and documents with more
 * items than `MAX_YAML_ITEMS` (the parser keeps about 1 KB per item).
 */

/** The deepest nesting of collections a spec may have (flow brackets, block levels, aliases). */
export const MAX_NESTING = 200;

/** The most list elements and lines a spec may have (about 2 GB in the YAML parser's tree). */
export const MAX_YAML_ITEMS = 2_000_000;

const OPENERS = new Set(['[', '{']);
const CLOSERS = new Set([']', '}']);
/** Characters after which a quote starts a quoted scalar (elsewhere it is part of a plain one). */
const QUOTE_CAN_FOLLOW = new Set([undefined, ' ', '\t', '\n', '\r', '[', '{', ',', ':', '-', '?']);

/** Scans the text; returns a problem when the text must not be parsed, else undefined. */
export function prescan(text: string): Problem | undefined {
    let depth = 0;
    let items = 0;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (ch === '\n' || ch === ',') {
            if (++items > MAX_YAML_ITEMS) return tooManyItems(text, i);
        } else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
            i = skipTo(text, i, '\n') - 1;
        } else if ((ch === '"' || ch === "'") && QUOTE_CAN_FOLLOW.has(text[i - 1])) {
            i = skipQuoted(text, i);
        } else if (OPENERS.has(ch)) {
            if (++depth > MAX_NESTING) {
                return {
                    code: 'spec/too-large',
                    severity: 'error',
                    message: `Collections are nested more than ${MAX_NESTING} levels deep here; the spec is not read any further.`,
                    origin: { path: '/', span: { start: i, end: i + 1 } },
                };
            }
        } else if (CLOSERS.has(ch)) {
            depth = Math.max(0, depth - 1);
        }
    }
    return undefined;
}

function tooManyItems(text: string, offset: number): Problem {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return {
        code: 'spec/too-large',
        severity: 'error',
        message: `The spec has more than ${MAX_YAML_ITEMS} list elements and lines; put large arrays in a .npy file ({file: weights.npy}).`,
        origin: { path: '/', span: { start: lineStart, end: Math.max(lineStart, offset) } },
    };
}

function skipTo(text: string, from: number, ch: string): number {
    const at = text.indexOf(ch, from);
    return at < 0 ? text.length : at;
}

/** The offset of a quoted scalar's closing quote (or of the text's end when it has none). */
function skipQuoted(text: string, open: number): number {
    const quote = text[open];
    for (let i = open + 1; i < text.length; i++) {
        const ch = text[i];
        if (quote === '"' && ch === '\\') i++;
        else if (ch === quote) {
            if (quote === "'" && text[i + 1] === "'") i++;
            else return i;
        }
    }
    return text.length;
}
