import { resolve } from 'node:path';
import type { CliCommand } from '../cli-context.js';
import { EXIT, UsageError } from '../cli-context.js';
import { parseOptions } from '../parse-options.js';
import { writeOutput } from '../write-output.js';
import { buildSpecSchema } from '../../../engine/src/index.js';

/**
 * `nirmesh schema [--out FILE [--force]]`: the JSON Schema of *.nir.yaml, generated from the
 * registered node kinds. An existing FILE is replaced only with `--force`.
 */
export const schemaCommand: CliCommand = {
    name: 'schema',
    synopsis: 'schema [--out FILE [--force]]        the JSON Schema of *.nir.yaml (for other YAML tools)',
    async run(args, { engine, out, cwd }) {
        const { values, positionals } = parseOptions('schema', args, { out: { type: 'string' }, force: { type: 'boolean' } });
        if (positionals.length > 0) throw new UsageError(`schema: unexpected argument '${positionals[0]}'`);
        const text = `${JSON.stringify(buildSpecSchema(engine.registry), null, 2)}\n`;
        if (values.out === undefined) {
            out.stdout(text);
            return EXIT.ok;
        }
        await writeOutput('schema', resolve(cwd, values.out), values.out, { force: values.force ?? false }, async () => new TextEncoder().encode(text));
        out.stderr(`wrote ${values.out}\n`);
        return EXIT.ok;
    },
};
