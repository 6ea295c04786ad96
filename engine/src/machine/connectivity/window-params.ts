import type { NirNode } from '../../nir/graph.js';
import type { Shape } from '../../plugins/node-kind.js';
import { numbersOf } from '../tensor-values.js';
import { slidOutput, type Grid, type Window } from './grid-geometry.js';

/** An int-or-pair parameter (`stride: 2` or `[2, 1]`) as a pair; `fallback` when missing or malformed. */
export function pairParam(node: NirNode, name: string, fallback: number): [number, number] {
    const values = numbersOf(node.params.get(name), 2);
    if (!values || values.length === 0) return [fallback, fallback];
    return values.length === 1 ? [values[0], values[0]] : [values[0], values[1]];
}

/** The padding pair: a number or pair, `valid` (0) or `same` (half the dilated kernel, PyTorch's rule). */
function paddingPair(node: NirNode, kernel: [number, number], dilation: [number, number]): [number, number] {
    const value = node.params.get('padding');
    if (value?.kind === 'string') {
        if (value.value === 'same') return [Math.floor((dilation[0] * (kernel[0] - 1)) / 2), Math.floor((dilation[1] * (kernel[1] - 1)) / 2)];
        return [0, 0];
    }
    return pairParam(node, 'padding', 0);
}

/** A grid from a `[C, H, W]` or `[C, L]` shape (a 1-D signal has height 1). */
export function gridOf(shape: Shape | undefined): Grid | undefined {
    if (!shape) return undefined;
    if (shape.length === 3) return { channels: shape[0], height: shape[1], width: shape[2] };
    if (shape.length === 2) return { channels: shape[0], height: 1, width: shape[1] };
    return undefined;
}

/** The window of a Conv1d/Conv2d node with weight `[C_out, C_in/groups, K…]`. */
export function convWindow(node: NirNode, weightShape: Shape): Window {
    const oneD = weightShape.length === 3;
    const k: [number, number] = oneD ? [1, weightShape[2]] : [weightShape[2] ?? 1, weightShape[3] ?? 1];
    const lift = (p: [number, number], neutral: number): [number, number] => (oneD ? [neutral, p[1]] : p);
    const stride = lift(pairParam(node, 'stride', 1), 1);
    const dilation = lift(pairParam(node, 'dilation', 1), 1);
    const padding = lift(paddingPair(node, k, dilation), 0);
    return { kh: k[0], kw: k[1], sh: stride[0], sw: stride[1], ph: padding[0], pw: padding[1], dh: dilation[0], dw: dilation[1] };
}

/** The window of a SumPool2d/AvgPool2d node. */
export function poolWindow(node: NirNode): Window {
    const k = pairParam(node, 'kernel_size', 1);
    const s = pairParam(node, 'stride', k[0]);
    const p = pairParam(node, 'padding', 0);
    return { kh: k[0], kw: k[1], sh: s[0], sw: s[1], ph: p[0], pw: p[1], dh: 1, dw: 1 };
}

/** The output grid a window produces from an input grid with `channels` output channels. */
export function slide(input: Grid, w: Window, channels: number): Grid {
    return {
        channels,
        height: slidOutput(input.height, w.kh, w.sh, w.ph, w.dh),
        width: slidOutput(input.width, w.kw, w.sw, w.pw, w.dw),
    };
}
