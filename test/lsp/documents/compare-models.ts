import type { LoadResult } from '../../../engine/src/index.js';

/** A comparable form of a model or problem: maps as entry lists, typed arrays as strings, keys sorted. */
export function canonical(value: unknown): unknown {
    if (value instanceof Map) return { map: [...value].map(([k, v]) => [k, canonical(v)]) };
    if (ArrayBuffer.isView(value)) return { [value.constructor.name]: Array.from(value as unknown as ArrayLike<unknown>, String) };
    if (Array.isArray(value)) return value.map(canonical);
    if (typeof value === 'bigint') return `${value}n`;
    if (value && typeof value === 'object') {
        const entries = Object.entries(value).filter(([, v]) => v !== undefined);
        return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]).sort(([a], [b]) => String(a).localeCompare(String(b))));
    }
    return value;
}

/** A load result in comparable form: the document, and the problems in a stable order. */
export function comparable(result: LoadResult) {
    const problems = result.problems.map((p) => JSON.stringify(canonical(p))).sort();
    return { document: canonical(result.document), problems };
}

/** `text` with `[from, to)` replaced by `insert`. */
export function edit(text: string, from: number, to: number, insert: string): string {
    return text.slice(0, from) + insert + text.slice(to);
}
