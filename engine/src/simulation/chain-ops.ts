import type { AnalysedNode } from '../graph/analysis.js';
import type { Generator, Tensor } from '../nir/value.js';
import type { ChainOp } from '../machine/machine-graph.js';
import type { Grid, Window } from '../machine/connectivity/grid-geometry.js';
import { elementCount } from '../nir/value.js';
import { fixedProbabilityRowInto } from '../nir/materialize.js';
import { asTensor, numbersOf } from '../machine/tensor-values.js';
import { convWindow, gridOf, poolWindow, slide } from '../machine/connectivity/window-params.js';
import { quantised, valueReader, perNeuron, type WeightStorage } from './weight-values.js';
import { emptySignal, push, type Signal } from './signal.js';

/**
 * One node of a projection's chain as a linear map on sparse signals, plus the constant it adds
 * (a bias) as a dense vector over its outputs. Every map is read column by column (what one input
 * element reaches), so a synapse row costs what it holds, never a whole matrix.
 */
export interface ChainMap {
    apply(input: Signal): Signal;
    readonly bias?: Float64Array;
    /**
     * The whole map by column, when it is one procedural matrix: a chain of this map alone has
     * these columns as its synapse rows, without pushing each pre neuron through `apply`.
     */
    columns?(): MatrixColumns;
}

/** What the chain maps need besides the node: weight storage and the tick length in the document's time unit. */
export interface ChainContext {
    readonly storage: WeightStorage;
    /** One tick in the unit of the document's time values. */
    readonly tick: number;
}

/** The map of one chain node; undefined (with a reason) for a node the simulator cannot run. */
export function chainMap(op: ChainOp, ctx: ChainContext): ChainMap | string {
    const node = op.node;
    switch (node.node.type) {
        case 'Affine':
        case 'Linear':
            return matrixMap(node, ctx);
        case 'Scale':
            return scaleMap(node);
        case 'Conv1d':
        case 'Conv2d':
            return convMap(node, ctx);
        case 'SumPool2d':
        case 'AvgPool2d':
            return poolMap(node);
        case 'Flatten':
            return { apply: (s) => s };
        case 'Delay':
            return delayMap(node, ctx);
        default:
            return `the simulator cannot run ${node.node.type} nodes`;
    }
}

function matrixMap(node: AnalysedNode, ctx: ChainContext): ChainMap | string {
    const weight = asTensor(node.node.params.get('weight'));
    if (!weight) return 'it has no weight tensor';
    const shape = weight.shape;
    const out = shape[shape.length - 2] ?? 1;
    const inputs = shape[shape.length - 1] ?? 1;
    const bias = node.node.type === 'Affine' ? perNeuron(asTensor(node.node.params.get('bias')), elementCount(shape.slice(0, -1)), 0) : undefined;
    if (node.node.type === 'Affine' && !bias) return 'its bias does not match its weight';
    const column = matrixColumns(weight, out, inputs, ctx.storage);
    const g = weight.source.kind === 'generated' ? weight.source.generator : undefined;
    const direct = g?.kind === 'fixed_probability' && shape.length === 2
        ? () => fixedProbabilityColumns(g, out, inputs, quantised(weight, (v) => v, ctx.storage))
        : undefined;
    return {
        bias,
        columns: direct,
        apply(input) {
            const result = emptySignal();
            for (let k = 0; k < input.index.length; k++) {
                const j = input.index[k];
                const group = Math.floor(j / inputs);
                column(j - group * inputs, group * out, input.value[k], input.delay[k], result);
            }
            return result;
        },
    };
}

/** Emits column `c` of a `[.., out, in]` matrix (block `base / out`) scaled by `x` into `into`. */
type ColumnEmitter = (c: number, base: number, x: number, delay: number, into: Signal) => void;

function matrixColumns(weight: Tensor, out: number, inputs: number, storage: WeightStorage): ColumnEmitter {
    const read = valueReader(weight, storage);
    if (read) {
        return (c, base, x, delay, into) => {
            const offset = base * inputs + c;
            for (let r = 0; r < out; r++) {
                const w = read(offset + r * inputs);
                if (w !== 0) push(into, base + r, w * x, delay);
            }
        };
    }
    const g = (weight.source as { generator: Generator }).generator;
    if (g.kind === 'one_to_one') {
        const w = quantised(weight, () => g.value, storage)(0);
        return (c, base, x, delay, into) => {
            if (c < out && w !== 0) push(into, base + c, w * x, delay);
        };
    }
    return columnsEmitter(() => fixedProbabilityColumns(g as Extract<Generator, { kind: 'fixed_probability' }>, out, inputs, quantised(weight, (v) => v, storage)));
}

/** A matrix by column: column `c`'s non-zeros are rows `row[k]` (ascending), values `value[k]`, for `start[c] ≤ k < start[c+1]`. */
export interface MatrixColumns {
    readonly start: Int32Array;
    readonly row: Int32Array;
    readonly value: Float64Array;
}

/**
 * A `fixed_probability` matrix read by column: its generator makes rows (one per output), so the
 * rows are generated once into compressed rows and transposed (a counting sort) into compressed
 * columns: one int and one double per synapse, never a dense matrix.
 */
export function fixedProbabilityColumns(g: Extract<Generator, { kind: 'fixed_probability' }>, out: number, inputs: number, q: (v: number) => number): MatrixColumns {
    // Sized for the expected count plus a margin, so that growing (a copy) is rare.
    let columns = new Int32Array(Math.ceil(out * inputs * Math.min(1, g.p) * 1.01) + 1024);
    const weight = g.weight;
    const same = weight.kind === 'constant' ? q(weight.value) : weight.kind === 'ones' ? q(1) : undefined;
    let values = same === undefined ? new Float64Array(columns.length) : undefined;
    const rowStart = new Int32Array(out + 1);
    const counts = new Int32Array(inputs + 1);
    const rowColumns = new Int32Array(inputs);
    const rowValues = new Float64Array(inputs);
    let n = 0;
    for (let r = 0; r < out; r++) {
        const m = fixedProbabilityRowInto(g, r, inputs, rowColumns, rowValues);
        if (n + m > columns.length) {
            const size = Math.max(2 * columns.length, n + m);
            columns = grownTo(columns, new Int32Array(size), n);
            if (values) values = grownTo(values, new Float64Array(size), n);
        }
        for (let k = 0; k < m; k++) {
            columns[n + k] = rowColumns[k];
            counts[rowColumns[k] + 1]++;
        }
        if (values) for (let k = 0; k < m; k++) values[n + k] = q(rowValues[k]);
        n += m;
        rowStart[r + 1] = n;
    }
    for (let c = 0; c < inputs; c++) counts[c + 1] += counts[c];
    const start = counts.slice();
    const row = new Int32Array(n);
    const value = values ? new Float64Array(n) : new Float64Array(n).fill(same!);
    for (let r = 0; r < out; r++) {
        for (let k = rowStart[r]; k < rowStart[r + 1]; k++) {
            const at = counts[columns[k]]++;
            row[at] = r;
            if (values) value[at] = values[k];
        }
    }
    return { start, row, value };
}

/** `to` with the first `n` elements of `from`. */
function grownTo<T extends Int32Array | Float64Array>(from: T, to: T, n: number): T {
    to.set(from.subarray(0, n));
    return to;
}

function columnsEmitter(matrix: () => MatrixColumns): ColumnEmitter {
    let columns: MatrixColumns | undefined;
    return (c, base, x, delay, into) => {
        columns ??= matrix();
        for (let k = columns.start[c]; k < columns.start[c + 1]; k++) {
            if (columns.value[k] !== 0) push(into, base + columns.row[k], columns.value[k] * x, delay);
        }
    };
}

function scaleMap(node: AnalysedNode): ChainMap | string {
    const size = elementCount(node.outputShape ?? asTensor(node.node.params.get('scale'))?.shape ?? [0]);
    const scale = perNeuron(asTensor(node.node.params.get('scale')), size, 1);
    if (!scale) return 'its scale does not match its shape';
    return {
        apply(input) {
            const result = emptySignal();
            for (let k = 0; k < input.index.length; k++) {
                const s = scale[input.index[k]] ?? 0;
                if (s !== 0) push(result, input.index[k], s * input.value[k], input.delay[k]);
            }
            return result;
        },
    };
}

function delayMap(node: AnalysedNode, ctx: ChainContext): ChainMap | string {
    const size = elementCount(node.outputShape ?? asTensor(node.node.params.get('delay'))?.shape ?? [0]);
    const delay = perNeuron(asTensor(node.node.params.get('delay')), size, 0);
    if (!delay) return 'its delay does not match its shape';
    const ticks = Int32Array.from(delay, (d) => Math.max(0, Math.round(d / ctx.tick)));
    return {
        apply(input) {
            const result = emptySignal();
            for (let k = 0; k < input.index.length; k++) push(result, input.index[k], input.value[k], input.delay[k] + (ticks[input.index[k]] ?? 0));
            return result;
        },
    };
}

/** Input grid, output grid and window of a sliding-window node. */
interface Sliding {
    readonly input: Grid;
    readonly output: Grid;
    readonly w: Window;
}

function convMap(node: AnalysedNode, ctx: ChainContext): ChainMap | string {
    const weight = asTensor(node.node.params.get('weight'));
    if (!weight) return 'it has no weight tensor';
    const read = valueReader(weight, ctx.storage);
    const input = gridOf(node.inputShape);
    if (!read || !input) return 'its weights or input shape are unknown';
    const w = convWindow(node.node, weight.shape);
    const cOut = weight.shape[0] ?? 1;
    const output = gridOf(node.outputShape) ?? slide(input, w, cOut);
    const groups = numbersOf(node.node.params.get('groups'), 1)?.[0] ?? 1;
    const inPerGroup = Math.max(1, Math.floor(input.channels / groups));
    const outPerGroup = Math.max(1, Math.floor(cOut / groups));
    const plane = output.height * output.width;
    const bias = perNeuron(asTensor(node.node.params.get('bias')), cOut, 0);
    if (!bias) return 'its bias does not match its output channels';
    const biasOut = new Float64Array(cOut * plane);
    for (let c = 0; c < cOut; c++) biasOut.fill(bias[c], c * plane, (c + 1) * plane);
    const g: Sliding = { input, output, w };
    return {
        bias: biasOut,
        apply(signal) {
            const result = emptySignal();
            for (let k = 0; k < signal.index.length; k++) {
                const [ci, y, x] = cell(input, signal.index[k]);
                const group = Math.floor(ci / inPerGroup);
                const cLocal = ci - group * inPerGroup;
                forEachWindow(g, y, x, (oy, ox, ky, kx) => {
                    for (let co = group * outPerGroup; co < (group + 1) * outPerGroup; co++) {
                        const v = read(((co * inPerGroup + cLocal) * w.kh + ky) * w.kw + kx);
                        if (v !== 0) push(result, co * plane + oy * output.width + ox, v * signal.value[k], signal.delay[k]);
                    }
                });
            }
            return result;
        },
    };
}

function poolMap(node: AnalysedNode): ChainMap | string {
    const input = gridOf(node.inputShape);
    if (!input) return 'its input shape is unknown';
    const w = poolWindow(node.node);
    const output = gridOf(node.outputShape) ?? slide(input, w, input.channels);
    const scale = node.node.type === 'AvgPool2d' ? 1 / (w.kh * w.kw) : 1;
    const plane = output.height * output.width;
    const g: Sliding = { input, output, w };
    return {
        apply(signal) {
            const result = emptySignal();
            for (let k = 0; k < signal.index.length; k++) {
                const [c, y, x] = cell(input, signal.index[k]);
                forEachWindow(g, y, x, (oy, ox) => push(result, c * plane + oy * output.width + ox, scale * signal.value[k], signal.delay[k]));
            }
            return result;
        },
    };
}

/** Channel, row and column of a flat index into a grid. */
function cell(grid: Grid, index: number): [number, number, number] {
    const plane = grid.height * grid.width;
    const c = Math.floor(index / plane);
    const rest = index - c * plane;
    const y = Math.floor(rest / grid.width);
    return [c, y, rest - y * grid.width];
}

/** Calls `f` for every output position whose window covers input `(y, x)`, with the kernel offset that does. */
function forEachWindow(g: Sliding, y: number, x: number, f: (oy: number, ox: number, ky: number, kx: number) => void): void {
    const { w, output } = g;
    for (let ky = 0; ky < w.kh; ky++) {
        const sy = y + w.ph - ky * w.dh;
        if (sy < 0 || sy % w.sh !== 0) continue;
        const oy = sy / w.sh;
        if (oy >= output.height) continue;
        for (let kx = 0; kx < w.kw; kx++) {
            const sx = x + w.pw - kx * w.dw;
            if (sx < 0 || sx % w.sw !== 0) continue;
            const ox = sx / w.sw;
            if (ox < output.width) f(oy, ox, ky, kx);
        }
    }
}
