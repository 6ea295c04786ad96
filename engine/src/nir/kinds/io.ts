import type { NodeShapes, Shape } from '../../plugins/node-kind.js';
import { required, type NirNodeKind } from './nir-node-kind.js';
import { shapeValue } from './param-values.js';

/** `Input` and `Output`: the graph's ports. Their `shape` is both their input and output shape. */

function portShapes(shape: Shape | undefined): NodeShapes {
    return shape ? { input: shape, output: shape } : {};
}

/** An external signal enters the graph here; no computation. */
export const INPUT: NirNodeKind = {
    id: 'Input',
    category: 'io',
    summary: 'An external signal enters the graph here; it computes nothing.',
    params: [required('shape', 'shape', 'The shape of the signal entering the graph (no batch or time axis), e.g. [2, 34, 34].')],
    stateful: false,
    spiking: false,
    shapeRule: 'Input and output shape are `shape`. In a nested graph the Input node\'s name is the graph\'s input port.',
    shapes: (node) => portShapes(shapeValue(node.params.get('shape'))),
};

/** A graph output is read here; no computation. */
export const OUTPUT: NirNodeKind = {
    id: 'Output',
    category: 'io',
    summary: 'A graph output is read here; it computes nothing.',
    params: [required('shape', 'shape', 'The shape of the signal leaving the graph; every edge into the Output must carry it.')],
    stateful: false,
    spiking: false,
    shapeRule: 'Input and output shape are `shape` (the incoming shape when `shape` is missing). In a nested graph the Output node\'s name is the graph\'s output port.',
    shapes: (node, ctx) => portShapes(shapeValue(node.params.get('shape')) ?? (node.params.has('shape') ? undefined : ctx.inputShape)),
};
