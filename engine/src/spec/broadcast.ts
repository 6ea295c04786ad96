import type { DType, NirValue } from '../nir/value.js';
import type { Origin } from '../nir/origin.js';
import { elementCount } from '../nir/value.js';
import { allocateTensorData } from '../nir/dtype-codec.js';
import type { SpecContext } from './spec-context.js';
import type { NumberLiteral } from './number-literal.js';
import { literalToElement, storeElement } from './encode-elements.js';
import { denseTensor, generatedTensor, type Deferred } from './lowered.js';

/**
 * Scalars broadcast to a shape. They stay procedural (`constant` generators), so a scalar costs
 * nothing however large the shape; only 0-d values, and int64 constants beyond 2^53 that a
 * double cannot hold, are stored densely.
 */

/** Largest shape an int64 constant beyond 2^53 is expanded to (it cannot be a `constant` recipe). */
const MAX_DENSE_BROADCAST = 1 << 20;

/** The literal broadcast to `shape` as `dtype`; reports and returns undefined when it does not fit. */
export function broadcastLiteral(ctx: SpecContext, literal: NumberLiteral, dtype: DType, shape: readonly number[], origin: Origin): NirValue | undefined {
    const element = literalToElement(ctx, literal, dtype, origin);
    if (element === undefined) return undefined;
    const count = elementCount(shape);
    const exact = typeof element === 'number' || BigInt(Number(element)) === element;
    if (shape.length === 0 || !exact) {
        if (count > MAX_DENSE_BROADCAST) {
            ctx.report({ code: 'spec/huge-shape', message: `${element} needs all 64 bits, so it cannot be broadcast procedurally to ${count} elements; use at most ${MAX_DENSE_BROADCAST}.`, origin });
            return undefined;
        }
        const data = allocateTensorData(dtype, count);
        for (let i = 0; i < count; i++) storeElement(dtype, data, i, element);
        return denseTensor(dtype, shape, data, origin);
    }
    return generatedTensor(dtype, shape, { kind: 'constant', value: Number(element) }, origin);
}

/** A scalar waiting for the node's element shape; without one it is `spec/broadcast-shape-unknown`. */
export function deferredBroadcast(ctx: SpecContext, literal: NumberLiteral, dtype: DType, origin: Origin, isWeight: boolean): Deferred {
    return {
        kind: 'deferred',
        resolve: (shape, quiet) => {
            if (!shape) {
                if (!quiet) reportShapeUnknown(ctx, origin, isWeight, 'a single number');
                return undefined;
            }
            return broadcastLiteral(ctx, literal, dtype, shape, origin);
        },
    };
}

/** Reports that a value has no shape to take. */
export function reportShapeUnknown(ctx: SpecContext, origin: Origin, isWeight: boolean, what: string): void {
    const message = isWeight
        ? `A weight matrix needs an explicit shape: write {shape: [out, in], …} instead of ${what}.`
        : `Cannot tell what shape ${what} should broadcast to: give the node a shape (shape: [n]), give another parameter as a full array, or write {shape: [n], data: …}.`;
    ctx.report({ code: 'spec/broadcast-shape-unknown', message, origin });
}
