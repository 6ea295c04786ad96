import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { CliCommand } from '../cli-context.js';
import { EXIT, UsageError } from '../cli-context.js';
import { parseCount, parseNeuronsPerCore, parseOptions, parseTimeUnit } from '../parse-options.js';
import { loadSourceFile } from '../load-source.js';
import { formatDiagnosticLine, toJsonDiagnostics } from '../diagnostic-report.js';
import { readInputSpikes } from '../read-input-spikes.js';
import { MAX_STEPS, targetWithOverrides } from './map.js';
import { writeExportedFiles } from '../../../host/write-export.js';
import { DEFAULT_STEPS, DEFAULT_TARGET_ID, NO_TARGET_ID, documentTimeUnit, machineGraphOf } from '../../../engine/src/index.js';

/**
 * `nirmesh export FILE --to ID --out DIR [--force] [--target ID] [--steps N] [--input NIRDATA.h5]
 * [--set NAME=VALUE]… [--neurons-per-core TYPE=N]… [--time-unit s|ms]`, and `nirmesh export --list`:
 * maps the network (for an exporter that `needsMapping`; the others only check it and take no
 * target) and, when it fits, writes it for another engine, printing the exporter's warnings (the
 * approximations it made) as `check` prints diagnostics. Refuses a network that does not fit or has
 * errors (exit 1, with the diagnostics) and a non-empty DIR without `--force` (exit 2).
 */
export const exportCommand: CliCommand = {
    name: 'export',
    synopsis: 'export FILE --to ID --out DIR [--force] [--target ID] [--steps N] [--input NIRDATA.h5] | export --list   a runnable script for another engine',
    async run(args, { engine, out, cwd }) {
        const { values, positionals } = parseOptions('export', args, {
            to: { type: 'string' },
            out: { type: 'string' },
            force: { type: 'boolean' },
            list: { type: 'boolean' },
            target: { type: 'string' },
            steps: { type: 'string' },
            input: { type: 'string' },
            set: { type: 'string', multiple: true },
            'neurons-per-core': { type: 'string', multiple: true },
            'time-unit': { type: 'string' },
        });
        const exporters = engine.registry.exporters;
        if (values.list) {
            for (const e of exporters.all()) out.stdout(`${e.id.padEnd(16)} ${e.description}\n`);
            return EXIT.ok;
        }
        if (positionals.length !== 1) throw new UsageError('export: name exactly one FILE');
        if (!values.to) throw new UsageError(`export: --to ID is needed (one of ${exporters.ids().join(', ')}; see export --list)`);
        const exporter = exporters.get(values.to);
        if (!exporter) throw new UsageError(`export: no exporter '${values.to}' (known: ${exporters.ids().join(', ')})`);
        if (!values.out) throw new UsageError('export: --out DIR is needed');
        const dir = resolve(cwd, values.out);
        if (existsSync(dir) && (!statSync(dir).isDirectory() || (readdirSync(dir).length > 0 && !values.force))) {
            throw new UsageError(`export: ${values.out} exists and is not an empty directory; use --force to write into it`);
        }
        const steps = parseCount('--steps', values.steps, DEFAULT_STEPS, 1, MAX_STEPS);
        const requested = parseTimeUnit('export', values['time-unit']);
        if (!exporter.needsMapping) {
            const given = (['target', 'set', 'neurons-per-core'] as const).filter((k) => values[k] !== undefined);
            if (given.length > 0) throw new UsageError(`export: ${exporter.id} does not map the network onto a target; drop --${given.join(', --')}`);
        }
        const target = exporter.needsMapping ? targetWithOverrides('export', engine.registry, values.target ?? DEFAULT_TARGET_ID, values.set ?? []) : undefined;

        const file = loadSourceFile(positionals[0], cwd);
        const neuronsPerCore = parseNeuronsPerCore('export', values['neurons-per-core'], engine.registry.neuronModels.ids());
        const { problems, mapping, analysis } = await engine.analyze(file.input, target
            ? { target, categories: ['fast', 'slow'], steps, neuronsPerCore, timeUnit: requested }
            : { target: NO_TARGET_ID, categories: ['fast'], timeUnit: requested });
        const diagnostics = toJsonDiagnostics(file, problems);
        const errors = diagnostics.filter((d) => d.severity === 'error');
        if (!analysis || (target && !mapping) || errors.length > 0) {
            for (const d of errors) out.stderr(formatDiagnosticLine(d) + '\n');
            const count = errors.length > 0 ? ` (${errors.length} error${errors.length === 1 ? '' : 's'})` : '';
            // A file that could not be read has no graph to fit: say so rather than "does not fit".
            const why = !analysis ? 'could not be read' : target ? `does not fit ${target.id}` : 'has errors';
            out.stderr(`nirmesh: ${file.path} ${why}${count}; nothing written\n`);
            return EXIT.problems;
        }
        const timeUnit = documentTimeUnit(analysis.document, requested);
        const sources = machineGraphOf(analysis).populations.filter((p) => p.isSource).map((p) => p.name);
        const inputs = values.input ? (await readInputSpikes(values.input, cwd)).filter((s) => sources.includes(s.node)) : undefined;
        const result = await exporter.export({
            analysis, target, mapping, steps, inputs, timeUnit, sourceName: basename(file.path), neuronModels: engine.registry.neuronModels,
        });
        const reported = toJsonDiagnostics(file, result.problems);
        const refused = reported.filter((d) => d.severity === 'error');
        if (refused.length > 0) {
            for (const d of refused) out.stderr(formatDiagnosticLine(d) + '\n');
            out.stderr(`nirmesh: ${exporter.id} cannot write ${file.path}; nothing written\n`);
            return EXIT.problems;
        }
        for (const d of reported) out.stdout(formatDiagnosticLine(d) + '\n');
        await writeExportedFiles(dir, result.files);
        out.stdout(`wrote ${result.files.length} files to ${values.out} (${exporter.title}); run: python3 ${join(values.out, 'run.py')} --help\n`);
        return EXIT.ok;
    },
};
