import { createEngine } from '../../engine/src/index.js';
import { COMMANDS } from './commands/index.js';
import { EXIT, UsageError, type CliOutput } from './cli-context.js';

/** The text of `nirmesh --help`. */
export function helpText(): string {
    const lines = COMMANDS.map((c) => `  nirmesh ${c.synopsis}`);
    return ['usage:', ...lines, '', 'Docs: docs/cli.md. Exit codes: 0 ok, 1 problems found, 2 usage or I/O error.', ''].join('\n');
}

/**
 * Runs one `nirmesh` invocation and returns its exit code. Never throws: usage and I/O errors
 * print `nirmesh: …` and give 2; an internal failure prints its message and gives 2 as well.
 */
export async function runCli(argv: readonly string[], out: CliOutput, cwd: string): Promise<number> {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        (name ? out.stdout : out.stderr)(helpText());
        return name ? EXIT.ok : EXIT.usage;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) {
        out.stderr(`nirmesh: unknown command '${name}'\n${helpText()}`);
        return EXIT.usage;
    }
    try {
        return await command.run(rest, { engine: createEngine(), out, cwd });
    } catch (error) {
        if (error instanceof UsageError) {
            out.stderr(`nirmesh: ${error.message}\n`);
            return EXIT.usage;
        }
        out.stderr(`nirmesh: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        return EXIT.usage;
    }
}
