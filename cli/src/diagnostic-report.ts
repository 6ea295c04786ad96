import { LineIndex, SEVERITY_RANK, type Problem } from '../../engine/src/index.js';
import type { SourceFile } from './load-source.js';

/** One diagnostic exactly as `nirmesh check --json` prints it (docs/cli.md). */
export interface JsonDiagnostic {
    file: string;
    severity: Problem['severity'];
    code: string;
    message: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } } | null;
    path: string;
}

/** Converts a file's problems to the JSON form, sorted by position then severity. */
export function toJsonDiagnostics(file: SourceFile, problems: readonly Problem[]): JsonDiagnostic[] {
    const index = file.text !== undefined ? new LineIndex(file.text) : undefined;
    const withOffsets = problems.map((problem) => ({ problem, offset: problem.origin.span?.start ?? -1 }));
    withOffsets.sort((a, b) => a.offset - b.offset || SEVERITY_RANK[a.problem.severity] - SEVERITY_RANK[b.problem.severity]);
    return withOffsets.map(({ problem }) => {
        const span = problem.origin.span;
        return {
            file: file.path,
            severity: problem.severity,
            code: problem.code,
            message: problem.message,
            range: index && span ? { start: index.positionAt(span.start), end: index.positionAt(span.end) } : null,
            path: problem.origin.path,
        };
    });
}

/** One line per diagnostic, like tsc: `file:line:col - error CODE: message` (`file [path]` for `.nir`). */
export function formatDiagnosticLine(d: JsonDiagnostic): string {
    const where = d.range ? `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}` : `${d.file} [${d.path}]`;
    return `${where} - ${d.severity} ${d.code}: ${d.message}`;
}

/**
 * The counts of a summary line, of the diagnostics printed: errors and warnings always, infos and
 * hints when there are any (`2 errors, 0 warnings, 1 info`).
 */
export function severityCounts(shown: readonly JsonDiagnostic[]): string {
    const count = (severity: JsonDiagnostic['severity']) => shown.filter((d) => d.severity === severity).length;
    const counted = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const parts = [counted(count('error'), 'error'), counted(count('warning'), 'warning')];
    if (count('info') > 0) parts.push(counted(count('info'), 'info'));
    if (count('hint') > 0) parts.push(counted(count('hint'), 'hint'));
    return parts.join(', ');
}
