import type { MapReport } from '../../protocol/index.js';

type Row = readonly (string | number)[];

/** Left-aligned columns, two spaces apart. */
function table(header: Row, rows: readonly Row[]): string[] {
    const cells = [header, ...rows].map((row) => row.map(String));
    const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
    return cells.map((row) => `  ${row.map((cell, i) => cell.padEnd(widths[i])).join('  ')}`.trimEnd());
}

function bytes(n: number): string {
    if (n < 1024) return `${n} B`;
    return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

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

/** A placement report as plain text: totals, one row per node, one per chip, then the problems. */
export function placementReportText(report: MapReport, file: string): string {
    const lines = [`NIRmesh placement report`, `File:   ${file} (version ${report.version})`, `Target: ${report.target}`, ''];
    const placement = report.placement;
    if (!placement) {
        lines.push('The mapping did not run: errors in the network block it (listed below).', '');
    } else {
        lines.push(`Mapper ${placement.mapperId}: ${plural(placement.chipsUsed, 'chip')}, ${plural(placement.pesUsed, 'PE')} used`);
        if (placement.estimatesUsed.length > 0) lines.push(`Estimated settings used: ${placement.estimatesUsed.join(', ')}`);
        lines.push('', 'Nodes', ...table(['node', 'neurons', 'PEs', 'SRAM', 'router entries', 'path'], placement.nodes.map((n) => [
            n.name, n.neurons, n.pes.length, bytes(n.pes.reduce((sum, s) => sum + s.sramBytes, 0)), n.routerEntries, n.path,
        ])));
        lines.push('', 'Chips', ...table(['chip', 'PEs', 'DRAM', 'router entries', 'uncompressed'], placement.chips.map((c) => [
            `(${c.x},${c.y})`, c.pesUsed, bytes(c.dramBytes), c.routerEntries, c.routerEntriesUncompressed,
        ])), '');
    }
    lines.push(`Problems (${counts(report)})`, ...problemLines(report));
    return `${lines.join('\n')}\n`;
}

/** A check report as plain text: the counts and every problem with its place. */
export function checkReportText(report: MapReport, file: string): string {
    const lines = [`NIRmesh check: ${file} (version ${report.version}) on ${report.target}`, counts(report), '', ...problemLines(report)];
    return `${lines.join('\n')}\n`;
}
