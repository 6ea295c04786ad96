import type { NirNode } from '../graph.js';
import type { NodeShapes, ParamSpec, Shape, ShapeRuleContext } from '../../plugins/node-kind.js';
import { formatShape, optional, required, type NirNodeKind } from './nir-node-kind.js';
import { perAxisInts } from './param-values.js';
import { convGeometry, convOutputSize, type ConvRule } from './conv-geometry.js';
import { nodeNameOrigin } from './origins.js';

/** Conv1d and Conv2d: PyTorch cross-correlations with stride, padding, dilation and groups. */

/** A report function that drops problems (for computing what the reference reader would infer). */
const IGNORE = (): void => undefined;

/**
 * The shapes of a convolution with `axes` spatial axes under `rule`. The spatial input size comes
 * from `input_shape`, else from the incoming shape's trailing axes.
 */
export function convShapes(node: NirNode, axes: number, inputShape: Shape | undefined, rule: ConvRule, report: ShapeRuleContext['report'] = IGNORE): NodeShapes {
    const geometry = convGeometry(node, axes, rule);
    if (!geometry) return {};
    const spatial = spatialInput(node, axes, inputShape, report);
    if (!spatial) return {};
    const input = [geometry.inChannels, ...spatial];
    const size = convOutputSize(geometry, spatial);
    if (!size) return { input };
    if (size.some((n) => n < 1)) {
        report({
            code: 'nir/empty-output',
            severity: 'error',
            message: `${node.type} '${node.name}' has no output: its kernel ${formatShape(geometry.kernel)} is larger than its padded input ${formatShape(input)} (output size ${formatShape(size)}).`,
            origin: nodeNameOrigin(node),
        });
        return { input };
    }
    return { input, output: [geometry.outChannels, ...size] };
}

function spatialInput(node: NirNode, axes: number, inputShape: Shape | undefined, report: ShapeRuleContext['report']): Shape | undefined {
    const stored = node.params.get('input_shape');
    const fromParam = stored && perAxisInts(stored, axes);
    if (fromParam && fromParam.every((n) => n >= 0)) return fromParam;
    if (!inputShape) return undefined;
    if (inputShape.length === axes + 1) return inputShape.slice(1);
    report({
        code: 'nir/input-rank',
        severity: 'error',
        message: `${node.type} '${node.name}' takes a ${axes + 1}-D input [channels, ${axes === 1 ? 'length' : 'height, width'}] but receives ${formatShape(inputShape)}.`,
        origin: nodeNameOrigin(node),
    });
    return undefined;
}

/** The parameters both convolutions share; `axes` decides the kinds and wording of the per-axis ones. */
function convParams(axes: 1 | 2): ParamSpec[] {
    const perAxis = axes === 1 ? 'int' : 'int-or-pair';
    const pair = axes === 2 ? ' (an int or a pair [h, w])' : '';
    const weightLayout = axes === 1 ? '[C_out, C_in/groups, K]' : '[C_out, C_in/groups, K_h, K_w]';
    return [
        required('weight', 'tensor', `The kernels, ${weightLayout}.`),
        required('bias', 'tensor', 'The bias of each output channel, [C_out].'),
        required('stride', perAxis, `The step between kernel positions${pair}.`),
        required('padding', 'padding', `Zeros added on each side${pair}, or same (output size = input size) or valid (no padding).`),
        required('dilation', perAxis, `The spacing between kernel elements${pair}.`),
        required('groups', 'int', 'The number of channel groups; C_in and C_out must both be multiples of it.'),
        optional('input_shape', axes === 1 ? 'int' : 'shape', axes === 1
            ? 'The input length L; inferred from the incoming edge when absent.'
            : 'The input size [H, W]; inferred from the incoming edge when absent.', { legacy: true }),
    ];
}

/** PyTorch `conv1d` on `[C_in, L]`. */
export const CONV1D: NirNodeKind = {
    id: 'Conv1d',
    category: 'conv',
    summary: 'A 1-D convolution (PyTorch conv1d, cross-correlation) over [channels, length].',
    equation: 'y[o, l] = b[o] + Σ_{i,k} W[o, i, k] · x[i, s·l + d·k − p]',
    params: convParams(1),
    stateful: false,
    spiking: false,
    shapeRule: 'Input [weight.shape[1]·groups, L] with L from `input_shape` or the incoming edge; output [C_out, L_out] with L_out = ⌊(L + 2p − d(K − 1) − 1)/s + 1⌋ (L for padding same).',
    shapes: (node, ctx) => convShapes(node, 1, ctx.inputShape, 'correct', ctx.report),
};

/** PyTorch `conv2d` on `[C_in, H, W]`. */
export const CONV2D: NirNodeKind = {
    id: 'Conv2d',
    category: 'conv',
    summary: 'A 2-D convolution (PyTorch conv2d, cross-correlation) over [channels, height, width].',
    equation: 'y[o, i, j] = b[o] + Σ_{c,m,n} W[o, c, m, n] · x[c, s_h·i + d_h·m − p_h, s_w·j + d_w·n − p_w]',
    params: convParams(2),
    stateful: false,
    spiking: false,
    shapeRule: 'Input [weight.shape[1]·groups, H, W] with [H, W] from `input_shape` or the incoming edge; output [C_out, H_out, W_out], each axis by the Conv1d formula with its own kernel size (K_h for H, K_w for W).',
    shapes: (node, ctx) => convShapes(node, 2, ctx.inputShape, 'correct', ctx.report),
};
