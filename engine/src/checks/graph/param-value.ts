import type { AnalysedNode } from '../../graph/analysis.js';
import type { Problem } from '../../diagnostics/problem.js';
import { graphCheck } from './graph-check.js';
import { intScalar, smallInts, tensorParam } from '../../nir/kinds/param-values.js';

/** The smallest value each integer parameter may take (PyTorch's and NIR's ranges). */
const MINIMUM: Readonly<Record<string, number>> = {
    stride: 1, dilation: 1, kernel_size: 1, groups: 1, padding: 0, shape: 0, input_type: 0, input_shape: 1,
};

function belowMinimum(analysed: AnalysedNode): Problem[] {
    const { node, kind } = analysed;
    const problems: Problem[] = [];
    for (const param of kind?.params ?? []) {
        const minimum = MINIMUM[param.name];
        const value = node.params.get(param.name);
        if (minimum === undefined || param.kind === 'tensor' || !value) continue;
        const low = smallInts(value)?.find((x) => x < minimum);
        if (low === undefined) continue;
        problems.push({
            code: 'nir/param-value',
            severity: 'error',
            message: `${param.name} of ${kind!.id} '${node.name}' must be ${minimum === 0 ? '0 or more' : `at least ${minimum}`}; found ${low}.`,
            origin: value.origin,
        });
    }
    return problems;
}

/** `groups` must divide the output channels (the input channels are weight.shape[1]·groups by construction). */
function groupsProblem(analysed: AnalysedNode): Problem | undefined {
    const { node, kind } = analysed;
    if (kind?.category !== 'conv') return undefined;
    const groupsValue = node.params.get('groups');
    const groups = intScalar(groupsValue);
    const weight = tensorParam(node, 'weight');
    if (!groupsValue || groups === undefined || groups < 1 || !weight || weight.shape.length < 1) return undefined;
    const out = weight.shape[0];
    if (out % groups === 0) return undefined;
    return {
        code: 'nir/param-value',
        severity: 'error',
        message: `groups ${groups} of ${kind.id} '${node.name}' does not divide its ${out} output channels (weight.shape[0]).`,
        origin: groupsValue.origin,
        related: [{ message: `weight has ${out} output channels`, origin: weight.origin }],
    };
}

/** PyTorch refuses `padding: same` with a stride other than 1; NIR's reference would infer the input size. */
function stridedSameProblem(analysed: AnalysedNode): Problem | undefined {
    const { node, kind } = analysed;
    const padding = node.params.get('padding');
    const stride = node.params.get('stride');
    if (kind?.category !== 'conv' || padding?.kind !== 'string' || padding.value !== 'same' || !stride) return undefined;
    if (!smallInts(stride)?.some((s) => s !== 1)) return undefined;
    return {
        code: 'nir/param-value',
        severity: 'error',
        message: `${kind.id} '${node.name}' has padding same with a stride other than 1; PyTorch refuses that, and the output size would not be the input size. Give the padding as numbers.`,
        origin: padding.origin,
        related: [{ message: 'the stride', origin: stride.origin }],
    };
}

/** An integer parameter out of its range: a stride of 0, negative padding, groups that do not divide the channels. */
export const PARAM_VALUE = graphCheck({
    id: 'nir/param-value',
    severity: 'error',
    title: 'An integer parameter is out of range (stride or kernel below 1, negative padding or dimensions, groups that do not divide the channels, padding same with a stride).',
    run(ctx) {
        for (const analysed of ctx.analysis.nodes) {
            for (const problem of belowMinimum(analysed)) ctx.report(problem);
            for (const problem of [groupsProblem(analysed), stridedSameProblem(analysed)]) if (problem) ctx.report(problem);
        }
    },
});
