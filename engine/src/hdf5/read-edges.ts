import type { Dataset } from 'h5wasm';
import type { Hdf5Library } from './h5-module.js';
import { readDatasetValue, type DatasetProblem, type DecodeBudget } from './read-dataset.js';
import { undecodableFilter } from './filters.js';
import { MAX_DATASET_ELEMENTS } from './limits.js';
import { hdf5ErrorSummary } from './problems.js';

/** The `[source, target]` rows of an `edges` dataset, or why they could not be read. */
export type EdgeRows = { readonly pairs: readonly (readonly [string, string])[] } | { readonly problem: DatasetProblem };

/** Rough bytes per edge string kept in memory, for the decoded-data budget. */
const BYTES_PER_NAME = 64;

/**
 * Reads an `edges` dataset: `[E, 2]` strings (NIR ≥ 0.1), an empty numeric dataset (NIR writes
 * `(0,)` float64 for no edges), or `[E, 2]` integers (NIR 0.0.x node indices, named by index).
 */
export function readEdgeRows(library: Hdf5Library, dataset: Dataset, path: string, budget: DecodeBudget): EdgeRows {
    try {
        return readUnguarded(library, dataset, path, budget);
    } catch (error) {
        return { problem: { code: 'hdf5/bad-data', message: `${path} cannot be read (corrupt file?): ${hdf5ErrorSummary(error)}.` } };
    }
}

function readUnguarded(library: Hdf5Library, dataset: Dataset, path: string, budget: DecodeBudget): EdgeRows {
    const shape = dataset.shape ?? [];
    const count = shape.reduce((a, b) => a * b, 1);
    if (dataset.metadata.type !== 3) return numericEdges(library, dataset, path, budget, shape, count);
    if (shape.length !== 2 || shape[1] !== 2) return bad(`${path} must have shape [E, 2] (one [source, target] row per edge); it has [${shape.join(', ')}].`);
    if (!(count <= MAX_DATASET_ELEMENTS) || count * BYTES_PER_NAME > budget.remainingBytes) {
        return { problem: { code: 'hdf5/dataset-too-large', message: `${path} declares ${shape[0]} edges, more than can be read.` } };
    }
    const filterProblem = undecodableFilter(dataset.filters, path, library.pluginFilters);
    if (filterProblem) return { problem: { code: 'hdf5/unsupported-filter', message: filterProblem } };
    budget.remainingBytes -= count * BYTES_PER_NAME;
    const value = dataset.value;
    const flat = Array.isArray(value) ? value.flat(2) : [];
    if (flat.length !== count || !flat.every((v) => typeof v === 'string')) return bad(`${path}: the edge names could not be decoded as strings.`);
    const pairs: [string, string][] = [];
    for (let i = 0; i < count; i += 2) pairs.push([flat[i] as string, flat[i + 1] as string]);
    return { pairs };
}

function numericEdges(library: Hdf5Library, dataset: Dataset, path: string, budget: DecodeBudget, shape: readonly number[], count: number): EdgeRows {
    if (count === 0) return { pairs: [] };
    if (shape.length !== 2 || shape[1] !== 2) return bad(`${path} must hold [source, target] name pairs (shape [E, 2] strings); it is a numeric dataset of shape [${shape.join(', ')}].`);
    const read = readDatasetValue(library, dataset, { path }, budget);
    if (read.problem) return read;
    if (read.value.kind !== 'tensor' || read.value.source.kind !== 'dense') return bad(`${path}: the edges could not be decoded.`);
    const data = read.value.source.data;
    const pairs: [string, string][] = [];
    for (let i = 0; i < count; i += 2) pairs.push([String(data[i]), String(data[i + 1])]);
    return { pairs };
}

function bad(message: string): EdgeRows {
    return { problem: { code: 'hdf5/bad-edges', message } };
}
