import type { Span } from '../../../engine/src/index.js';

/**
 * Where a cursor stands in a YAML text, worked out from the text alone (indentation and the flow
 * brackets of the cursor's line), so that it works while the text does not parse.
 */
export interface YamlCursor {
    /**
     * The keys from the document root to the innermost collection holding the cursor; for role
     * `value` and `item` the last key is the one whose value is being typed.
     */
    readonly path: readonly string[];
    /** Typing a new key of the mapping at `path`, the scalar value of its last key, or a sequence item. */
    readonly role: 'key' | 'value' | 'item';
    /** For `item`: the index within the innermost flow sequence (`[a, |` is 1), else 0. */
    readonly itemIndex: number;
    /** The text of the current item up to the cursor (`fc1 -> li`). */
    readonly token: string;
    /** The word to replace: the partial name at the cursor, through to the end of that word. */
    readonly word: Span;
    /** True inside `{…}` or `[…]` (insert without newlines). */
    readonly inFlow: boolean;
    /**
     * The entries already written in the mapping at `path` (for role `key`), as raw one-line
     * values. Computed on call: it reads the whole mapping.
     */
    siblings(): ReadonlyMap<string, string>;
}

interface Frame {
    readonly type: 'block' | 'map' | 'seq';
    key?: string;
    role: 'key' | 'value' | 'item';
    itemIndex: number;
    tokenStart: number;
    /** Offset (in the line) just after `{`, for flow maps. */
    readonly open: number;
}

interface Line {
    readonly start: number;
    readonly text: string;
    readonly indent: number;
    /** The key when the line is `key:` or `- key:`, and what follows its colon. */
    readonly key?: string;
    readonly rest?: string;
    readonly dash: boolean;
}

const WORD = /[^\s,[\]{}:#"']/;

/** Reads the cursor's situation at `offset`; undefined inside a comment or a quoted string. */
export function yamlCursorAt(text: string, offset: number): YamlCursor | undefined {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    const before = text.slice(start, offset);
    const frames = scanLine(before);
    if (!frames) return undefined;
    const line = readLine(text, start);
    const top = frames[0];
    const path = blockPath(text, start, line, before);
    if (top.key !== undefined) path.push(top.key);
    for (const frame of frames.slice(1)) if (frame.type === 'map' && frame.key !== undefined && frame.role === 'value') path.push(frame.key);
    const inner = frames[frames.length - 1];
    let wordStart = offset;
    while (wordStart > start && WORD.test(text[wordStart - 1])) wordStart--;
    let wordEnd = offset;
    while (wordEnd < text.length && WORD.test(text[wordEnd])) wordEnd++;
    return {
        path,
        role: inner.role,
        itemIndex: inner.type === 'seq' ? inner.itemIndex : 0,
        token: before.slice(inner.tokenStart).trim(),
        word: { start: wordStart, end: wordEnd },
        inFlow: frames.length > 1,
        siblings: () => inner.type === 'map'
            ? flowEntries(text.slice(start + inner.open, lineEnd(text, start)))
            : blockEntries(text, start, currentIndent(before)),
    };
}

/** Tokenises a line up to the cursor into its stack of block and flow frames. */
function scanLine(before: string): Frame[] | undefined {
    let i = currentIndent(before);
    const top: Frame = { type: 'block', role: 'key', itemIndex: 0, tokenStart: i, open: 0 };
    while (before[i] === '-' && (before[i + 1] === ' ' || i + 1 === before.length)) {
        top.role = 'item';
        i = skipSpaces(before, i + 1);
        top.tokenStart = i;
    }
    const frames: Frame[] = [top];
    for (; i < before.length; i++) {
        const ch = before[i];
        const frame = frames[frames.length - 1];
        if (ch === '"' || ch === "'") {
            const close = before.indexOf(ch, i + 1);
            if (close < 0) return undefined;
            i = close;
        } else if (ch === '#' && (i === 0 || before[i - 1] === ' ')) {
            return undefined;
        } else if (ch === '{' || ch === '[') {
            frames.push({ type: ch === '{' ? 'map' : 'seq', role: ch === '{' ? 'key' : 'item', itemIndex: 0, tokenStart: i + 1, open: i + 1 });
        } else if ((ch === '}' || ch === ']') && frames.length > 1) {
            frames.pop();
        } else if (ch === ',' && frame.type !== 'block') {
            if (frame.type === 'map') frame.role = 'key';
            frame.itemIndex++;
            frame.tokenStart = i + 1;
        } else if (ch === ':' && (i + 1 === before.length || /[\s,\]}]/.test(before[i + 1]))) {
            frame.key = before.slice(frame.tokenStart, i).trim().replace(/^["']|["']$/g, '');
            frame.role = 'value';
            frame.tokenStart = i + 1;
        }
    }
    return frames;
}

/** The keys of the block mappings above the cursor's line, outermost first. */
function blockPath(text: string, lineStart: number, line: Line, before: string): string[] {
    const keys: string[] = [];
    let col = line.text.trim() === '' || before.trim() === '' ? before.length : line.indent;
    let item = line.dash;
    for (let start = lineStart; start > 0 && col > 0;) {
        start = text.lastIndexOf('\n', start - 2) + 1;
        const indent = skipSpaces(text, start) - start;
        if (indent > col || isBlank(text, start + indent)) continue;
        // Same column: a sibling, unless a sequence item stands under a key at the key's own indentation.
        if (indent === col && (!item || text[start + indent] === '-')) continue;
        const above = readLine(text, start);
        if (above.text.startsWith('---')) break;
        const parent = above.indent < col || (item && above.indent === col && !above.dash);
        if (!parent || above.key === undefined) continue;
        if (above.rest?.trim() !== '' && !above.rest?.trim().startsWith('#')) {
            if (above.dash) col = above.indent;
            continue;
        }
        keys.unshift(above.key);
        col = above.indent;
        item = false;
    }
    return keys;
}

/** Splits one line into indentation, sequence dashes and a `key:` with what follows it. */
function readLine(text: string, start: number): Line {
    const raw = text.slice(start, lineEnd(text, start));
    const indent = currentIndent(raw);
    const dash = raw[indent] === '-' && (raw[indent + 1] === ' ' || raw.length === indent + 1);
    const body = dash ? raw.slice(indent + 1).trimStart() : raw.slice(indent);
    const match = /^("[^"]*"|'[^']*'|[^\s#{[][^:#]*?)\s*:(?:\s|$)(.*)$/.exec(body);
    if (!match) return { start, text: raw, indent, dash };
    return { start, text: raw, indent, dash, key: match[1].replace(/^["']|["']$/g, ''), rest: match[2] };
}

/** The entries of the block mapping whose keys stand at the cursor line's indentation. */
function blockEntries(text: string, lineStart: number, indent: number): Map<string, string> {
    const entries = new Map<string, string>();
    const scan = (from: number, step: (start: number) => number): void => {
        for (let start = from; start >= 0 && start < text.length; start = step(start)) {
            const lineIndent = skipSpaces(text, start) - start;
            if (lineIndent > indent || isBlank(text, start + lineIndent)) continue;
            const line = readLine(text, start);
            if (line.indent < indent || (line.indent === indent && line.dash)) return;
            if (line.indent === indent && line.key !== undefined) entries.set(line.key, (line.rest ?? '').replace(/\s#.*$/, '').trim());
        }
    };
    const next = (start: number): number => (text.indexOf('\n', start) < 0 ? -1 : text.indexOf('\n', start) + 1);
    scan(next(lineStart), next);
    if (lineStart > 0) scan(text.lastIndexOf('\n', lineStart - 2) + 1, (start) => (start === 0 ? -1 : text.lastIndexOf('\n', start - 2) + 1));
    return entries;
}

/** The top-level `key: value` entries of a flow mapping's text (from just after its `{`). */
function flowEntries(body: string): Map<string, string> {
    const entries = new Map<string, string>();
    let depth = 0;
    let from = 0;
    const take = (to: number): void => {
        const match = /^\s*([^:]+?)\s*:\s*(.*?)\s*$/.exec(body.slice(from, to));
        if (match) entries.set(match[1].replace(/^["']|["']$/g, ''), match[2]);
        from = to + 1;
    };
    for (let i = 0; i < body.length; i++) {
        const ch = body[i];
        if (ch === '{' || ch === '[') depth++;
        else if ((ch === '}' || ch === ']') && depth-- === 0) return (take(i), entries);
        else if (ch === ',' && depth === 0) take(i);
    }
    take(body.length);
    return entries;
}

function currentIndent(line: string): number {
    return skipSpaces(line, 0);
}

/** True when the line has nothing but a comment from `at` on. */
function isBlank(text: string, at: number): boolean {
    const ch = text[at];
    return ch === undefined || ch === '\n' || ch === '\r' || ch === '#';
}

function skipSpaces(line: string, from: number): number {
    let i = from;
    while (line[i] === ' ') i++;
    return i;
}

function lineEnd(text: string, start: number): number {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    return text[stop - 1] === '\r' ? stop - 1 : stop;
}
