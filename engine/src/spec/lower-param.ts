import { isMap, isScalar, isSeq } from './yaml-ast.js';
import type { ParamKind } from '../plugins/node-kind.js';
import { describeNode, isNullScalar, type SpecContext } from './spec-context.js';
import { readNumberLiteral } from './number-literal.js';
import { readNestedList } from './nested-list.js';
import { encodeLeaves } from './encode-elements.js';
import { broadcastLiteral, deferredBroadcast } from './broadcast.js';
import { lowerValueForm } from './value-form.js';
import { denseTensor, type Lowered, type ValueSite } from './lowered.js';
import { defaultParamDType, isIntegerParamKind } from './param-kinds.js';

/**
 * One node parameter, read by its `ParamSpec.kind`: `tensor` parameters take numbers (broadcast,
 * float32), nested lists (float32) and the mapping forms; the integer kinds (`int`,
 * `int-or-pair`, `padding`, `shape`) read numbers and lists as int64; `padding` also takes
 * `same`/`valid`. A parameter the node kind does not declare (`kind` undefined) is read like a
 * tensor and may also be a string, so unknown parameters survive for the checks to report.
 */
export function lowerParam(ctx: SpecContext, site: ValueSite, kind: ParamKind | undefined): Lowered {
    const node = site.node;
    const name = site.path.slice(site.path.lastIndexOf('/') + 1);
    const origin = ctx.origin(site.path, node, site.key);
    const integer = isIntegerParamKind(kind);
    const dtype = defaultParamDType(kind);
    const isWeight = name === 'weight';
    if (isNullScalar(node)) {
        ctx.report({ code: 'spec/unexpected-value', message: `${name} has no value.`, origin: ctx.problemOrigin(site.path, node, site.key) });
        return undefined;
    }
    if (node && isMap(node)) return lowerValueForm(ctx, site, node, { dtype, perElement: !integer }, isWeight);
    if (node && isSeq(node)) {
        const list = readNestedList(ctx, node, origin);
        if (!list) return undefined;
        if (kind === 'shape' && list.shape.length !== 1) {
            ctx.report({ code: 'spec/bad-shape', message: `${name} is a flat list of whole numbers such as [3, 32, 32].`, origin });
            return undefined;
        }
        const data = encodeLeaves(ctx, list.leaves, dtype, origin);
        if (data && kind === 'shape' && (data as BigInt64Array).some((d) => d < 0n)) {
            ctx.report({ code: 'spec/bad-shape', message: `${name} is a shape: its dimensions are whole numbers ≥ 0.`, origin });
            return undefined;
        }
        return data ? denseTensor(dtype, list.shape, data, origin) : undefined;
    }
    if (node && isScalar(node) && typeof node.value === 'string') {
        if (kind === undefined || (kind === 'padding' && (node.value === 'same' || node.value === 'valid'))) {
            return { kind: 'string', value: node.value, origin };
        }
        ctx.report({ code: 'spec/unexpected-value', message: `${name} takes ${expectedFor(kind)}; found ${describeNode(node)}.`, origin });
        return undefined;
    }
    const literal = readNumberLiteral(ctx, node);
    if (!literal || literal.kind === 'bool' || kind === 'shape') {
        ctx.report({ code: 'spec/unexpected-value', message: `${name} takes ${expectedFor(kind)}; found ${describeNode(node)}.`, origin });
        return undefined;
    }
    if (integer) return broadcastLiteral(ctx, literal, dtype, [], origin);
    return deferredBroadcast(ctx, literal, dtype, origin, isWeight);
}

function expectedFor(kind: ParamKind | undefined): string {
    switch (kind) {
        case 'int': return 'a whole number';
        case 'int-or-pair': return 'a whole number or a pair [h, w]';
        case 'padding': return 'a whole number, a pair [h, w], same or valid';
        case 'shape': return 'a shape, a list of whole numbers such as [3, 32, 32]';
        default: return 'a number, a (nested) list of numbers, or a value mapping';
    }
}
