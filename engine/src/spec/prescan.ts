import type { Problem } from '../diagnostics/problem.js';

/**
 * A linear scan of the raw text before the YAML parser sees it, refusing what would make the
 * parser itself run away: flow brackets nested deeper than `MAX_NESTING` (the `yaml` package
 * recurses per level, and a few thousand levels exhaust the process) and documents with more
 * items than `MAX_YAML_ITEMS` (the parser keeps about 1 KB per item), and quoted strings longer
 * than `MAX_QUOTED_CHARS` (the parser folds a quoted string with regular expressions that need
 * about 40 bytes per character: a 20-million-character string takes 750 MB).
 */

/** The deepest nesting of collections a spec may have (flow brackets, block levels, aliases). */
export const MAX_NESTING = 200;

/** The most list elements and lines a spec may have (about 2 GB in the YAML parser's tree). */
export const MAX_YAML_ITEMS = 2_000_000;

/** The longest quoted string a spec may hold, in UTF-16 units (plain strings cost little and are not limited). */
export const MAX_QUOTED_CHARS = 1 << 20;

const enum Ch {
    Tab = 9, LineFeed = 10, Return = 13, Space = 32, DoubleQuote = 34, Hash = 35, Quote = 39,
    Comma = 44, Minus = 45, Colon = 58, Question = 63, OpenBracket = 91, Backslash = 92,
    CloseBracket = 93, OpenBrace = 123, CloseBrace = 125,
}

/** True for characters after which a quote starts a quoted scalar (elsewhere it is part of a plain one). */
function quoteCanFollow(previous: number): boolean {
    switch (previous) {
        case Ch.Space: case Ch.Tab: case Ch.LineFeed: case Ch.Return: case Ch.OpenBracket: case Ch.OpenBrace:
        case Ch.Comma: case Ch.Colon: case Ch.Minus: case Ch.Question:
            return true;
        default:
            return Number.isNaN(previous); // the start of the text
    }
}

/** Scans the text; returns a problem when the text must not be parsed, else undefined. */
export function prescan(text: string): Problem | undefined {
    let depth = 0;
    let items = 0;
    for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        switch (ch) {
            case Ch.LineFeed: case Ch.Comma:
                if (++items > MAX_YAML_ITEMS) return tooManyItems(text, i);
                break;
            case Ch.Hash: {
                const previous = text.charCodeAt(i - 1);
                if (i === 0 || previous === Ch.Space || previous === Ch.Tab || previous === Ch.LineFeed || previous === Ch.Return) {
                    const end = text.indexOf('\n', i);
                    i = (end < 0 ? text.length : end) - 1;
                }
                break;
            }
            case Ch.DoubleQuote: case Ch.Quote:
                if (quoteCanFollow(text.charCodeAt(i - 1))) {
                    const close = skipQuoted(text, i);
                    if (close - i - 1 > MAX_QUOTED_CHARS) return tooLongString(i, close - i - 1);
                    i = close;
                }
                break;
            case Ch.OpenBracket: case Ch.OpenBrace:
                if (++depth > MAX_NESTING) {
                    return {
                        code: 'spec/too-large',
                        severity: 'error',
                        message: `Collections are nested more than ${MAX_NESTING} levels deep here; the spec is not read any further.`,
                        origin: { path: '/', span: { start: i, end: i + 1 } },
                    };
                }
                break;
            case Ch.CloseBracket: case Ch.CloseBrace:
                depth = Math.max(0, depth - 1);
                break;
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

function tooLongString(open: number, length: number): Problem {
    return {
        code: 'spec/too-large',
        severity: 'error',
        message: `This quoted string has ${length} characters, more than the ${MAX_QUOTED_CHARS} a spec may quote; the spec is not read any further. Keep long text in a file of its own.`,
        origin: { path: '/', span: { start: open, end: open + 1 } },
    };
}

/** The offset of a quoted scalar's closing quote (or of the text's end when it has none). */
function skipQuoted(text: string, open: number): number {
    const quote = text.charCodeAt(open);
    for (let i = open + 1; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (quote === Ch.DoubleQuote && ch === Ch.Backslash) i++;
        else if (ch === quote) {
            if (quote === Ch.Quote && text.charCodeAt(i + 1) === Ch.Quote) i++;
            else return i;
        }
    }
    return text.length;
}
