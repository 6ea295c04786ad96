import { visit, type Document, type YAMLError } from 'yaml';
import { isCollection, isScalar, isSeq } from './yaml-ast.js';
import type { Problem, Severity } from '../diagnostics/problem.js';
import type { Span } from '../text/span.js';

/**
 * YAML syntax errors and warnings as problems with tight ranges. The parser sometimes reports an
 * unclosed bracket or quote at the end of the text or across many lines; such ranges are moved to
 * the opening bracket or quote, and any other range is cut to its first line and kept inside the
 * text.
 */

/** Converts the parser's errors and warnings into `yaml/…` problems. */
export function yamlProblems(doc: Document, text: string): Problem[] {
    const found = [
        ...doc.errors.map((error) => toProblem(doc, text, error, 'error')),
        ...doc.warnings.map((warning) => toProblem(doc, text, warning, 'warning')),
    ];
    // An unclosed bracket makes every enclosing flow collection unclosed too: keep the innermost.
    const openers = found.flatMap((f) => (f.opener ? [f.opener] : []));
    const problems: Problem[] = [];
    const seen = new Set<string>();
    for (const { problem, opener } of found) {
        if (opener && openers.some((o) => o !== opener && o.start > opener.start && o.start < opener.end)) continue;
        const key = `${problem.code}@${problem.origin.span?.start}:${problem.origin.span?.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        problems.push(problem);
    }
    return problems;
}

function toProblem(doc: Document, text: string, error: YAMLError, severity: Severity): { problem: Problem; opener?: Span } {
    const opener = unclosedOpener(doc, error);
    const span = opener ? { start: opener.start, end: opener.start + 1 } : tighten(text, error.pos[0], error.pos[1]);
    return { problem: problemFor(text, error, severity, span, opener !== undefined), opener };
}

function problemFor(text: string, error: YAMLError, severity: Severity, span: Span, unclosed: boolean): Problem {
    const message = unclosed ? `${unclosedMessage(text[span.start])} ${sentence(error.message)}` : sentence(error.message);
    return { code: 'yaml/syntax', severity, message, origin: { path: '/', span }, data: { yamlCode: error.code } };
}

function unclosedMessage(opener: string): string {
    if (opener === '[') return 'This [ is never closed.';
    if (opener === '{') return 'This { is never closed.';
    return `This ${opener}quoted string${opener} is never closed.`;
}

function sentence(message: string): string {
    const first = message.split('\n')[0].trim();
    return /[.!?]$/.test(first) ? first : `${first}.`;
}

/**
 * For "must … end with a ]" and "Missing closing quote" errors: the range of the flow collection
 * or quoted scalar that ends where the error is reported (its first character is the opener).
 */
function unclosedOpener(doc: Document, error: YAMLError): Span | undefined {
    const bracket = /end with an? ([\]}])/.exec(error.message)?.[1];
    const wantsQuote = error.code === 'MISSING_CHAR' && /quote/.test(error.message);
    if (!bracket && !wantsQuote) return undefined;
    let found: Span | undefined;
    visit(doc, (_key, node) => {
        const range = (node as { range?: [number, number, number] }).range;
        if (found || !range || range[1] !== error.pos[0]) return undefined;
        const fits = bracket
            ? isCollection(node) && node.flow === true && (bracket === ']') === isSeq(node)
            : isScalar(node) && node.type?.startsWith('QUOTE') === true;
        if (fits) found = { start: range[0], end: range[1] };
        return undefined;
    });
    return found;
}

/** Clamps a range into the text, moves an end-of-text range onto the last character, and cuts it at the first line break. */
export function tighten(text: string, start: number, end: number): Span {
    let s = Math.min(Math.max(0, start), text.length);
    let e = Math.min(Math.max(s, end), text.length);
    if (s === text.length && s > 0) {
        let last = text.length - 1;
        while (last > 0 && /\s/.test(text[last])) last--;
        s = last;
        e = last + 1;
    }
    const lineBreak = text.slice(s, e).search(/[\r\n]/);
    if (lineBreak >= 0) e = s + lineBreak;
    return { start: s, end: e };
}
