import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-context.js';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments strictly; unknown flags or missing values become `UsageError`s. */
export function parseOptions<T extends OptionsConfig>(command: string, args: readonly string[], options: T) {
    try {
        return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    } catch (error) {
        throw new UsageError(`${command}: ${error instanceof Error ? error.message : String(error)}`);
    }
}

/** Parses a whole-number flag value, naming the flag when it is not one. */
export function parseCount(flag: string, value: string | undefined, fallback: number, min = 0): number {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number ≥ ${min}, not '${value}'`);
    return n;
}
