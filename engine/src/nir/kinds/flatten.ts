import type { NirNode } from '../graph.js';
import type { NodeShapes, Shape, ShapeRuleContext } from '../../plugins/node-kind.js';
import { formatShape, optional, type NirNodeKind } from './nir-node-kind.js';
import { intScalar, shapeValue } from './param-values.js';
import { paramOrigin } from './origins.js';

/** Flatten: merges the dimensions start_dim..end_dim of its input into one (PyTorch `flatten`). */

/** NIR's defaults, as PyTorch's `nn.Flatten`: keep dimension 0, merge the rest. */
const DEFAULT_START = 1;
const DEFAULT_END = -1;

/** `shape[:start] + [prod(shape[start..end])] + shape[end+1:]`, or a message when the dims do not fit the shape. */
export function flattenShape(shape: Shape, start: number, end: number): { shape: number[] } | { error: string; param: 'start_dim' | 'end_dim' } {
    const rank = shape.length;
    if (rank === 0) {
        if ((start === 0 || start === -1) && (end === 0 || end === -1)) return { shape: [1] };
        return { error: 'the input is a scalar', param: 'start_dim' };
    }
    const s = start < 0 ? start + rank : start;
    const e = end < 0 ? end + rank : end;
    if (s < 0 || s >= rank) return { error: `start_dim ${start} is outside the ${rank}-D input ${formatShape(shape)}`, param: 'start_dim' };
    if (e < 0 || e >= rank) return { error: `end_dim ${end} is outside the ${rank}-D input ${formatShape(shape)}`, param: 'end_dim' };
    if (s > e) return { error: `start_dim ${start} comes after end_dim ${end} in the ${rank}-D input ${formatShape(shape)}`, param: 'start_dim' };
    const merged = shape.slice(s, e + 1).reduce((a, b) => a * b, 1);
    return { shape: [...shape.slice(0, s), merged, ...shape.slice(e + 1)] };
}

/** A dim parameter: its value, the default when absent, undefined when unreadable. */
function dimParam(node: NirNode, name: string, fallback: number): number | undefined {
    const value = node.params.get(name);
    return value === undefined ? fallback : intScalar(value);
}

function flattenShapes(node: NirNode, ctx: ShapeRuleContext): NodeShapes {
    const stored = node.params.get('input_type');
    const input = (stored && shapeValue(stored)) || ctx.inputShape;
    if (!input) return {};
    const start = dimParam(node, 'start_dim', DEFAULT_START);
    const end = dimParam(node, 'end_dim', DEFAULT_END);
    if (start === undefined || end === undefined) return { input };
    const result = flattenShape(input, start, end);
    if ('error' in result) {
        ctx.report({
            code: 'nir/flatten-dims',
            severity: 'error',
            message: `Flatten '${node.name}' cannot flatten: ${result.error}.${start === DEFAULT_START && !node.params.has('start_dim') ? ' start_dim defaults to 1; exporters usually write start_dim: 0.' : ''}`,
            origin: paramOrigin(node, result.param),
        });
        return { input };
    }
    return { input, output: result.shape };
}

/** Reshape without computation. */
export const FLATTEN: NirNodeKind = {
    id: 'Flatten',
    category: 'other',
    summary: 'Merges the dimensions start_dim..end_dim of its input into one; the data is unchanged.',
    equation: 'y = reshape(x, shape[:start] + [∏ shape[start..end]] + shape[end+1:])',
    params: [
        optional('start_dim', 'int', 'The first dimension to merge (negative counts from the end). Dimension 0 is the channel dimension; exporters write 0.', { defaultValue: DEFAULT_START }),
        optional('end_dim', 'int', 'The last dimension to merge (negative counts from the end).', { defaultValue: DEFAULT_END }),
        optional('input_type', 'shape', 'The input shape; inferred from the incoming edge when absent.', { legacy: true }),
    ],
    stateful: false,
    spiking: false,
    shapeRule: 'Input: `input_type`, else the incoming shape. Output: the input with dimensions start_dim..end_dim replaced by their product.',
    shapes: flattenShapes,
};
