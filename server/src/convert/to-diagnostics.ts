import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SEVERITY_RANK, type Origin, type Problem, type Severity } from '../../../engine/src/index.js';
import { originRange } from './origin-range.js';

/** The `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'nirmesh';

/** At most this many diagnostics per document; the rest are summed up in one `engine/too-many-problems`. */
export const MAX_DIAGNOSTICS = 1000;

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint,
};

/** The document problems are converted for. */
export interface ConvertTarget {
    readonly uri: string;
    /** The text the spans refer to; absent for `.nir` files. */
    readonly textDocument?: TextDocument;
    docsLink(code: string): string;
}

/** A message with the NIR/HDF5 path appended where the range cannot show the place (`.nir` files). */
function placed(message: string, origin: Origin, target: ConvertTarget): string {
    return target.textDocument || origin.path === '/' ? message : `${message} (at ${origin.path})`;
}

function related(problem: Problem, target: ConvertTarget): DiagnosticRelatedInformation[] | undefined {
    if (!problem.related?.length) return undefined;
    return problem.related.map((info) => ({
        location: { uri: target.uri, range: originRange(info.origin, target.textDocument) },
        message: placed(info.message, info.origin, target),
    }));
}

/**
 * One engine problem as an LSP diagnostic: range from its origin, code with a docs link, source
 * `nirmesh`, related places in the same document, and `data` = the problem's own data plus the
 * NIR path (`{ path: '/node/nodes/fc1/weight', …}`), which survives the trip to a code action.
 */
export function toDiagnostic(problem: Problem, target: ConvertTarget): Diagnostic {
    const diagnostic: Diagnostic = {
        range: originRange(problem.origin, target.textDocument),
        severity: SEVERITY[problem.severity] ?? DiagnosticSeverity.Error,
        code: problem.code,
        codeDescription: { href: target.docsLink(problem.code) },
        source: DIAGNOSTIC_SOURCE,
        message: placed(problem.message, problem.origin, target),
        data: { path: problem.origin.path, ...problem.data },
    };
    const relatedInformation = related(problem, target);
    if (relatedInformation) diagnostic.relatedInformation = relatedInformation;
    return diagnostic;
}

function compare(a: Diagnostic, b: Diagnostic): number {
    return (
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        (a.severity ?? 1) - (b.severity ?? 1)
    );
}

function problemKey(problem: Problem): string {
    const { span, keySpan, path } = problem.origin;
    return `${problem.code}|${problem.severity}|${path}|${span?.start}-${span?.end}|${keySpan?.start}|${problem.message}`;
}

/**
 * A document's problems as diagnostics: exact duplicates removed (the same code, severity, place
 * and message), capped at `MAX_DIAGNOSTICS` (the most severe kept; only those are converted) so
 * that a document with thousands of problems does not flood the editor, and sorted by position
 * then severity.
 */
export function toDiagnostics(problems: readonly Problem[], target: ConvertTarget): Diagnostic[] {
    const seen = new Set<string>();
    const unique = problems.filter((problem) => {
        const key = problemKey(problem);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
    if (unique.length <= MAX_DIAGNOSTICS) return unique.map((p) => toDiagnostic(p, target)).sort(compare);
    const kept = [...unique].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]).slice(0, MAX_DIAGNOSTICS - 1);
    const summary: Problem = {
        code: 'engine/too-many-problems',
        severity: 'info',
        message: `${unique.length - kept.length} more problems are not shown; fix the ones above first (the command line lists them all: nirmesh check).`,
        origin: { path: '/' },
    };
    return [...kept.map((p) => toDiagnostic(p, target)).sort(compare), toDiagnostic(summary, target)];
}
