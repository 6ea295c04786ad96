import type { AnalysedNode } from '../graph/analysis.js';
import type { Tensor } from '../nir/value.js';
import type { Projection } from './machine-graph.js';
import { elementCount } from '../nir/value.js';
import { fixedProbabilityRow, materializeTensor } from '../nir/materialize.js';
import { readElementAsNumber } from '../nir/dtype-codec.js';
import { asTensor, scalarOf } from './tensor-values.js';
import { convWindow, gridOf, poolWindow, slide } from './connectivity/window-params.js';
import type { Grid, Window } from './connectivity/grid-geometry.js';

/** A sparse vector over a node's flattened neurons: index → value. */
type Sparse = Map<number, number>;

/** One node on the way, as a linear map of a sparse vector (weights, pooling, index maps). */
type LinearOp = (x: Sparse) => Sparse;

/** The synapses of a projection, columnar: `pre[k] → post[k]` with weight `weight[k]`. */
export interface ChainSynapses {
    readonly pre: Int32Array;
    readonly post: Int32Array;
    readonly weight: Float64Array;
}

/** The synapses a projection makes, or why they cannot be listed. */
export type ChainSynapsesResult = { readonly synapses: ChainSynapses; readonly error?: undefined } | { readonly synapses?: undefined; readonly error: string };

/** The most synapses one projection is listed with (a connection list of 2^26 rows is 1 GiB as int32 × 4). */
export const MAX_LISTED_SYNAPSES = 2 ** 26;

/**
 * Every synapse a projection makes, with its NIR weight: each pre neuron's unit vector pushed
 * through the chain's nodes (Affine/Linear matrices, Scale, Conv1d/Conv2d kernels with stride,
 * padding, dilation and groups, Sum/AvgPool2d windows, Flatten and Delay as identities).
 * Exact zeros are left out. Procedural weights are materialised.
 */
export function chainSynapses(p: Projection, preSize: number): ChainSynapsesResult {
    const only = p.ops.length === 1 ? p.ops[0].node.node : undefined;
    if (only && (only.type === 'Affine' || only.type === 'Linear')) return matrixSynapses(asTensor(only.params.get('weight')), preSize);
    const ops: LinearOp[] = [];
    for (const op of p.ops) {
        const built = linearOp(op.node);
        if (typeof built === 'string') return { error: built };
        ops.push(built);
    }
    const pre: number[] = [];
    const post: number[] = [];
    const weight: number[] = [];
    for (let i = 0; i < preSize; i++) {
        let x: Sparse = new Map([[i, 1]]);
        for (const op of ops) x = op(x);
        for (const j of [...x.keys()].sort((a, b) => a - b)) {
            const w = x.get(j) ?? 0;
            if (w === 0) continue;
            pre.push(i);
            post.push(j);
            weight.push(w);
        }
        if (pre.length > MAX_LISTED_SYNAPSES) return { error: `more than ${MAX_LISTED_SYNAPSES} synapses in one projection` };
    }
    return { synapses: { pre: Int32Array.from(pre), post: Int32Array.from(post), weight: Float64Array.from(weight) } };
}

/**
 * The non-zero entries of one `[out, in]` matrix without building vectors: a `fixed_probability`
 * recipe row by row (post by post, O(non-zeros)), other weights column by column (pre by pre).
 */
function matrixSynapses(tensor: Tensor | undefined, preSize: number): ChainSynapsesResult {
    if (!tensor || tensor.shape.length !== 2 || tensor.shape[1] !== preSize) return { error: 'an Affine or Linear weight must be a 2-D [out, in] matrix over the pre population' };
    const [out, inputs] = tensor.shape;
    const pre: number[] = [];
    const post: number[] = [];
    const weight: number[] = [];
    const push = (i: number, j: number, w: number): void => {
        if (w === 0) return;
        pre.push(i);
        post.push(j);
        weight.push(w);
    };
    const g = tensor.source.kind === 'generated' ? tensor.source.generator : undefined;
    if (g?.kind === 'fixed_probability') {
        for (let j = 0; j < out && pre.length <= MAX_LISTED_SYNAPSES; j++) {
            const row = fixedProbabilityRow(g, j, inputs);
            row.columns.forEach((i, k) => push(i, j, row.values[k]));
        }
    } else {
        const m = materializeTensor(tensor);
        if (m.error !== undefined) return { error: m.error };
        for (let i = 0; i < inputs && pre.length <= MAX_LISTED_SYNAPSES; i++) {
            for (let j = 0; j < out; j++) push(i, j, readElementAsNumber(tensor.dtype, m.data, j * inputs + i));
        }
    }
    if (pre.length > MAX_LISTED_SYNAPSES) return { error: `more than ${MAX_LISTED_SYNAPSES} synapses in one projection` };
    return { synapses: { pre: Int32Array.from(pre), post: Int32Array.from(post), weight: Float64Array.from(weight) } };
}

/**
 * The bias a projection adds to each post neuron's input: the bias of its Affine or convolution
 * (a conv bias per output channel, over the channel's whole map), pushed through the nodes after
 * it. Undefined when the chain has no bias.
 */
export function chainBias(p: Projection, postSize: number): { readonly bias?: Float64Array; readonly error?: string } {
    const at = p.ops.findIndex((op) => ['Affine', 'Conv1d', 'Conv2d'].includes(op.node.node.type) && op.node.node.params.has('bias'));
    if (at < 0) return {};
    const node = p.ops[at].node;
    const values = tensorValues(asTensor(node.node.params.get('bias')));
    if (typeof values === 'string') return { error: values };
    const outSize = elementCount(node.outputShape ?? [postSize]);
    const perChannel = node.node.type !== 'Affine' && values.length > 1 ? outSize / values.length : 1;
    let x: Sparse = new Map();
    for (let j = 0; j < outSize; j++) {
        const b = values.length === 1 ? values[0] : values[Math.floor(j / perChannel)] ?? 0;
        if (b !== 0) x.set(j, b);
    }
    for (const op of p.ops.slice(at + 1)) {
        const built = linearOp(op.node);
        if (typeof built === 'string') return { error: built };
        x = built(x);
    }
    const bias = new Float64Array(postSize);
    for (const [j, b] of x) if (j < postSize) bias[j] += b;
    return { bias };
}

/** A tensor's elements as numbers (materialising a generator), or why not. */
function tensorValues(tensor: Tensor | undefined): Float64Array | string {
    if (!tensor) return 'a weight or bias is missing or not a tensor';
    const m = materializeTensor(tensor);
    if (m.error !== undefined) return m.error;
    return Float64Array.from({ length: m.data.length }, (_, i) => readElementAsNumber(tensor.dtype, m.data, i));
}

function linearOp(node: AnalysedNode): LinearOp | string {
    const n = node.node;
    switch (n.type) {
        case 'Flatten': case 'Delay': return (x) => x;
        case 'Scale': {
            const scale = tensorValues(asTensor(n.params.get('scale')));
            if (typeof scale === 'string') return scale;
            return (x) => new Map([...x].map(([k, v]) => [k, v * (scale.length === 1 ? scale[0] : scale[k] ?? 0)]));
        }
        case 'Affine': case 'Linear': return matrixOp(n.params.get('weight') && asTensor(n.params.get('weight')));
        case 'Conv1d': case 'Conv2d': return convOp(node);
        case 'SumPool2d': case 'AvgPool2d': return poolOp(node);
        default: return `'${n.name}' (${n.type}) cannot be written as synapses`;
    }
}

function matrixOp(tensor: Tensor | undefined): LinearOp | string {
    if (!tensor || tensor.shape.length !== 2) return 'an Affine or Linear weight must be a 2-D [out, in] matrix to be written as synapses';
    const w = tensorValues(tensor);
    if (typeof w === 'string') return w;
    const [out, inputs] = tensor.shape;
    return (x) => {
        const y: Sparse = new Map();
        for (const [k, v] of x) for (let j = 0; j < out; j++) add(y, j, w[j * inputs + k] * v);
        return y;
    };
}

function convOp(node: AnalysedNode): LinearOp | string {
    const tensor = asTensor(node.node.params.get('weight'));
    const input = gridOf(node.inputShape);
    if (!tensor || !input) return `the convolution '${node.node.name}' has no weight or no known input shape`;
    const w = tensorValues(tensor);
    if (typeof w === 'string') return w;
    const win = convWindow(node.node, tensor.shape);
    const cout = tensor.shape[0];
    const cinPerGroup = tensor.shape[1];
    const groups = scalarOf(node.node.params.get('groups')) ?? 1;
    const coutPerGroup = cout / groups;
    const output = slide(input, win, cout);
    return (x) => {
        const y: Sparse = new Map();
        for (const [k, v] of x) {
            const { c, h, col } = cell(input, k);
            const g = Math.floor(c / cinPerGroup);
            const ci = c - g * cinPerGroup;
            eachWindow(win, output, h, col, (oh, ow, kh, kw) => {
                for (let co = g * coutPerGroup; co < (g + 1) * coutPerGroup; co++) {
                    const wi = ((co * cinPerGroup + ci) * win.kh + kh) * win.kw + kw;
                    add(y, (co * output.height + oh) * output.width + ow, w[wi] * v);
                }
            });
        }
        return y;
    };
}

function poolOp(node: AnalysedNode): LinearOp | string {
    const input = gridOf(node.inputShape);
    if (!input) return `the pooling '${node.node.name}' has no known input shape`;
    const win = poolWindow(node.node);
    const output = slide(input, win, input.channels);
    const factor = node.node.type === 'AvgPool2d' ? 1 / (win.kh * win.kw) : 1;
    return (x) => {
        const y: Sparse = new Map();
        for (const [k, v] of x) {
            const { c, h, col } = cell(input, k);
            eachWindow(win, output, h, col, (oh, ow) => add(y, (c * output.height + oh) * output.width + ow, factor * v));
        }
        return y;
    };
}

/** The channel, row and column of a flat index in a grid. */
function cell(grid: Grid, k: number): { c: number; h: number; col: number } {
    const plane = grid.height * grid.width;
    const c = Math.floor(k / plane);
    const rest = k - c * plane;
    return { c, h: Math.floor(rest / grid.width), col: rest % grid.width };
}

/** Calls `visit` for every output position (and kernel offset) whose window covers input row `h`, column `col`. */
function eachWindow(win: Window, output: Grid, h: number, col: number, visit: (oh: number, ow: number, kh: number, kw: number) => void): void {
    for (let kh = 0; kh < win.kh; kh++) {
        const rh = h + win.ph - kh * win.dh;
        if (rh < 0 || rh % win.sh !== 0 || rh / win.sh >= output.height) continue;
        for (let kw = 0; kw < win.kw; kw++) {
            const rw = col + win.pw - kw * win.dw;
            if (rw < 0 || rw % win.sw !== 0 || rw / win.sw >= output.width) continue;
            visit(rh / win.sh, rw / win.sw, kh, kw);
        }
    }
}

function add(y: Sparse, j: number, v: number): void {
    if (v !== 0) y.set(j, (y.get(j) ?? 0) + v);
}
