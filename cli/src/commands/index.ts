import type { CliCommand } from '../cli-context.js';
import { checkCommand } from './check.js';
import { mapCommand } from './map.js';
import { targetsCommand } from './targets.js';
import { lspCommand } from './lsp.js';
import { schemaCommand } from './schema.js';
import { convertCommand } from './convert.js';
import { runCommand } from './run.js';

/** Every subcommand, in the order `nirmesh --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [checkCommand, convertCommand, mapCommand, runCommand, targetsCommand, schemaCommand, lspCommand];
