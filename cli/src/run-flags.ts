import type { IntegrationScheme, Numerics, PoissonInput, ProbeRequest, ResetMode } from '../../engine/src/index.js';
import { UsageError } from './cli-context.js';

/** `--poisson NODE=HZ` values. */
export function parsePoisson(values: readonly string[] | undefined): PoissonInput[] {
    return (values ?? []).map((value) => {
        const match = /^(.+)=([^=]+)$/.exec(value);
        const rate = match ? Number(match[2]) : NaN;
        if (!match || !Number.isFinite(rate) || rate < 0) throw new UsageError(`run: --poisson takes NODE=HZ (an Input node and a rate ≥ 0), not '${value}'`);
        return { node: match[1], rateHz: rate };
    });
}

/** `--probe NODE` or `--probe NODE:i,j,…` values. */
export function parseProbes(values: readonly string[] | undefined): ProbeRequest[] {
    return (values ?? []).map((value) => {
        const colon = value.lastIndexOf(':');
        if (colon < 0) return { node: value };
        const indices = value.slice(colon + 1).split(',').map((s) => Number(s));
        if (colon === 0 || indices.some((i) => !Number.isInteger(i) || i < 0)) {
            throw new UsageError(`run: --probe takes NODE or NODE:i,j,… (neuron indices ≥ 0), not '${value}'`);
        }
        return { node: value.slice(0, colon), indices };
    });
}

/** `--record NODES` (comma-separated, repeatable); undefined records every spiking node. */
export function parseRecord(values: readonly string[] | undefined): string[] | undefined {
    if (!values?.length) return undefined;
    return values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A positive number flag (`--dt`). */
export function parsePositive(flag: string, value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`run: ${flag} must be a number > 0, not '${value}'`);
    return n;
}

/** One of a flag's fixed choices. */
export function parseChoice<T extends string>(flag: string, value: string | undefined, choices: readonly T[]): T | undefined {
    if (value === undefined) return undefined;
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw new UsageError(`run: ${flag} takes ${choices.join(' or ')}, not '${value}'`);
}

export const NUMERICS: readonly Numerics[] = ['hardware', 'exact'];
export const RESETS: readonly ResetMode[] = ['to-reset', 'subtract'];
export const SCHEMES: readonly IntegrationScheme[] = ['exponential', 'forward-euler'];
