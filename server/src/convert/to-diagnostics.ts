import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Origin, Problem, Severity } from '../../../engine/src/index.js';
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

/**
 * A document's problems as diagnostics: converted, with exact duplicates removed (the same code,
 * severity, range and message), sorted by position then severity, and capped at `MAX_DIAGNOSTICS` (errors
 * kept first) so that a document with thousands of problems does not flood the editor.
 */
export function toDiagnostics(problems: readonly Problem[], target: ConvertTarget): Diagnostic[] {
    const seen = new Set<string>();
    const all: Diagnostic[] = [];
    for (const problem of problems) {
        const diagnostic = toDiagnostic(problem, target);
        const { start, end } = diagnostic.range;
        const key = `${diagnostic.code}|${diagnostic.severity}|${start.line}:${start.character}-${end.line}:${end.character}|${diagnostic.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        all.push(diagnostic);
    }
    if (all.length <= MAX_DIAGNOSTICS) return all.sort(compare);
    const kept = [...all].sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1)).slice(0, MAX_DIAGNOSTICS - 1).sort(compare);
    const omitted = all.length - kept.length;
    kept.push(
        toDiagnostic(
            {
                code: 'engine/too-many-problems',
                severity: 'info',
                message: `${omitted} more problems are not shown; fix the ones above first (the command line lists them all: nirmesh check).`,
                origin: { path: '/' },
            },
            target,
        ),
    );
    return kept;
}
