import type { CliCommand } from '../cli-context.js';
import { EXIT, UsageError } from '../cli-context.js';
import { parseNeuronsPerCore, parseOptions, parseTimeUnit } from '../parse-options.js';
import { loadSourceFile } from '../load-source.js';
import { toJsonDiagnostics, formatDiagnosticLine, type JsonDiagnostic } from '../diagnostic-report.js';
import { resolveTarget, DEFAULT_TARGET_ID, NO_TARGET_ID } from '../../../engine/src/index.js';

/**
 * `nirmesh check FILE... [--target ID] [--json] [--lenient] [--fast] [--hints] [--neurons-per-core TYPE=N]…
 * [--time-unit s|ms]`: exit 0 clean, 1 errors, 2 usage/IO. With a target (not `none`) the network is
 * also mapped, so that a network that does not fit is an error; `--fast` leaves the mapping out.
 * `--map` (once needed for the mapping) is still accepted and changes nothing. Text output leaves
 * hints out unless `--hints` is given (JSON always has them).
 */
export const checkCommand: CliCommand = {
    name: 'check',
    synopsis: 'check FILE... [--target ID] [--json] [--lenient] [--fast] [--hints] [--neurons-per-core TYPE=N]... [--time-unit s|ms]   diagnostics; exit 0 clean, 1 errors, 2 usage/IO',
    async run(args, { engine, out, cwd }) {
        const { values, positionals } = parseOptions('check', args, {
            target: { type: 'string' },
            json: { type: 'boolean' },
            lenient: { type: 'boolean' },
            fast: { type: 'boolean' },
            map: { type: 'boolean' },
            hints: { type: 'boolean' },
            'neurons-per-core': { type: 'string', multiple: true },
            'time-unit': { type: 'string' },
        });
        if (positionals.length === 0) throw new UsageError('check: name at least one FILE');
        const targetId = values.target ?? DEFAULT_TARGET_ID;
        const resolved = resolveTarget(engine.registry, targetId);
        if (resolved.error) throw new UsageError(`check: ${resolved.error}`);
        const neuronsPerCore = parseNeuronsPerCore('check', values['neurons-per-core']);
        const timeUnit = parseTimeUnit('check', values['time-unit']);

        const mapToo = targetId !== NO_TARGET_ID && !values.fast;
        const files = positionals.map((path) => loadSourceFile(path, cwd, values.lenient ?? false));
        const diagnostics: JsonDiagnostic[] = [];
        for (const file of files) {
            const result = await engine.analyze(file.input, {
                target: targetId,
                categories: mapToo ? ['fast', 'slow'] : ['fast'],
                neuronsPerCore,
                timeUnit,
            });
            diagnostics.push(...toJsonDiagnostics(file, result.problems));
        }
        if (values.json) out.stdout(JSON.stringify({ diagnostics }, null, 2) + '\n');
        else printSummary(diagnostics, files.length, values.hints ?? false, out.stdout);
        return diagnostics.some((d) => d.severity === 'error') ? EXIT.problems : EXIT.ok;
    },
};

function printSummary(diagnostics: readonly JsonDiagnostic[], fileCount: number, showHints: boolean, write: (text: string) => void): void {
    const shown = showHints ? diagnostics : diagnostics.filter((d) => d.severity !== 'hint');
    for (const d of shown) write(formatDiagnosticLine(d) + '\n');
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    const files = fileCount === 1 ? '1 file' : `${fileCount} files`;
    const hidden = diagnostics.length - shown.length;
    const hiddenNote = hidden > 0 ? ` (${hidden} hint${hidden === 1 ? '' : 's'} not shown: --hints shows them)` : '';
    write(`${files} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${hiddenNote}\n`);
}
