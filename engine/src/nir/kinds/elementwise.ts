import type { NirNode } from '../graph.js';
import type { NodeShapes } from '../../plugins/node-kind.js';
import { required, type NirNodeKind } from './nir-node-kind.js';
import { tensorParam } from './param-values.js';

/**
 * Element-wise nodes: their input and output shape is the shape of their per-element parameters.
 * Also used by the neuron models.
 */

/** The shape of the first of `names` that is a tensor parameter, as both input and output shape. */
export function elementwiseShapes(node: NirNode, names: readonly string[]): NodeShapes {
    for (const name of names) {
        const tensor = tensorParam(node, name);
        if (tensor) return { input: tensor.shape, output: tensor.shape };
    }
    return {};
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
