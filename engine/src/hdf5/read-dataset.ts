import type { Dataset } from 'h5wasm';
import type { Origin } from '../nir/origin.js';
import type { DType, NirString, Tensor, TensorData } from '../nir/value.js';
import { elementCount } from '../nir/value.js';
import { DTYPE_BYTES, allocateTensorData } from '../nir/dtype-codec.js';
import type { Hdf5Library } from './h5-module.js';
import { undecodableFilter } from './filters.js';
import { MAX_DATASET_BYTES, MAX_DATASET_ELEMENTS } from './limits.js';
import { readFloat16Bits } from './native-dtypes.js';
import { hdf5ErrorSummary, type Hdf5Code } from './problems.js';

/** HDF5 type classes as h5wasm numbers them. */
const H5T = { integer: 0, float: 1, string: 3, enum: 8 } as const;

/** A problem found while reading one dataset (the caller adds the origin and severity). */
export interface DatasetProblem {
    readonly code: Hdf5Code;
    readonly message: string;
}

/** The value of a dataset, or why it could not be read. */
export type DatasetRead =
    | { readonly value: Tensor | NirString; readonly problem?: undefined }
    | { readonly value?: undefined; readonly problem: DatasetProblem };

/** Decoded bytes so far in one file, shared by all its datasets. */
export interface DecodeBudget {
    remainingBytes: number;
}

/**
 * Reads one dataset as a tensor (numbers, booleans) or a string, checking its type, declared
 * size and filters before any data is read. HDF5 failures (corrupt files) become `hdf5/bad-data`.
 */
export function readDatasetValue(library: Hdf5Library, dataset: Dataset, origin: Origin, budget: DecodeBudget): DatasetRead {
    try {
        return readUnguarded(library, dataset, origin, budget);
    } catch (error) {
        return fail('hdf5/bad-data', `${origin.path} cannot be read (corrupt file?): ${hdf5ErrorSummary(error)}.${largeChunkHint(dataset)}`);
    }
}

/** Chunks above this many bytes may not decompress beside the dataset in HDF5's WebAssembly memory. */
const LARGE_CHUNK_BYTES = 64 * 1024 * 1024;

/** Why a read of a dataset stored in huge chunks may have failed, or '' for ordinary chunks. */
function largeChunkHint(dataset: Dataset): string {
    try {
        const { chunks, size } = dataset.metadata;
        const chunkBytes = chunks ? chunks.reduce((a, b) => a * b, size) : 0;
        if (chunkBytes <= LARGE_CHUNK_BYTES) return '';
        return ` Its chunks hold ${Math.round(chunkBytes / 2 ** 20)} MiB each, more than the reader's 2 GiB of WebAssembly memory can decompress beside the data;` +
            ' re-save it with smaller chunks (h5py\'s default, chunks=True, or nirmesh convert).';
    } catch {
        return '';
    }
}

function readUnguarded(library: Hdf5Library, dataset: Dataset, origin: Origin, budget: DecodeBudget): DatasetRead {
    const meta = dataset.metadata;
    const shape = dataset.shape;
    if (shape === null) return fail('hdf5/unsupported-dtype', `${origin.path} has an empty (null) dataspace, which NIR never writes.`);
    if (meta.type === H5T.string) {
        if (shape.length !== 0) return fail('hdf5/unsupported-dtype', `${origin.path} is an array of strings; NIR stores arrays of strings only as edges.`);
        const value = dataset.value;
        if (typeof value !== 'string') return fail('hdf5/bad-data', `${origin.path}: the string could not be decoded.`);
        return { value: { kind: 'string', value, origin } };
    }
    const stored = storedDType(meta);
    if (typeof stored !== 'string') return { problem: { code: 'hdf5/unsupported-dtype', message: `${origin.path}: ${stored.reason}` } };
    const count = elementCount(shape);
    const bytes = count * DTYPE_BYTES[stored];
    if (!(count <= MAX_DATASET_ELEMENTS && bytes <= MAX_DATASET_BYTES)) {
        return fail('hdf5/dataset-too-large', `${origin.path} declares shape [${shape.join(', ')}] (${count} elements), more than the ${MAX_DATASET_ELEMENTS} elements (${MAX_DATASET_BYTES / 2 ** 20} MiB) a dataset may hold.`);
    }
    if (bytes > budget.remainingBytes) {
        return fail('hdf5/dataset-too-large', `${origin.path}: reading it would take the file's datasets past the limit on decoded data; the file is too large to read.`);
    }
    const filterProblem = undecodableFilter(dataset.filters, origin.path, library.pluginFilters);
    if (filterProblem) return fail('hdf5/unsupported-filter', filterProblem);
    budget.remainingBytes -= bytes;
    const data = stored === 'float16' ? readFloat16Bits(library, dataset, count) : toTensorData(dataset.value, stored, count);
    if (!data) return fail('hdf5/bad-data', `${origin.path}: its ${count} elements could not be decoded.`);
    return { value: { kind: 'tensor', dtype: stored, shape: [...shape], source: { kind: 'dense', data }, origin } };
}

function fail(code: Hdf5Code, message: string): DatasetRead {
    return { problem: { code, message } };
}

interface TypeMeta {
    readonly type: number;
    readonly size: number;
    readonly signed: boolean;
    readonly littleEndian: boolean;
    readonly enum_type?: { readonly members?: Readonly<Record<string, number>> };
}

const SIGNED: Readonly<Record<number, DType>> = { 1: 'int8', 2: 'int16', 4: 'int32', 8: 'int64' };
const UNSIGNED: Readonly<Record<number, DType>> = { 1: 'uint8', 2: 'uint16', 4: 'uint32', 8: 'uint64' };
const FLOATS: Readonly<Record<number, DType>> = { 2: 'float16', 4: 'float32', 8: 'float64' };

/** The NIR dtype of a stored HDF5 type, or why it has none. */
function storedDType(meta: TypeMeta): DType | { reason: string } {
    if (!meta.littleEndian && meta.size > 1) return { reason: 'big-endian numbers are not supported; store them little-endian.' };
    if (meta.type === H5T.enum) {
        const members = meta.enum_type?.members ?? {};
        const names = Object.keys(members).sort().join(',');
        if (meta.size === 1 && names === 'FALSE,TRUE' && members.FALSE === 0 && members.TRUE === 1) return 'bool';
    }
    if (meta.type === H5T.integer || meta.type === H5T.enum) {
        const dtype = (meta.signed ? SIGNED : UNSIGNED)[meta.size];
        if (dtype) return dtype;
    }
    if (meta.type === H5T.float && FLOATS[meta.size]) return FLOATS[meta.size];
    return { reason: `HDF5 type class ${meta.type} of ${meta.size} bytes is not a NIR number type (integers, floats and the boolean enum are).` };
}

function toTensorData(value: unknown, dtype: DType, count: number): TensorData | undefined {
    const data = allocateTensorData(dtype, count);
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
        if (count !== 1) return undefined;
        setElement(data, 0, value);
        return data;
    }
    if (!ArrayBuffer.isView(value)) return undefined;
    const array = value as unknown as ArrayLike<number | bigint>;
    if (array.length !== count) return undefined;
    if (value.constructor === data.constructor) return value as unknown as TensorData;
    for (let i = 0; i < count; i++) setElement(data, i, array[i]);
    return data;
}

function setElement(data: TensorData, i: number, value: number | bigint | boolean): void {
    if (data instanceof BigInt64Array || data instanceof BigUint64Array) data[i] = BigInt(value);
    else (data as Float64Array)[i] = Number(value);
}
