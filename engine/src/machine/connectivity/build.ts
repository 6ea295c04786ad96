import type { Generator, Tensor } from '../../nir/value.js';
import type { NirNode } from '../../nir/graph.js';
import type { Shape } from '../../plugins/node-kind.js';
import type { ChainOp } from '../machine-graph.js';
import type { Connectivity } from './types.js';
import { noSynapses } from './types.js';
import { elementCount } from '../../nir/value.js';
import { asTensor, denseReader, numericView, numbersOf } from '../tensor-values.js';
import { allToAll, fixedProbability } from './all-to-all.js';
import { oneToOne } from './one-to-one.js';
import { explicitMatrix } from './explicit-matrix.js';
import { blockDiagonal } from './block-diagonal.js';
import { convolution, pooling, throughPooling } from './windowed.js';
import { convWindow, gridOf, poolWindow, slide } from './window-params.js';
import type { Grid } from './grid-geometry.js';

/** The two ends of a projection as the builder needs them. */
export interface Ends {
    readonly preSize: number;
    readonly preShape: Shape;
    readonly postSize: number;
}

/**
 * The cost model of the synapses a chain of nodes makes between two populations: the first
 * weight node decides (Affine/Linear: a matrix; Scale: one-to-one; Conv: a kernel), pooling
 * before it widens it, and a chain without weights is one-to-one (index maps) or pooling.
 */
export function connectivityOf(ends: Ends, ops: readonly ChainOp[]): Connectivity {
    const weightAt = ops.findIndex((op) => op.role === 'weight');
    const poolOp = ops.find((op, i) => op.role === 'pool' && (weightAt < 0 || i < weightAt));
    if (weightAt < 0) {
        if (!poolOp) return oneToOne(Math.min(ends.preSize, ends.postSize));
        const input = gridOf(poolOp.node.inputShape) ?? gridOf(ends.preShape) ?? { channels: 1, height: 1, width: ends.preSize };
        const w = poolWindow(poolOp.node.node);
        return pooling(input, slide(input, w, input.channels), w);
    }
    const weight = ops[weightAt].node;
    const node = weight.node;
    if (node.type === 'Scale') return scaleConnectivity(asTensor(node.params.get('scale')), ends.postSize);
    const tensor = asTensor(node.params.get('weight'));
    if (!tensor) return noSynapses(ends.preSize, ends.postSize);
    const poolShape = poolOp ? poolWindow(poolOp.node.node) : undefined;
    const poolWindowSize = poolShape ? poolShape.kh * poolShape.kw : 1;
    if (node.type === 'Conv1d' || node.type === 'Conv2d') {
        const input = convInput(node, weight.inputShape, tensor.shape) ?? { channels: tensor.shape[1] ?? 1, height: 1, width: 1 };
        const w = convWindow(node, tensor.shape);
        const output = gridOf(weight.outputShape) ?? slide(input, w, tensor.shape[0] ?? 1);
        return convolution(input, output, w, elementCount(tensor.shape), kernelNonZeros(tensor), poolWindowSize);
    }
    const inner = matrixConnectivity(tensor);
    return poolOp ? throughPooling(inner, ends.preSize, poolWindowSize) : inner;
}

/** A `[..., out, in]` weight matrix: explicit numbers, or a generator's structure (block diagonal over leading dimensions). */
function matrixConnectivity(tensor: Tensor): Connectivity {
    const shape = tensor.shape;
    const out = shape[shape.length - 2] ?? 1;
    const inputs = shape[shape.length - 1] ?? 1;
    const groups = elementCount(shape.slice(0, -2));
    if (tensor.source.kind === 'dense') {
        const values = numericView(tensor);
        return values ? explicitMatrix(values, groups, out, inputs) : noSynapses(groups * inputs, groups * out);
    }
    return blockDiagonal(groups, generatedBlock(tensor.source.generator, out, inputs));
}

/** One `out × in` block of a generated weight matrix. */
function generatedBlock(g: Generator, out: number, inputs: number): Connectivity {
    switch (g.kind) {
        case 'zeros': return noSynapses(inputs, out);
        case 'constant': return g.value === 0 ? noSynapses(inputs, out) : allToAll(inputs, out);
        case 'one_to_one': return g.value === 0 ? noSynapses(inputs, out) : oneToOne(Math.min(inputs, out));
        case 'fixed_probability':
            if (g.p <= 0) return noSynapses(inputs, out);
            return g.p >= 1 ? allToAll(inputs, out) : fixedProbability(inputs, out, g.p);
        default: return allToAll(inputs, out);
    }
}

/** Scale multiplies neuron i by s[i]: one synapse per non-zero entry. */
function scaleConnectivity(scale: Tensor | undefined, size: number): Connectivity {
    if (!scale) return oneToOne(size);
    if (scale.source.kind === 'generated') {
        const g = scale.source.generator;
        return g.kind === 'zeros' || (g.kind === 'constant' && g.value === 0) ? noSynapses(size, size) : oneToOne(size);
    }
    const read = denseReader(scale);
    const n = Math.min(size, elementCount(scale.shape));
    return read ? oneToOne(n, (i) => read(i) !== 0) : oneToOne(n);
}

/** The non-zero weights of each output channel of a convolution kernel `[C_out, …]`. */
function kernelNonZeros(tensor: Tensor): number[] {
    const channels = tensor.shape[0] ?? 1;
    const perChannel = channels > 0 ? elementCount(tensor.shape) / channels : 0;
    if (tensor.source.kind === 'generated') {
        const g = tensor.source.generator;
        const zero = g.kind === 'zeros' || (g.kind === 'constant' && g.value === 0);
        return Array.from({ length: channels }, () => (zero ? 0 : perChannel));
    }
    const values = numericView(tensor);
    return Array.from({ length: channels }, (_, c) => {
        let n = 0;
        for (let i = c * perChannel; i < (c + 1) * perChannel; i++) if (!values || values[i] !== 0) n++;
        return n;
    });
}

/** A convolution's input grid: the inferred input shape, else `input_shape` with the kernel's channels. */
function convInput(node: NirNode, inferred: Shape | undefined, weightShape: Shape): Grid | undefined {
    const fromAnalysis = gridOf(inferred);
    if (fromAnalysis) return fromAnalysis;
    const spatial = numbersOf(node.params.get('input_shape'), 2);
    if (!spatial) return undefined;
    const groups = numbersOf(node.params.get('groups'), 1)?.[0] ?? 1;
    return gridOf([(weightShape[1] ?? 1) * groups, ...spatial]);
}
