import type { Origin } from './origin.js';

/** The element types NIR files use (numpy names). `bool` is h5py's enum(int8){FALSE,TRUE}. */
export type DType =
    | 'bool'
    | 'int8' | 'int16' | 'int32' | 'int64'
    | 'uint8' | 'uint16' | 'uint32' | 'uint64'
    | 'float16' | 'float32' | 'float64';

/** Every dtype, in a stable order (for completion, schemas and messages). */
export const DTYPES: readonly DType[] = [
    'bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float16', 'float32', 'float64',
];

/**
 * The typed array that holds a dense tensor's elements, row-major.
 * int64/uint64 use BigInt arrays so values survive bit for bit; float16 is stored as raw Uint16 bits.
 */
export type TensorData =
    | Float64Array | Float32Array
    | Int8Array | Int16Array | Int32Array | BigInt64Array
    | Uint8Array | Uint16Array | Uint32Array | BigUint64Array;

/**
 * A seeded, procedural description of a tensor's contents: kept as a recipe through checking and
 * mapping (so a 10^9-element weight matrix costs nothing), materialised only where a simulation or
 * an HDF5 writer needs the numbers. Materialisation is deterministic for a given recipe.
 */
export type Generator =
    | { readonly kind: 'zeros' }
    | { readonly kind: 'ones' }
    | { readonly kind: 'constant'; readonly value: number }
    | { readonly kind: 'uniform'; readonly low: number; readonly high: number; readonly seed: number }
    | { readonly kind: 'normal'; readonly mean: number; readonly std: number; readonly seed: number }
    /** A 2-D `[out, in]` weight matrix: each entry non-zero with probability `p`, its value drawn from `weight`. */
    | { readonly kind: 'fixed_probability'; readonly p: number; readonly weight: Generator; readonly seed: number }
    /** A 2-D square weight matrix with `value` on the diagonal and zeros elsewhere. */
    | { readonly kind: 'one_to_one'; readonly value: number };

/** Where a tensor's numbers are. */
export type TensorSource =
    | { readonly kind: 'dense'; readonly data: TensorData }
    | { readonly kind: 'generated'; readonly generator: Generator };

/** An n-dimensional array value (scalars are 0-d tensors with `shape: []`). */
export interface Tensor {
    readonly kind: 'tensor';
    readonly dtype: DType;
    readonly shape: readonly number[];
    readonly source: TensorSource;
    readonly origin: Origin;
}

/** A string value (variable-length UTF-8 in HDF5), such as Conv2d `padding: same`. */
export interface NirString {
    readonly kind: 'string';
    readonly value: string;
    readonly origin: Origin;
}

/** A nested mapping (an HDF5 group), used for metadata. Entry order is kept as written. */
export interface NirDict {
    readonly kind: 'dict';
    readonly entries: ReadonlyMap<string, NirValue>;
    readonly origin: Origin;
}

/** Any value a NIR node parameter or metadata entry can hold. */
export type NirValue = Tensor | NirString | NirDict;

/** The number of elements of a shape (1 for a scalar). Returns a float; callers guard huge shapes. */
export function elementCount(shape: readonly number[]): number {
    let n = 1;
    for (const d of shape) n *= d;
    return n;
}

/** True for the integer dtypes (including bool, stored as int8). */
export function isIntegerDType(dtype: DType): boolean {
    return !dtype.startsWith('float');
}
