import type { MapReport } from '../../protocol/index.js';

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** `1 chip`, `2 chips`. */
function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The problems of a report, one a line: `12:5  error  nir/dangling-edge  message` (1-based). */
function problemLines(report: MapReport): string[] {
    if (report.diagnostics.length === 0) return ['  none'];
    return report.diagnostics.map((d) => {
        const at = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
        return `  ${at}  ${SEVERITY[d.severity ?? 1]}  ${String(d.code ?? '')}  ${d.message}`;
    });
}

function counts(report: MapReport): string {
    const of = (severity: number) => report.diagnostics.filter((d) => (d.severity ?? 1) === severity).length;
    return `${plural(of(1), 'error')}, ${plural(of(2), 'warning')}, ${plural(of(3) + of(4), 'note')}`;
}

/** A check report as plain text: the counts and every problem with its place. */
export function checkReportText(report: MapReport, file: string): string {
    const lines = [`NIRmesh check: ${file} (version ${report.version}) on ${report.target}`, counts(report), '', ...problemLines(report)];
    return `${lines.join('\n')}\n`;
}
