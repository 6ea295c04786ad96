import type { NirNode } from '../graph.js';
import type { NodeShapes, ShapeRuleContext } from '../../plugins/node-kind.js';
import { formatShape, required, type NirNodeKind } from './nir-node-kind.js';
import { perAxisInts } from './param-values.js';
import { convAxis } from './conv-geometry.js';
import { nodeNameOrigin } from './origins.js';

/** SumPool2d and AvgPool2d: their shapes exist only in a graph, from the incoming shape. */

/** Output `[C, ⌊(H + 2p_h − k_h)/s_h + 1⌋, ⌊(W + 2p_w − k_w)/s_w + 1⌋]` for an incoming `[C, H, W]`. */
export function poolShapes(node: NirNode, ctx: ShapeRuleContext): NodeShapes {
    const input = ctx.inputShape;
    if (!input) return {};
    if (input.length !== 3) {
        ctx.report({
            code: 'nir/input-rank',
            severity: 'error',
            message: `${node.type} '${node.name}' takes a 3-D input [channels, height, width] but receives ${formatShape(input)}.`,
            origin: nodeNameOrigin(node),
        });
        return {};
    }
    const kernel = perAxisInts(node.params.get('kernel_size'), 2);
    const stride = perAxisInts(node.params.get('stride'), 2);
    const padding = perAxisInts(node.params.get('padding'), 2);
    if (!kernel || !stride || !padding || kernel.some((k) => k < 1) || stride.some((s) => s < 1) || padding.some((p) => p < 0)) return { input };
    const size = [0, 1].map((i) => convAxis(input[i + 1], kernel[i], stride[i], padding[i], 1));
    if (size.some((n) => n < 1)) {
        ctx.report({
            code: 'nir/empty-output',
            severity: 'error',
            message: `${node.type} '${node.name}' has no output: its kernel ${formatShape(kernel)} is larger than its padded input ${formatShape(input)} (output size ${formatShape(size)}).`,
            origin: nodeNameOrigin(node),
        });
        return { input };
    }
    return { input, output: [input[0], ...size] };
}

const POOL_PARAMS = [
    required('kernel_size', 'int-or-pair', 'The window size [k_h, k_w].'),
    required('stride', 'int-or-pair', 'The step between windows [s_h, s_w].'),
    required('padding', 'int-or-pair', 'Zeros added on each side [p_h, p_w].'),
];

const POOL_RULE = 'Input: whatever arrives, [C, H, W]. Output [C, ⌊(H + 2p_h − k_h)/s_h + 1⌋, ⌊(W + 2p_w − k_w)/s_w + 1⌋].';

/** Sums each window. */
export const SUM_POOL_2D: NirNodeKind = {
    id: 'SumPool2d',
    category: 'pool',
    summary: 'Sums each k_h × k_w window of each channel.',
    equation: 'y[c, i, j] = Σ_{m<k_h, n<k_w} x[c, s_h·i + m − p_h, s_w·j + n − p_w]',
    params: POOL_PARAMS,
    stateful: false,
    spiking: false,
    shapeRule: POOL_RULE,
    shapes: poolShapes,
};

/** Averages each window (padded zeros count, as PyTorch's default). */
export const AVG_POOL_2D: NirNodeKind = {
    id: 'AvgPool2d',
    category: 'pool',
    summary: 'Averages each k_h × k_w window of each channel (SumPool2d scaled by 1/(k_h·k_w)).',
    equation: 'y[c, i, j] = (1/(k_h·k_w)) · Σ_{m<k_h, n<k_w} x[c, s_h·i + m − p_h, s_w·j + n − p_w]',
    params: POOL_PARAMS,
    stateful: false,
    spiking: false,
    shapeRule: POOL_RULE,
    shapes: poolShapes,
};
