import { existsSync, linkSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliCommand, CliOutput } from '../cli-context.js';
import { EXIT, UsageError } from '../cli-context.js';
import { parseOptions } from '../parse-options.js';
import { formatOf, loadSourceFile, type SourceFile } from '../load-source.js';
import { formatDiagnosticLine, toJsonDiagnostics } from '../diagnostic-report.js';
import { formatSpec, hasErrors, writeNirFile, type NirDocument, type Problem } from '../../../engine/src/index.js';

/**
 * `nirmesh convert IN OUT [--force] [--lenient] [--no-compression]`: `.nir` ↔ `*.nir.yaml` by
 * extension. Never overwrites OUT unless `--force`; writes through a temporary file. Exit 0
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
        if (resolve(cwd, inPath) === outAbsolute) throw new UsageError('convert: IN and OUT are the same file');
        if (!values.force && existsSync(outAbsolute)) throw new UsageError(`convert: ${outPath} exists; pass --force to overwrite it`);

        const file = loadSourceFile(inPath, cwd, values.lenient ?? false);
        const loaded = await engine.load(file.input);
        report(file, loaded.problems, out);
        if (!loaded.document || hasErrors(loaded.problems)) {
            out.stderr(`nirmesh: ${inPath} has errors; nothing written\n`);
            return EXIT.problems;
        }
        const bytes = outFormat === 'spec'
            ? new TextEncoder().encode(formatSpec(loaded.document, { nodeKinds: (type) => engine.registry.nodeKinds.get(type) }))
            : await nirBytes(loaded.document, values['no-compression'] ?? false, file, out);
        if (!bytes) {
            out.stderr(`nirmesh: ${outPath} could not be written; nothing written\n`);
            return EXIT.problems;
        }
        writeAtomically(outAbsolute, bytes, values.force ?? false, outPath);
        out.stdout(`wrote ${outPath} (${bytes.length} bytes)\n`);
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

/** Writes a temporary file beside the target, then moves it in place (refusing to replace unless `force`). */
function writeAtomically(target: string, bytes: Uint8Array, force: boolean, shown: string): void {
    const temporary = `${target}.${process.pid}-${Date.now()}.tmp`;
    try {
        writeFileSync(temporary, bytes, { flag: 'wx' });
        if (force) {
            renameSync(temporary, target);
        } else {
            linkSync(temporary, target);
            unlinkSync(temporary);
        }
    } catch (error) {
        try {
            unlinkSync(temporary);
        } catch {
            // Never created, or already moved.
        }
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        throw new UsageError(code === 'EEXIST' ? `convert: ${shown} exists; pass --force to overwrite it` : `convert: cannot write ${shown} (${code})`);
    }
}
