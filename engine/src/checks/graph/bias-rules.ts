import type { AnalysedNode } from '../../graph/analysis.js';
import type { Shape } from '../../plugins/node-kind.js';
import type { Tensor } from '../../nir/value.js';
import { tensorParam } from '../../nir/kinds/param-values.js';
import { sameShape } from '../../nir/kinds/index.js';

/** How a node's bias relates to its outputs. */
export interface BiasVerdict {
    readonly bias: Tensor;
    readonly weight: Tensor;
    /** The bias shape the weight implies: weight.shape[:-1] for Affine, [C_out] for convolutions. */
    readonly expected: Shape;
    /** `equal`, `broadcast` (numpy broadcasting works, giving `result`) or `incompatible`. */
    readonly verdict: 'equal' | 'broadcast' | 'incompatible';
    readonly result?: Shape;
}

/** numpy's broadcast of two shapes, or undefined when they do not broadcast. */
export function broadcastShapes(a: Shape, b: Shape): Shape | undefined {
    const rank = Math.max(a.length, b.length);
    const result: number[] = [];
    for (let i = 0; i < rank; i++) {
        const x = a[a.length - rank + i] ?? 1;
        const y = b[b.length - rank + i] ?? 1;
        if (x !== y && x !== 1 && y !== 1) return undefined;
        result.push(x === 1 ? y : x);
    }
    return result;
}

/** The bias verdict of an Affine or convolution node; undefined for other nodes or an unusable weight. */
export function biasVerdict(analysed: AnalysedNode): BiasVerdict | undefined {
    const { node, kind } = analysed;
    const bias = tensorParam(node, 'bias');
    const weight = tensorParam(node, 'weight');
    if (!bias || !weight || !kind) return undefined;
    let expected: Shape;
    if (kind.id === 'Affine' && weight.shape.length >= 2) expected = weight.shape.slice(0, -1);
    else if (kind.category === 'conv' && weight.shape.length >= 3) expected = weight.shape.slice(0, 1);
    else return undefined;
    if (sameShape(bias.shape, expected)) return { bias, weight, expected, verdict: 'equal' };
    const result = broadcastShapes(bias.shape, expected);
    return { bias, weight, expected, verdict: result ? 'broadcast' : 'incompatible', result };
}
