import { resolve } from 'node:path';
import type { CliCommand, CliOutput } from '../cli-context.js';
import { EXIT, UsageError } from '../cli-context.js';
import { parseOptions } from '../parse-options.js';
import { writeOutput } from '../write-output.js';
import { formatOf, loadSourceFile, type SourceFile } from '../load-source.js';
import { formatDiagnosticLine, toJsonDiagnostics } from '../diagnostic-report.js';
import { formatSpec, hasErrors, writeNirFile, type NirDocument, type Problem } from '../../../engine/src/index.js';

/**
 * `nirmesh convert IN OUT [--force] [--lenient] [--no-compression]`: `.nir` ↔ `*.nir.yaml` by
 * extension. Never overwrites OUT unless `--force`, never IN (however OUT reaches it); writes
 * through a temporary file (cli/src/write-output.ts). Exit 0
 * written, 1 when the input (or the output) has errors (nothing written), 2 usage/IO.
 */
export const convertCommand: CliCommand = {
    name: 'convert',
    synopsis: 'convert IN OUT [--force] [--lenient] [--no-compression]   .nir <-> .nir.yaml by extension; exit 0 written, 1 errors, 2 usage/IO',
    async run(args, { engine, out, cwd }) {
        const { values, positionals } = parseOptions('convert', args, {
            force: { type: 'boolean' },
            lenient: { type: 'boolean' },
            'no-compression': { type: 'boolean' },
        });
        if (positionals.length !== 2) throw new UsageError('convert: name exactly one IN and one OUT file');
        const [inPath, outPath] = positionals;
        const outFormat = formatOf(outPath);
        if (!outFormat) throw new UsageError(`convert: ${outPath}: unknown output type (expected .nir or .nir.yaml)`);
        const outAbsolute = resolve(cwd, outPath);
        const inAbsolute = resolve(cwd, inPath);
        if (inAbsolute === outAbsolute) throw new UsageError('convert: IN and OUT are the same file');
        let written = 0;
        let failure = '';
        const done = await writeOutput('convert', outAbsolute, outPath, { force: values.force ?? false, input: inAbsolute }, async () => {
            const file = loadSourceFile(inPath, cwd, values.lenient ?? false);
            const loaded = await engine.load(file.input);
            report(file, loaded.problems, out);
            if (!loaded.document || hasErrors(loaded.problems)) {
                failure = `${inPath} has errors`;
                return undefined;
            }
            const bytes = outFormat === 'spec'
                ? new TextEncoder().encode(formatSpec(loaded.document, { nodeKinds: (type) => engine.registry.nodeKinds.get(type) }))
                : await nirBytes(loaded.document, values['no-compression'] ?? false, file, out);
            failure = `${outPath} could not be written`;
            written = bytes?.length ?? 0;
            return bytes;
        });
        if (!done) {
            out.stderr(`nirmesh: ${failure}; nothing written\n`);
            return EXIT.problems;
        }
        out.stdout(`wrote ${outPath} (${written} bytes)\n`);
        return EXIT.ok;
    },
};

async function nirBytes(document: NirDocument, uncompressed: boolean, file: SourceFile, out: CliOutput): Promise<Uint8Array | undefined> {
    const written = await writeNirFile(document, { compression: uncompressed ? 'none' : 'gzip' });
    report(file, written.problems, out);
    return written.bytes;
}

function report(file: SourceFile, problems: readonly Problem[], out: CliOutput): void {
    for (const d of toJsonDiagnostics(file, problems)) {
        if (d.severity === 'error' || d.severity === 'warning') out.stderr(formatDiagnosticLine(d) + '\n');
    }
}
