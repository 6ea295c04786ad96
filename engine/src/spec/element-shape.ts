import type { NirValue } from '../nir/value.js';
import type { NodeKind } from '../plugins/node-kind.js';

/**
 * The element shape a node's scalars and shapeless generators broadcast to, in order of
 * preference:
 * 1. the node's YAML-only `shape:` key;
 * 2. the shape of another per-element tensor parameter given in full (`tau: [..8 values..]`
 *    makes `r: 1` an 8-vector); `weight` is a matrix and `shape` a shape, never per-element parameters;
 * 3. for a node with a `weight` of known shape (a `bias`): the output channels, i.e.
 *    `weight.shape[0]` for convolutions and `weight.shape[:-1]` for Affine-like nodes.
 */
export function elementShape(
    yamlShape: readonly number[] | undefined,
    params: ReadonlyMap<string, NirValue>,
    type: string,
    kind: NodeKind | undefined,
): readonly number[] | undefined {
    if (yamlShape) return yamlShape;
    for (const [name, value] of params) {
        if (name === 'weight' || name === 'shape' || value.kind !== 'tensor' || value.shape.length === 0) continue;
        const spec = kind?.params.find((p) => p.name === name);
        if (spec && spec.kind !== 'tensor') continue;
        return value.shape;
    }
    const weight = params.get('weight');
    if (weight?.kind === 'tensor' && weight.shape.length >= 2) {
        const isConv = kind ? kind.category === 'conv' : /^Conv/.test(type);
        return isConv ? weight.shape.slice(0, 1) : weight.shape.slice(0, -1);
    }
    return undefined;
}
