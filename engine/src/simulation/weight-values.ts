import type { Generator, Tensor } from '../nir/value.js';
import { elementCount } from '../nir/value.js';
import { elementValue, type ElementwiseGenerator } from '../nir/materialize.js';
import { numericView } from '../machine/tensor-values.js';
import { quantisationError, quantiseWeight } from '../machine/quantisation.js';

/** Element `i` (row-major) of a tensor as the run uses it. */
export type ValueAt = (i: number) => number;

/** How weights are stored: as written (`exact`), or rounded to `levels` steps per layer as the machine stores them. */
export interface WeightStorage {
    /** Magnitude steps per sign; absent for exact weights. */
    readonly levels?: number;
}

/**
 * Element `i` of a dense tensor or of an element-wise generator, or undefined for the matrix
 * generators (`fixed_probability`, `one_to_one`), which the chain ops read row by row. Under
 * hardware storage every value is rounded as the weight-quantisation check measures it: one
 * step is the layer's largest |w| (the generator's expected largest draw) over `levels`.
 */
export function valueReader(tensor: Tensor, storage: WeightStorage): ValueAt | undefined {
    const raw = rawReader(tensor);
    if (!raw) return undefined;
    return quantised(tensor, raw, storage);
}

/** Wraps a reader of a layer's values with the layer's quantisation (identity for exact storage). */
export function quantised(tensor: Tensor, read: ValueAt, storage: WeightStorage): ValueAt {
    const levels = storage.levels;
    if (levels === undefined) return read;
    const step = quantisationError(tensor, levels)?.step;
    if (step === undefined || !(step > 0)) return read;
    return (i) => quantiseWeight(read(i), step, levels);
}

function rawReader(tensor: Tensor): ValueAt | undefined {
    if (tensor.source.kind === 'dense') {
        const values = numericView(tensor);
        return values ? (i) => values[i] : undefined;
    }
    const g = tensor.source.generator;
    if (!isElementwise(g)) return undefined;
    return (i) => elementValue(g, i);
}

function isElementwise(g: Generator): g is ElementwiseGenerator {
    return g.kind !== 'fixed_probability' && g.kind !== 'one_to_one';
}

/**
 * A per-neuron parameter as `size` numbers: a scalar (or constant generator) broadcast, a tensor
 * of exactly `size` elements read in order, `fallback` when the tensor is missing. Returns
 * undefined when the element count fits neither.
 */
export function perNeuron(tensor: Tensor | undefined, size: number, fallback: number): Float64Array | undefined {
    const out = new Float64Array(size);
    if (!tensor) return out.fill(fallback);
    const read = rawReader(tensor);
    const n = elementCount(tensor.shape);
    if (!read) return undefined;
    if (n === 1) return out.fill(read(0));
    if (n !== size) return undefined;
    for (let i = 0; i < size; i++) out[i] = read(i);
    return out;
}
