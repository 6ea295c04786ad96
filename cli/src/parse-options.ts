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

/** Parses a whole-number flag value written in digits, from `min` to `max`, naming the flag when it is not one. */
export function parseCount(flag: string, value: string | undefined, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    if (value === undefined) return fallback;
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(n >= min && n <= max)) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not '${value}'`);
    return n;
}

/**
 * Parses repeated `--neurons-per-core TYPE=N` values into per-type defaults (undefined when none);
 * TYPE must be one of `types` (the registered neuron models).
 */
export function parseNeuronsPerCore(command: string, values: readonly string[] | undefined, types: readonly string[]): Record<string, number> | undefined {
    if (!values?.length) return undefined;
    const out: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const value of values) {
        const match = /^([A-Za-z_][A-Za-z0-9_]*)=(\d+)$/.exec(value);
        const n = match ? Number(match[2]) : 0;
        if (!match || n < 1) throw new UsageError(`${command}: --neurons-per-core takes TYPE=N (a NIR type and a whole number ≥ 1), not '${value}'`);
        if (!types.includes(match[1])) throw new UsageError(`${command}: --neurons-per-core: '${match[1]}' is not a neuron type; use one of ${types.join(', ')}`);
        out[match[1]] = n;
    }
    return out;
}

/** Parses `--time-unit s|ms` (undefined when not given). */
export function parseTimeUnit(command: string, value: string | undefined): 's' | 'ms' | undefined {
    if (value === undefined || value === 's' || value === 'ms') return value;
    throw new UsageError(`${command}: --time-unit takes s or ms, not '${value}'`);
}
