import type { Projection } from './machine-graph.js';
import { asTensor, scalarOf } from './tensor-values.js';
import { convWindow, gridOf, poolWindow } from './connectivity/window-params.js';

/**
 * A projection that py-spinnaker2 runs as a `snn.Conv2DProjection`: a Conv2d straight from the
 * pre population, or behind a SumPool2d it fuses (kernel = stride, no padding), with no dilation
 * and one group. The field names are Conv2DProjection's `conv_params` keys (s2_nir.py
 * get_conv2d_params, create_sumpool2d_conv2d_projection).
 */
export interface Conv2dLayout {
    readonly in_height: number;
    readonly in_width: number;
    readonly stride_x: number;
    readonly stride_y: number;
    readonly pool_x: number;
    readonly pool_y: number;
    readonly pad_top: number;
    readonly pad_bottom: number;
    readonly pad_left: number;
    readonly pad_right: number;
}

/** The Conv2DProjection layout of a projection, or undefined when it must be written as a connection list. */
export function conv2dLayout(p: Projection): Conv2dLayout | undefined {
    const types = p.ops.map((op) => op.node.node.type);
    const fused = types.length === 2 && types[0] === 'SumPool2d' && types[1] === 'Conv2d';
    if (!(types.length === 1 && types[0] === 'Conv2d') && !fused) return undefined;
    const convOp = p.ops[p.ops.length - 1].node;
    const weight = asTensor(convOp.node.params.get('weight'));
    const groups = scalarOf(convOp.node.params.get('groups')) ?? 1;
    if (!weight || weight.shape.length !== 4 || groups !== 1) return undefined;
    const w = convWindow(convOp.node, weight.shape);
    if (w.dh !== 1 || w.dw !== 1) return undefined;
    let pool: [number, number] = [1, 1];
    let input = gridOf(convOp.inputShape);
    if (fused) {
        const poolOp = p.ops[0].node;
        const pw = poolWindow(poolOp.node);
        if (pw.kh !== pw.sh || pw.kw !== pw.sw || pw.ph !== 0 || pw.pw !== 0) return undefined;
        pool = [pw.kh, pw.kw];
        input = gridOf(poolOp.inputShape);
    }
    if (!input) return undefined;
    return {
        in_height: input.height, in_width: input.width,
        stride_x: w.sh, stride_y: w.sw,
        pool_x: pool[0], pool_y: pool[1],
        pad_top: w.ph, pad_bottom: w.ph, pad_left: w.pw, pad_right: w.pw,
    };
}
