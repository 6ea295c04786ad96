import type { Group } from 'h5wasm';
import type { DType, Tensor, TensorData } from '../nir/value.js';
import type { Problem } from '../diagnostics/problem.js';
import { elementCount } from '../nir/value.js';
import { materializeTensor } from '../nir/materialize.js';
import type { Hdf5Library } from './h5-module.js';
import { markedDataset } from './native-dtypes.js';
import { problemAt } from './problems.js';
import { chunkShape } from './chunk-shape.js';
import { DTYPE_BYTES } from '../nir/dtype-codec.js';

/** What writing datasets needs: the library, where problems go, and the gzip level (none: uncompressed). */
export interface WriteSettings {
    readonly library: Hdf5Library;
    readonly problems: Problem[];
    readonly gzipLevel?: number;
}

/** h5wasm dtype strings per NIR dtype (bool and float16 are written through native-dtypes.ts). */
const H5_DTYPE: Readonly<Record<Exclude<DType, 'bool' | 'float16'>, string>> = {
    int8: '<b', int16: '<h', int32: '<i', int64: '<q',
    uint8: '<B', uint16: '<H', uint32: '<I', uint64: '<Q',
    float32: '<f', float64: '<d',
};

/** A scalar variable-length UTF-8 string dataset, as h5py writes a Python `str`. */
export function writeStringDataset(group: Group, name: string, value: string): void {
    group.create_dataset({ name, data: value, dtype: 'S' });
}

/**
 * A tensor as a dataset of its dtype: 0-d tensors as scalar datasets, non-empty arrays gzip-compressed
 * in chunks of at most 1 MiB shaped as h5py shapes them (as `nir.write` does, see chunk-shape.ts),
 * generators materialised first.
 */
export function writeTensorDataset(settings: WriteSettings, group: Group, name: string, tensor: Tensor): void {
    const materialized = materializeTensor(tensor);
    if (!materialized.data) {
        settings.problems.push(problemAt('hdf5/tensor-too-large', 'error', `${materialized.error}; it cannot be written to a .nir file.`, tensor.origin.path));
        return;
    }
    const shape = [...tensor.shape];
    const compress = settings.gzipLevel !== undefined && shape.length > 0 && elementCount(shape) > 0;
    group.create_dataset({
        name,
        ...storage(tensor.dtype, materialized.data),
        shape,
        ...(compress ? { chunks: chunkShape(shape, DTYPE_BYTES[tensor.dtype]), compression: 'gzip' as const, compression_opts: settings.gzipLevel } : {}),
    });
}

function storage(dtype: DType, data: TensorData): { data: TensorData | Map<string, TensorData>; dtype: string | [[string, string]] } {
    return markedDataset(dtype, data) ?? { data, dtype: H5_DTYPE[dtype as keyof typeof H5_DTYPE] };
}
