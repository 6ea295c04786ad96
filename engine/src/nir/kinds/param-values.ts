import type { NirNode } from '../graph.js';
import type { NirValue, Tensor } from '../value.js';
import { elementCount } from '../value.js';
import { readElementAsNumber } from '../dtype-codec.js';

/**
 * Reading the few parameter values that shapes depend on (a shape vector, a stride pair, `groups`).
 * Only small tensors are read (at most `MAX_SMALL_VALUES` elements); large and random tensors are
 * never touched, so a declared shape of 10^12 elements costs nothing.
 */

/** The most elements read from a parameter whose numbers matter for shapes. */
export const MAX_SMALL_VALUES = 64;

/** A parameter's value when it is a tensor; undefined when absent, a string or a group. */
export function tensorParam(node: NirNode, name: string): Tensor | undefined {
    const value = node.params.get(name);
    return value?.kind === 'tensor' ? value : undefined;
}

/**
 * The elements of a small tensor as numbers: dense data, or the constant of a `zeros`, `ones` or
 * `constant` generator repeated. Undefined for anything larger than `maxLength`, random generators,
 * strings and groups.
 */
export function smallNumbers(value: NirValue | undefined, maxLength = MAX_SMALL_VALUES): number[] | undefined {
    if (value?.kind !== 'tensor') return undefined;
    const n = elementCount(value.shape);
    if (!(n <= maxLength)) return undefined;
    const source = value.source;
    if (source.kind === 'dense') {
        if (source.data.length < n) return undefined;
        return Array.from({ length: n }, (_, i) => readElementAsNumber(value.dtype, source.data, i));
    }
    const g = source.generator;
    const constant = g.kind === 'zeros' ? 0 : g.kind === 'ones' ? 1 : g.kind === 'constant' ? g.value : undefined;
    return constant === undefined ? undefined : Array.from({ length: n }, () => constant);
}

/** The elements of a small tensor when every one is a safe integer; otherwise undefined. */
export function smallInts(value: NirValue | undefined, maxLength = MAX_SMALL_VALUES): number[] | undefined {
    const numbers = smallNumbers(value, maxLength);
    return numbers?.every((x) => Number.isSafeInteger(x)) ? numbers : undefined;
}

/** An integer parameter given as a 0-d (or one-element) tensor. */
export function intScalar(value: NirValue | undefined): number | undefined {
    const ints = smallInts(value, 1);
    return ints?.length === 1 ? ints[0] : undefined;
}

/**
 * A per-axis integer parameter (stride, dilation, kernel size) for `axes` spatial axes: a scalar
 * (0-d or one element) repeated, or exactly `axes` elements. Undefined when it is neither.
 */
export function perAxisInts(value: NirValue | undefined, axes: number): number[] | undefined {
    const ints = smallInts(value, Math.max(axes, 1));
    if (!ints) return undefined;
    if (ints.length === 1) return Array.from({ length: axes }, () => ints[0]);
    return ints.length === axes ? ints : undefined;
}

/** Convolution padding: per-axis amounts, or PyTorch's `same` (output size = input size). */
export type Padding = readonly number[] | 'same';

/** Reads `padding` for `axes` axes: a string `same`/`valid` (`valid` is zero padding) or integers. */
export function readPadding(value: NirValue | undefined, axes: number): Padding | undefined {
    if (value?.kind === 'string') {
        if (value.value === 'same') return 'same';
        return value.value === 'valid' ? Array.from({ length: axes }, () => 0) : undefined;
    }
    return perAxisInts(value, axes);
}

/** A 1-D shape parameter (`Input.shape`, Flatten `input_type`) with non-negative integer entries. */
export function shapeValue(value: NirValue | undefined): number[] | undefined {
    if (value?.kind !== 'tensor' || value.shape.length !== 1) return undefined;
    const dims = smallInts(value);
    return dims?.every((d) => d >= 0) ? dims : undefined;
}
