import type { CliCommand, CliOutput } from '../cli-context.js';
import type { HardwareTarget } from '../../../engine/src/index.js';
import { EXIT, UsageError } from '../cli-context.js';
import { parseOptions } from '../parse-options.js';
import { DEFAULT_TARGET_ID, NO_TARGET_ID, resolveTarget } from '../../../engine/src/index.js';

/**
 * `nirmesh targets [TARGET] [--json]`: the registered hardware targets, or one target's settings
 * (every name `map --set NAME=VALUE` takes, with its value, unit, source and whether it is an estimate).
 */
export const targetsCommand: CliCommand = {
    name: 'targets',
    synopsis: 'targets [TARGET] [--json]            list hardware targets, or one target\'s settings',
    async run(args, { engine, out }) {
        const { values, positionals } = parseOptions('targets', args, { json: { type: 'boolean' } });
        if (positionals.length > 1) throw new UsageError('targets: name at most one TARGET');
        if (positionals.length === 1) {
            const resolved = resolveTarget(engine.registry, positionals[0]);
            if (!resolved.target) throw new UsageError(`targets: ${resolved.error ?? `'${positionals[0]}' has no settings`}`);
            if (values.json) out.stdout(JSON.stringify(settingsJson(resolved.target), null, 2) + '\n');
            else printSettings(out, resolved.target);
            return EXIT.ok;
        }
        const targets = engine.registry.targets.all().map((t) => ({
            id: t.id,
            title: t.title,
            description: t.description,
            argument: t.argument ?? null,
            default: t.id === DEFAULT_TARGET_ID,
        }));
        if (values.json) {
            out.stdout(JSON.stringify({ targets, none: NO_TARGET_ID }, null, 2) + '\n');
            return EXIT.ok;
        }
        for (const t of targets) {
            const id = t.argument ? `${t.id}:N` : t.id;
            out.stdout(`${id.padEnd(24)} ${t.title}${t.default ? ' (default)' : ''}\n`);
            if (t.argument) out.stdout(`${''.padEnd(24)} N: ${t.argument}\n`);
        }
        out.stdout(`${NO_TARGET_ID.padEnd(24)} the NIR graph alone, without a machine\n`);
        out.stdout('\nnirmesh targets TARGET lists a target\'s settings, the names map --set NAME=VALUE takes.\n');
        return EXIT.ok;
    },
};

/** The `targets TARGET --json` document. */
function settingsJson(target: HardwareTarget) {
    return {
        id: target.id,
        title: target.title,
        settings: [...target.settings.values()].map((s) => ({
            name: s.name, value: s.value, unit: s.unit, estimate: s.confidence === 'estimate', confidence: s.confidence, source: s.source, doc: s.doc,
        })),
    };
}

/** One line per setting: name, value (as `--set` takes it), unit, estimate or not, and source. */
function printSettings(out: CliOutput, target: HardwareTarget): void {
    out.stdout(`${target.id}: ${target.title}\n`);
    const rows = [...target.settings.values()].map((s) => [s.name, String(s.value), s.unit, s.confidence === 'estimate' ? 'estimate' : s.confidence, s.source]);
    const header = ['setting', 'value', 'unit', 'kind', 'source'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    for (const row of [header, ...rows]) {
        out.stdout(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ') + '\n');
    }
    out.stdout('\nChange one for a run with nirmesh map FILE --target ' + target.id + ' --set NAME=VALUE.\n');
}
