import type { Node as YamlNode } from 'yaml';
import type { DType, Generator, NirValue, Tensor, TensorData } from '../nir/value.js';
import type { Origin } from '../nir/origin.js';

/** Where a value sits in the spec: its NIR tree path, its key and its value node (aliases resolved). */
export interface ValueSite {
    readonly path: string;
    readonly key?: YamlNode;
    readonly node?: YamlNode;
}

/**
 * A value whose element shape is not known yet: a scalar or a generator without `shape` that
 * broadcasts to the node's element shape, which is settled only after all parameters are read.
 */
export interface Deferred {
    readonly kind: 'deferred';
    /**
     * Finishes the value for the node's element shape. Without a shape it reports
     * `spec/broadcast-shape-unknown`, unless `quiet` (another parameter of the node already failed,
     * and may have been the one that would have given the shape, or already reported it).
     */
    resolve(shape: readonly number[] | undefined, quiet?: boolean): NirValue | undefined;
}

/** A lowered parameter: a value, a value waiting for its element shape, or nothing (reported). */
export type Lowered = NirValue | Deferred | undefined;

/** How a parameter's values are read: the dtype bare numbers get, and whether a scalar broadcasts. */
export interface ValueDefaults {
    /** `float32` for tensor parameters, `int64` for the integer kinds, `float64` in metadata. */
    readonly dtype: DType;
    /** True when a scalar or a generator without `shape` takes the node's element shape. */
    readonly perElement: boolean;
}

/** A dense tensor. */
export function denseTensor(dtype: DType, shape: readonly number[], data: TensorData, origin: Origin): Tensor {
    return { kind: 'tensor', dtype, shape, source: { kind: 'dense', data }, origin };
}

/** A procedural tensor. */
export function generatedTensor(dtype: DType, shape: readonly number[], generator: Generator, origin: Origin): Tensor {
    return { kind: 'tensor', dtype, shape, source: { kind: 'generated', generator }, origin };
}

/** True when a lowered value still waits for its element shape. */
export function isDeferred(value: Lowered): value is Deferred {
    return value !== undefined && value.kind === 'deferred';
}
