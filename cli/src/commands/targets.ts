import type { CliCommand } from '../cli-context.js';
import { EXIT } from '../cli-context.js';
import { parseOptions } from '../parse-options.js';
import { DEFAULT_TARGET_ID, NO_TARGET_ID } from '../../../engine/src/index.js';

/** `nirmesh targets [--json]`: the registered hardware targets. */
export const targetsCommand: CliCommand = {
    name: 'targets',
    synopsis: 'targets [--json]                     list hardware targets',
    async run(args, { engine, out }) {
        const { values } = parseOptions('targets', args, { json: { type: 'boolean' } });
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
        return EXIT.ok;
    },
};
