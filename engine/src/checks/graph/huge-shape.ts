import type { AnalysedNode } from '../../graph/analysis.js';
import type { Problem } from '../../diagnostics/problem.js';
import { elementCount } from '../../nir/value.js';
import { graphCheck } from './graph-check.js';
import { smallInts } from '../../nir/kinds/param-values.js';
import { formatShape } from '../../nir/kinds/index.js';

/** The most elements a shape may declare: 2^31, beyond any simulator's or machine's reach. */
export const MAX_SHAPE_ELEMENTS = 2 ** 31;

/** Shapes a node declares: its shape parameters' values, and for neurons the shape of their parameters. */
function declaredShapes(analysed: AnalysedNode): { shape: readonly number[]; origin: Problem['origin']; what: string }[] {
    const { node, kind } = analysed;
    const found: { shape: readonly number[]; origin: Problem['origin']; what: string }[] = [];
    // All parameters of a neuron share one shape (nir/param-shape): the first one speaks for them.
    let reportedNeuron = false;
    for (const param of kind?.params ?? []) {
        const value = node.params.get(param.name);
        if (value?.kind !== 'tensor') continue;
        if (param.kind === 'shape') {
            const dims = smallInts(value);
            if (dims) found.push({ shape: dims, origin: value.origin, what: `${param.name} ${formatShape(dims)}` });
        } else if (param.kind === 'tensor' && kind!.category === 'neuron' && !reportedNeuron) {
            reportedNeuron = true;
            found.push({ shape: value.shape, origin: value.origin, what: `${param.name} of shape ${formatShape(value.shape)}` });
        }
    }
    return found;
}

/** A declared shape of more than 2^31 elements (checked without allocating anything). */
export const HUGE_SHAPE = graphCheck({
    id: 'nir/huge-shape',
    severity: 'error',
    title: 'A shape declares more than 2^31 elements.',
    run(ctx) {
        for (const analysed of ctx.analysis.nodes) {
            for (const { shape, origin, what } of declaredShapes(analysed)) {
                const count = elementCount(shape);
                if (!(count > MAX_SHAPE_ELEMENTS)) continue;
                ctx.report({
                    code: 'nir/huge-shape',
                    severity: 'error',
                    message: `${what} of '${analysed.node.name}' declares ${count.toLocaleString('en-US')} elements, more than 2^31 (${MAX_SHAPE_ELEMENTS.toLocaleString('en-US')}); no simulator or machine holds that many.`,
                    origin,
                });
            }
        }
    },
});
