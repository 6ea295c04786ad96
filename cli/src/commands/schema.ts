import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliCommand } from '../cli-context.js';
import { EXIT, UsageError } from '../cli-context.js';
import { parseOptions } from '../parse-options.js';
import { buildSpecSchema } from '../../../engine/src/index.js';

/** `nirmesh schema [--out FILE]`: the JSON Schema of *.nir.yaml, generated from the registered node kinds. */
export const schemaCommand: CliCommand = {
    name: 'schema',
    synopsis: 'schema [--out FILE]                  the JSON Schema of *.nir.yaml (for other YAML tools)',
    async run(args, { engine, out, cwd }) {
        const { values, positionals } = parseOptions('schema', args, { out: { type: 'string' } });
        if (positionals.length > 0) throw new UsageError(`schema: unexpected argument '${positionals[0]}'`);
        const text = `${JSON.stringify(buildSpecSchema(engine.registry), null, 2)}\n`;
        if (values.out === undefined) {
            out.stdout(text);
            return EXIT.ok;
        }
        try {
            writeFileSync(resolve(cwd, values.out), text);
        } catch (error) {
            throw new UsageError(`schema: cannot write ${values.out} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
        }
        out.stderr(`wrote ${values.out}\n`);
        return EXIT.ok;
    },
};
