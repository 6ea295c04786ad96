import type { NirNode } from '../graph.js';
import type { NodeShapes } from '../../plugins/node-kind.js';
import { required, type NirNodeKind } from './nir-node-kind.js';
import { tensorParam } from './param-values.js';
import { elementwiseShapes } from './elementwise.js';

/** Weight nodes: instantaneous linear maps of what they receive. */

const WEIGHT_DOC = 'The weight matrix, PyTorch layout [..., N_out, N_in]; leading dimensions act as batch dimensions.';

/** Input `W.shape[:-2] + [N_in]`, output `W.shape[:-2] + [N_out]` for a weight of rank ≥ 2. */
export function matrixShapes(node: NirNode): NodeShapes {
    const weight = tensorParam(node, 'weight');
    if (!weight || weight.shape.length < 2) return {};
    const lead = weight.shape.slice(0, -2);
    const [out, inp] = weight.shape.slice(-2);
    return { input: [...lead, inp], output: [...lead, out] };
}

const MATRIX_RULE = 'For `weight` of shape [..., N_out, N_in]: input [..., N_in], output [..., N_out].';

/** `y = W·x + b`. */
export const AFFINE: NirNodeKind = {
    id: 'Affine',
    category: 'linear',
    summary: 'A dense linear map with a bias.',
    equation: 'y = W·x + b',
    params: [
        required('weight', 'tensor', WEIGHT_DOC),
        required('bias', 'tensor', 'The bias added to each output, shape [..., N_out] (a scalar broadcasts).'),
    ],
    stateful: false,
    spiking: false,
    shapeRule: MATRIX_RULE,
    shapes: matrixShapes,
};

/** `y = W·x`. */
export const LINEAR: NirNodeKind = {
    id: 'Linear',
    category: 'linear',
    summary: 'A dense linear map without bias.',
    equation: 'y = W·x',
    params: [required('weight', 'tensor', WEIGHT_DOC)],
    stateful: false,
    spiking: false,
    shapeRule: MATRIX_RULE,
    shapes: matrixShapes,
};

/** `y = s ⊙ x`. */
export const SCALE: NirNodeKind = {
    id: 'Scale',
    category: 'linear',
    summary: 'Multiplies each element of its input by its own factor.',
    equation: 'y = s ⊙ x',
    params: [required('scale', 'tensor', 'The factor s of each element.')],
    stateful: false,
    spiking: false,
    shapeRule: 'Input and output shape are the shape of `scale`.',
    shapes: (node) => elementwiseShapes(node, ['scale']),
};
