import type { EngineRunOptions } from '../../../engine/src/index.js';
import type { RunOptionsWire } from '../../../protocol/run.js';

/** The most ticks one request may ask for (about three hours of 1 ms ticks). */
export const MAX_STEPS = 10_000_000;

type Parsed = Omit<EngineRunOptions, 'target' | 'token' | 'onChunk' | 'onProgress'>;
type Raw = Record<string, unknown>;

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown, max = Number.MAX_SAFE_INTEGER): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= max;
const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** One checked field: `ok` says whether the value is valid, `expected` what it should be. */
interface Field {
    readonly ok: (value: unknown) => boolean;
    readonly expected: string;
}

const oneOf = (...values: string[]): Field => ({ ok: (v) => values.includes(v as string), expected: values.map((v) => `'${v}'`).join(' or ') });
const listOf = (item: (v: unknown) => boolean, expected: string): Field => ({ ok: (v) => Array.isArray(v) && v.every(item), expected });

const FIELDS: Readonly<Record<keyof RunOptionsWire, Field>> = {
    steps: { ok: (v) => isCount(v, MAX_STEPS), expected: `a whole number from 1 to ${MAX_STEPS}` },
    dtMs: { ok: (v) => isFiniteNumber(v) && v > 0, expected: 'a number of milliseconds > 0' },
    seed: { ok: (v) => Number.isSafeInteger(v), expected: 'a whole number' },
    numerics: oneOf('hardware', 'exact'),
    reset: oneOf('to-reset', 'subtract'),
    integration: oneOf('exponential', 'forward-euler'),
    inputs: listOf(
        (v) => isRecord(v) && isString(v.node) && Array.isArray(v.idx) && v.idx.every(isIndex) && Array.isArray(v.time) && v.time.every(isFiniteNumber) && v.idx.length === v.time.length,
        'a list of {node, idx: [whole numbers ≥ 0], time: [numbers]} with as many times as indices',
    ),
    poisson: listOf((v) => isRecord(v) && isString(v.node) && isFiniteNumber(v.rateHz) && v.rateHz >= 0, 'a list of {node, rateHz ≥ 0}'),
    record: listOf(isString, 'a list of node names'),
    probes: listOf((v) => isRecord(v) && isString(v.node) && (v.indices === undefined || (Array.isArray(v.indices) && v.indices.every(isIndex))), 'a list of {node, indices?: [whole numbers ≥ 0]}'),
    chunkSteps: { ok: (v) => isCount(v, MAX_STEPS), expected: `a whole number from 1 to ${MAX_STEPS}` },
    ignoreFit: { ok: (v) => typeof v === 'boolean', expected: 'true or false' },
};

/**
 * Checks the `options` of a `nirmesh/run` request and turns them into the engine's run options
 * (typed arrays for input spikes). Returns a message naming the first wrong field instead.
 */
export function parseRunOptions(raw: unknown): { options: Parsed } | { error: string } {
    if (raw === undefined || raw === null) return { options: {} };
    if (!isRecord(raw)) return { error: 'options must be an object' };
    for (const [key, value] of Object.entries(raw)) {
        const field = FIELDS[key as keyof RunOptionsWire];
        if (!field) return { error: `options.${key} is not a run option (known: ${Object.keys(FIELDS).join(', ')})` };
        if (value !== undefined && !field.ok(value)) return { error: `options.${key} must be ${field.expected}` };
    }
    const { inputs, ...rest } = raw as RunOptionsWire;
    const spikes = inputs?.map((input) => ({ node: input.node, idx: Int32Array.from(input.idx), time: Float64Array.from(input.time) }));
    return { options: { ...rest, ...(spikes ? { inputs: spikes } : {}) } };
}

/** The options in a canonical form (keys sorted at every level), so that equal options give equal keys in any order. */
export function runOptionsKey(raw: unknown): string {
    const canonical = (value: unknown): unknown => {
        if (Array.isArray(value)) return value.map(canonical);
        if (isRecord(value)) return Object.fromEntries(Object.keys(value).sort().filter((k) => value[k] !== undefined).map((k) => [k, canonical(value[k])]));
        return value;
    };
    return JSON.stringify(canonical(raw ?? {}));
}
