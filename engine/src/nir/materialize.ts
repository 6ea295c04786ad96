import type { DType, Generator, Tensor, TensorData } from './value.js';
import { elementCount } from './value.js';
import { allocateTensorData, isBigIntDType, readElement, writeElement } from './dtype-codec.js';
import { randomNormal, randomUnit, streamUnits } from './seeded-random.js';

/**
 * Turning procedural tensors into numbers, and what can be known about them without doing so.
 *
 * The recipes are deterministic: element `i` (row-major) of `uniform`/`normal` is drawn from
 * stream 0 of the generator's seed at counter `i`, so any element can be computed alone. A
 * `fixed_probability` matrix picks each row's non-zero columns from its own stream (geometric
 * skips, so a row costs O(non-zeros)), and the value at `(r, c)` is element `r·cols + c` of its
 * `weight` generator: the matrix is the weight recipe masked by the connectivity.
 */

/** The most elements `materializeTensor` fills by default (2^27 ≈ 134 M, 1 GiB of float64). */
export const MAX_MATERIALIZED_ELEMENTS = 2 ** 27;

/** The connectivity streams start here, apart from the dense element stream 0. */
const MASK_STREAM_BASE = 2 ** 40;

/** The generators whose elements do not depend on the tensor's shape. */
export type ElementwiseGenerator = Exclude<Generator, { kind: 'fixed_probability' | 'one_to_one' }>;

/** A materialised tensor, or why it could not be. */
export type MaterializeResult =
    | { readonly data: TensorData; readonly error?: undefined }
    | { readonly data?: undefined; readonly error: string };

/** The non-zero entries of one row of a `fixed_probability` matrix, columns ascending. */
export interface SparseRow {
    readonly columns: readonly number[];
    readonly values: readonly number[];
}

/**
 * The tensor's elements as a dense row-major typed array of its dtype. Dense tensors return their
 * own array (not a copy). Refuses tensors with more than `maxElements` elements.
 */
export function materializeTensor(tensor: Tensor, maxElements = MAX_MATERIALIZED_ELEMENTS): MaterializeResult {
    if (tensor.source.kind === 'dense') return { data: tensor.source.data };
    const count = elementCount(tensor.shape);
    if (!(count <= maxElements)) {
        return { error: `${tensor.origin.path}: ${count} elements is more than the ${maxElements} that may be materialised at once` };
    }
    const data = allocateTensorData(tensor.dtype, count);
    fillGenerated(tensor.source.generator, tensor.shape, tensor.dtype, data);
    return { data };
}

function fillGenerated(generator: Generator, shape: readonly number[], dtype: DType, data: TensorData): void {
    const count = data.length;
    if (generator.kind === 'fixed_probability') {
        const [rows, cols] = matrixDims(shape);
        for (let r = 0; r < rows; r++) {
            const row = fixedProbabilityRow(generator, r, cols);
            for (let k = 0; k < row.columns.length; k++) writeElement(dtype, data, r * cols + row.columns[k], row.values[k]);
        }
        return;
    }
    if (generator.kind === 'one_to_one') {
        const [rows, cols] = matrixDims(shape);
        for (let d = 0; d < Math.min(rows, cols); d++) writeElement(dtype, data, d * cols + d, generator.value);
        return;
    }
    if (generator.kind === 'zeros') return;
    for (let i = 0; i < count; i++) writeElement(dtype, data, i, elementValue(generator, i));
}

/**
 * Element `index` (row-major) of an element-wise generator (`zeros`, `ones`, `constant`,
 * `uniform`, `normal`), as a double before conversion to the tensor's dtype. For the matrix
 * generators use `fixedProbabilityRow` or `materializeTensor`.
 */
export function elementValue(generator: ElementwiseGenerator, index: number): number {
    switch (generator.kind) {
        case 'zeros': return 0;
        case 'ones': return 1;
        case 'constant': return generator.value;
        case 'uniform': return generator.low + (generator.high - generator.low) * randomUnit(generator.seed, 0, index);
        case 'normal': return generator.mean + generator.std * randomNormal(generator.seed, 0, index);
    }
}

/**
 * The non-zero columns of row `row` of a `fixed_probability` matrix with `cols` columns and their
 * values (before dtype conversion). Costs O(non-zeros in the row); rows are independent.
 */
export function fixedProbabilityRow(
    generator: Extract<Generator, { kind: 'fixed_probability' }>,
    row: number,
    cols: number,
): SparseRow {
    const scratchColumns = new Int32Array(Math.max(0, cols));
    const scratchValues = new Float64Array(Math.max(0, cols));
    const n = fixedProbabilityRowInto(generator, row, cols, scratchColumns, scratchValues);
    return { columns: Array.from(scratchColumns.subarray(0, n)), values: Array.from(scratchValues.subarray(0, n)) };
}

/**
 * Writes the non-zeros of row `row` of a `fixed_probability` matrix into `columns` and `values`
 * (each at least `cols` long), columns ascending, and returns their number: `fixedProbabilityRow`
 * without allocating, for callers that generate many rows.
 */
export function fixedProbabilityRowInto(
    generator: Extract<Generator, { kind: 'fixed_probability' }>,
    row: number,
    cols: number,
    columns: Int32Array,
    values: Float64Array,
): number {
    const p = generator.p;
    if (!(p > 0) || cols <= 0) return 0;
    const logMiss = Math.log1p(-Math.min(p, 1));
    const unit = streamUnits(generator.seed, MASK_STREAM_BASE + row);
    const weight = generator.weight;
    const constant = weight.kind === 'constant' ? weight.value : weight.kind === 'ones' ? 1 : undefined;
    let column = -1;
    let n = 0;
    for (let k = 0; ; k++) {
        const skip = p >= 1 ? 0 : Math.floor(Math.log(1 - unit(k)) / logMiss);
        column += skip + 1;
        if (!(column < cols)) break;
        columns[n] = column;
        values[n++] = constant ?? weightValue(weight, row * cols + column);
    }
    return n;
}

function weightValue(weight: Generator, index: number): number {
    return weight.kind === 'fixed_probability' || weight.kind === 'one_to_one' ? 0 : elementValue(weight, index);
}

/** `[rows, cols]` of a 2-D shape (a missing dimension counts as 1). */
function matrixDims(shape: readonly number[]): [number, number] {
    return [shape[0] ?? 1, shape[1] ?? 1];
}

/**
 * The number of non-zero elements, without materialising: exact for dense tensors and for the
 * element-wise and `one_to_one` generators, the expected value (`rows·cols·p`) for
 * `fixed_probability`. Used by mappers to size synapse storage.
 */
export function tensorNonZeroCount(tensor: Tensor): number {
    if (tensor.source.kind === 'dense') return denseNonZeroCount(tensor.dtype, tensor.source.data);
    return generatorNonZeroCount(tensor.source.generator, tensor.shape);
}

function generatorNonZeroCount(generator: Generator, shape: readonly number[]): number {
    const count = elementCount(shape);
    switch (generator.kind) {
        case 'zeros': return 0;
        case 'ones': return count;
        case 'constant': return generator.value === 0 ? 0 : count;
        case 'uniform': return generator.low === 0 && generator.high === 0 ? 0 : count;
        case 'normal': return generator.mean === 0 && generator.std === 0 ? 0 : count;
        case 'one_to_one': {
            const [rows, cols] = matrixDims(shape);
            return generator.value === 0 ? 0 : Math.min(rows, cols);
        }
        case 'fixed_probability': {
            const weightDensity = count === 0 ? 0 : generatorNonZeroCount(generator.weight, shape) / count;
            return count * Math.min(Math.max(generator.p, 0), 1) * weightDensity;
        }
    }
}

function denseNonZeroCount(dtype: DType, data: TensorData): number {
    let n = 0;
    if (isBigIntDType(dtype)) {
        for (const v of data as BigInt64Array) if (v !== 0n) n++;
    } else {
        for (let i = 0; i < data.length; i++) if (readElement(dtype, data, i) !== 0) n++;
    }
    return n;
}
