import { createEngine } from '../../engine/src/index.js';
import { bundledReadWorker, readerLimitsFromEnv, WorkerNirReader } from '../../host/nir-reader/index.js';
import { COMMANDS } from './commands/index.js';
import { EXIT, UsageError, type CliCommand, type CliOutput } from './cli-context.js';
import { takePluginFlags } from './plugin-flags.js';
import { describePluginFailure, loadPlugins } from '../../host/plugin-loader.js';
import packageJson from '../../package.json' with { type: 'json' };

/** The version `nirmesh --version` prints: the package's own. */
export const VERSION: string = packageJson.version;

/** The text of `nirmesh --help`. */
export function helpText(): string {
    const lines = COMMANDS.map((c) => `  nirmesh ${c.synopsis}`);
    return [
        'usage:', ...lines,
        '  nirmesh COMMAND --help                 one command\'s options',
        '  nirmesh COMMAND … --plugin MODULE      load an engine plugin first (any command, repeatable; docs/plugins.md)',
        '  nirmesh --version', '', 'Docs: docs/cli.md. Exit codes: 0 ok, 1 problems found, 2 usage or I/O error.', '',
    ].join('\n');
}

/** The text of `nirmesh COMMAND --help`. */
export function commandHelpText(command: CliCommand): string {
    return [`usage: nirmesh ${command.synopsis}`, '', `Docs: docs/cli.md (nirmesh ${command.name}). Exit codes: 0 ok, 1 problems found, 2 usage or I/O error.`, ''].join('\n');
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
    if (name === '--version' || name === '-V') {
        out.stdout(`nirmesh ${VERSION}\n`);
        return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) {
        out.stderr(`nirmesh: unknown command '${name}'\n${helpText()}`);
        return EXIT.usage;
    }
    const beforeOperands = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
    if (beforeOperands.includes('--help') || beforeOperands.includes('-h')) {
        out.stdout(commandHelpText(command));
        return EXIT.ok;
    }
    const nirReader = startNirReader(out);
    try {
        const { modules, rest: args } = takePluginFlags(rest);
        const engine = createEngine({ readNir: nirReader && ((bytes, lenient) => nirReader.read(bytes, lenient)) });
        const { failures } = await loadPlugins(engine.registry, modules, cwd);
        for (const failure of failures) out.stderr(`nirmesh: ${describePluginFailure(failure)}\n`);
        if (failures.length > 0) return EXIT.usage;
        return await command.run(args, { engine, out, cwd });
    } catch (error) {
        if (error instanceof UsageError) {
            out.stderr(`nirmesh: ${error.message}\n`);
            return EXIT.usage;
        }
        out.stderr(`nirmesh: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        return EXIT.usage;
    } finally {
        nirReader?.dispose();
    }
}

/**
 * The `.nir` reader of one invocation: HDF5 runs in the worker bundled beside the CLI, so a read that
 * outlives its bound (`NIRMESH_NIR_READ_TIMEOUT_MS`, default 60 s) ends as `hdf5/read-timeout`
 * and the worker is stopped. Undefined when the sources run unbundled (in-process tests).
 */
function startNirReader(out: CliOutput): WorkerNirReader | undefined {
    const script = bundledReadWorker();
    if (!script) return undefined;
    const { limits, warning } = readerLimitsFromEnv(process.env);
    if (warning) out.stderr(`nirmesh: ${warning}\n`);
    return new WorkerNirReader(script, limits);
}
