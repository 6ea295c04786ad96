import type { NirNode } from '../graph.js';
import type { NodeShapes, Shape } from '../../plugins/node-kind.js';
import { required, sameShape, type NirNodeKind } from './nir-node-kind.js';
import { tensorParam } from './param-values.js';

/**
 * Element-wise nodes: their input and output shape is the shape of their per-element parameters.
 * Also used by the neuron models.
 */

/**
 * The shape most of the tensor parameters among `names` share (ties go to the earliest in `names`),
 * as both input and output shape. With one name, simply that parameter's shape.
 */
export function elementwiseShapes(node: NirNode, names: readonly string[]): NodeShapes {
    const shapes = names.flatMap((name): Shape[] => {
        const tensor = tensorParam(node, name);
        return tensor ? [tensor.shape] : [];
    });
    const count = (shape: Shape) => shapes.filter((s) => sameShape(s, shape)).length;
    let best: Shape | undefined;
    for (const shape of shapes) if (!best || count(shape) > count(best)) best = shape;
    return best ? { input: best, output: best } : {};
}

/** `y(t) = x(t − τ)` per element. */
export const DELAY: NirNodeKind = {
    id: 'Delay',
    category: 'other',
    summary: 'Delays each element of its input by its own time.',
    equation: 'y(t) = x(t − τ), τ = delay per element',
    params: [required('delay', 'tensor', 'The delay of each element.', { unit: 'ms' })],
    stateful: true,
    spiking: false,
    shapeRule: 'Input and output shape are the shape of `delay`.',
    shapes: (node) => elementwiseShapes(node, ['delay']),
};

/** `z = H(x − θ)`: 1 where the input exceeds the threshold. */
export const THRESHOLD: NirNodeKind = {
    id: 'Threshold',
    category: 'other',
    summary: 'Outputs 1 where the input exceeds the threshold and 0 elsewhere (a stateless spike).',
    equation: 'z = H(x − θ), i.e. 1 if x > θ else 0',
    params: [required('threshold', 'tensor', 'The threshold θ of each element.', { unit: 'mV' })],
    stateful: false,
    spiking: true,
    shapeRule: 'Input and output shape are the shape of `threshold`.',
    shapes: (node) => elementwiseShapes(node, ['threshold']),
};
