import type { NirNode } from '../graph.js';
import type { Shape } from '../../plugins/node-kind.js';
import { intScalar, perAxisInts, readPadding, tensorParam, type Padding } from './param-values.js';

/**
 * The arithmetic of convolutions, written once for 1-D and 2-D and in two flavours: `correct`
 * (PyTorch's rule) and `reference`, which reproduces the two mistakes of NIR's reference reader
 * (it uses K_h for both axes of a Conv2d kernel and ignores `groups` when counting input channels)
 * so that files whose stored shapes depended on them can be recognised.
 */

/** Which rule to apply: PyTorch's, or NIR's reference implementation's. */
export type ConvRule = 'correct' | 'reference';

/** What the shapes of a convolution depend on, read from its parameters. */
export interface ConvGeometry {
    readonly outChannels: number;
    readonly inChannels: number;
    /** Kernel size per spatial axis. */
    readonly kernel: readonly number[];
    /** Stride, padding and dilation; undefined when a parameter is present but unreadable. */
    readonly stride?: readonly number[];
    readonly padding?: Padding;
    readonly dilation?: readonly number[];
}

/** One output axis: `⌊(n + 2p − d(k − 1) − 1)/s + 1⌋`, or `n` for `same` padding. */
export function convAxis(n: number, kernel: number, stride: number, padding: number | 'same', dilation: number): number {
    if (padding === 'same') return n;
    return Math.floor((n + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1);
}

/** A per-axis integer parameter, PyTorch's default when absent, undefined when unreadable. */
function axisParam(node: NirNode, name: string, axes: number, fallback: number): readonly number[] | undefined {
    const value = node.params.get(name);
    return value === undefined ? Array.from({ length: axes }, () => fallback) : perAxisInts(value, axes);
}

/** Reads a convolution's geometry for `axes` spatial axes; undefined when the weight has the wrong rank or `groups` is unusable. */
export function convGeometry(node: NirNode, axes: number, rule: ConvRule = 'correct'): ConvGeometry | undefined {
    const weight = tensorParam(node, 'weight');
    if (!weight || weight.shape.length !== axes + 2) return undefined;
    const groupsValue = node.params.get('groups');
    const groups = groupsValue === undefined ? 1 : intScalar(groupsValue);
    // Unusable groups leave the input channels unknown rather than guessed (nir/param-value reports them).
    if (groups === undefined || groups < 1 || weight.shape[0] % groups !== 0) return undefined;
    const perGroup = weight.shape[1];
    const inChannels = rule === 'reference' ? perGroup : perGroup * groups;
    const kernel = rule === 'reference' ? weight.shape.slice(2).map(() => weight.shape[2]) : weight.shape.slice(2);
    const paddingValue = node.params.get('padding');
    return {
        outChannels: weight.shape[0],
        inChannels,
        kernel,
        stride: axisParam(node, 'stride', axes, 1),
        padding: paddingValue === undefined ? kernel.map(() => 0) : readPadding(paddingValue, axes),
        dilation: axisParam(node, 'dilation', axes, 1),
    };
}

/** The output's spatial size, undefined when stride, padding or dilation could not be read or are out of range. */
export function convOutputSize(geometry: ConvGeometry, spatial: Shape): number[] | undefined {
    const { stride, padding, dilation, kernel } = geometry;
    if (!stride || !padding || !dilation) return undefined;
    if (stride.some((s) => s < 1) || dilation.some((d) => d < 1) || (padding !== 'same' && padding.some((p) => p < 0))) return undefined;
    return spatial.map((n, i) => convAxis(n, kernel[i], stride[i], padding === 'same' ? 'same' : padding[i], dilation[i]));
}
