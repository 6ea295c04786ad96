import type { NirNode } from '../nir/graph.js';
import type { NirDict, NirValue } from '../nir/value.js';
import type { Origin } from '../nir/origin.js';
import type { Problem } from '../diagnostics/problem.js';
import { numbersOf, scalarOf } from './tensor-values.js';

/** What a population records, per py-spinnaker2's recordables (its population `record` list: spikes, v, v_last, time_done). */
export interface RecordSet {
    readonly spikes: boolean;
    /** The membrane voltage at every step. */
    readonly v: boolean;
    /** The membrane voltage at the last step only. */
    readonly vLast: boolean;
    /** The time each step finished. */
    readonly timeDone: boolean;
}

/** Records nothing. */
export const RECORD_NOTHING: RecordSet = { spikes: false, v: false, vLast: false, timeDone: false };

/** A number from a hint with the place it was written. */
export interface HintValue<T> {
    readonly value: T;
    readonly origin: Origin;
}

/** The SpiNNaker hints of one node (`metadata: {spinnaker2: {...}}`), each with its origin. */
export interface NodeHints {
    readonly neuronsPerCore?: HintValue<number>;
    readonly chip?: HintValue<readonly [number, number]>;
    readonly core?: HintValue<number>;
    readonly record?: HintValue<RecordSet>;
    /** A projection's synaptic delay in steps, on a weight node. */
    readonly delay?: HintValue<number>;
    /** Malformed or unknown hints (`spinnaker2/bad-hint`). */
    readonly problems: readonly Problem[];
}

/** The metadata key the hints live under (docs/format.md, docs/diagnostics/spinnaker2.md). */
export const HINTS_KEY = 'spinnaker2';

const RECORDABLES: Readonly<Record<string, keyof RecordSet>> = { spikes: 'spikes', v: 'v', v_last: 'vLast', time_done: 'timeDone' };
const KNOWN = ['neurons_per_core', 'chip', 'core', 'record', 'delay'];

/** Reads a node's `spinnaker2` hints. Never throws; every malformed value becomes a problem at its origin. */
export function readHints(node: NirNode): NodeHints {
    const problems: Problem[] = [];
    const group = node.metadata.entries.get(HINTS_KEY);
    if (!group) return { problems };
    if (group.kind !== 'dict') {
        problems.push(bad(group.origin, `metadata '${HINTS_KEY}' must be a mapping of hints (${KNOWN.join(', ')})`));
        return { problems };
    }
    const count = (key: string, min: number) => readCount(group, key, min, problems);
    const hints: NodeHints = {
        neuronsPerCore: count('neurons_per_core', 1),
        core: count('core', 0),
        delay: count('delay', 0),
        chip: readChip(group, problems),
        record: readRecord(group, problems),
        problems,
    };
    for (const [key, value] of group.entries) {
        if (!KNOWN.includes(key)) {
            problems.push({ ...bad(value.origin, `unknown SpiNNaker hint '${key}' (known: ${KNOWN.join(', ')})`), severity: 'warning' });
        }
    }
    return hints;
}

function bad(origin: Origin, message: string): Problem {
    return { code: 'spinnaker2/bad-hint', severity: 'error', message, origin };
}

function readCount(group: NirDict, key: string, min: number, problems: Problem[]): HintValue<number> | undefined {
    const value = group.entries.get(key);
    if (!value) return undefined;
    const n = scalarOf(value);
    if (n === undefined || !Number.isInteger(n) || n < min) {
        problems.push(bad(value.origin, `hint '${key}' must be a whole number ≥ ${min}`));
        return undefined;
    }
    return { value: n, origin: value.origin };
}

function readChip(group: NirDict, problems: Problem[]): HintValue<readonly [number, number]> | undefined {
    const value = group.entries.get('chip');
    if (!value) return undefined;
    const xy = numbersOf(value, 2);
    if (!xy || xy.length !== 2 || !xy.every((c) => Number.isInteger(c) && c >= 0)) {
        problems.push(bad(value.origin, "hint 'chip' must be two whole numbers [x, y]"));
        return undefined;
    }
    return { value: [xy[0], xy[1]], origin: value.origin };
}

/** `record` is a string (`spikes`, `spikes, v`) or a mapping from recordable to true/false or to a name. */
function readRecord(group: NirDict, problems: Problem[]): HintValue<RecordSet> | undefined {
    const value = group.entries.get('record');
    if (!value) return undefined;
    const names = recordNames(value);
    const unknown = names?.filter((n) => !Object.hasOwn(RECORDABLES, n));
    if (!names || (unknown && unknown.length > 0)) {
        const what = unknown && unknown.length > 0 ? `unknown recordable '${unknown[0]}'` : 'a list of names';
        problems.push(bad(value.origin, `hint 'record' must name what to record (${Object.keys(RECORDABLES).join(', ')}); found ${what}`));
        return undefined;
    }
    const record = { ...RECORD_NOTHING } as { -readonly [K in keyof RecordSet]: boolean };
    for (const name of names) record[RECORDABLES[name]] = true;
    return { value: record, origin: value.origin };
}

function recordNames(value: NirValue): string[] | undefined {
    if (value.kind === 'string') return value.value.split(/[\s,]+/).filter((s) => s !== '');
    if (value.kind !== 'dict') return undefined;
    const names: string[] = [];
    for (const [key, entry] of value.entries) {
        if (entry.kind === 'string') names.push(entry.value);
        else if (scalarOf(entry) !== 0) names.push(key);
    }
    return names;
}
