import type { Node as YamlNode } from 'yaml';
import { isScalar, isSeq } from './yaml-ast.js';
import { DTYPES, type DType } from '../nir/value.js';
import type { Origin } from '../nir/origin.js';
import { describeNode, type SpecContext } from './spec-context.js';
import { readNumberLiteral } from './number-literal.js';

/** Reading the `shape:` and `dtype:` keys of value forms (and the YAML-only node `shape:`). */

/**
 * Reads a shape: a flat list of whole numbers ≥ 0 whose product is a safe integer. Reports
 * `spec/bad-shape` or `spec/huge-shape` and returns undefined otherwise.
 */
export function readShape(ctx: SpecContext, node: YamlNode | undefined, origin: Origin): number[] | undefined {
    if (!node || !isSeq(node)) {
        ctx.report({ code: 'spec/bad-shape', message: `A shape is a list of whole numbers such as [8] or [10, 784]; found ${describeNode(node)}.`, origin });
        return undefined;
    }
    const dims: number[] = [];
    for (const raw of node.items as YamlNode[]) {
        const item = ctx.deref(raw);
        const literal = readNumberLiteral(ctx, item);
        const dim = literal?.kind === 'int' ? literal.value : undefined;
        if (dim === undefined || dim < 0n || dim > BigInt(Number.MAX_SAFE_INTEGER)) {
            ctx.report({ code: 'spec/bad-shape', message: `Shape dimensions are whole numbers ≥ 0; found ${describeNode(item)}.`, origin: { ...origin, span: ctx.span(raw) ?? origin.span } });
            return undefined;
        }
        dims.push(Number(dim));
    }
    const count = dims.reduce((n, d) => n * d, 1);
    if (!Number.isSafeInteger(count)) {
        ctx.report({ code: 'spec/huge-shape', message: `The shape [${dims.join(', ')}] has ${count.toExponential(2)} elements, more than any tensor can have (2^53).`, origin });
        return undefined;
    }
    return dims;
}

/** Reads a dtype name; reports `spec/unknown-dtype` and returns `fallback` when it is not one of `DTYPES`. */
export function readDType(ctx: SpecContext, node: YamlNode | undefined, origin: Origin, fallback: DType): DType {
    const name = node && isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
    if (name && (DTYPES as readonly string[]).includes(name)) return name as DType;
    const hint = name ? closestDType(name) : undefined;
    ctx.report({ code: 'spec/unknown-dtype', message: `Unknown dtype ${name ? `'${name}'` : describeNode(node)}${hint ? ` (did you mean '${hint}'?)` : ''}; use one of ${DTYPES.join(', ')}. Reading it as ${fallback}.`, origin });
    return fallback;
}

/** A dtype that a misspelling probably meant (`float` → float64, `f4` → float32, `int` → int64). */
function closestDType(name: string): DType | undefined {
    const aliases: Record<string, DType> = {
        float: 'float64', double: 'float64', f8: 'float64', f4: 'float32', single: 'float32', half: 'float16', f2: 'float16',
        int: 'int64', long: 'int64', i8: 'int64', i4: 'int32', uint: 'uint64', boolean: 'bool', b1: 'bool',
    };
    const lower = name.toLowerCase().replace(/^(np|numpy|torch)\./, '');
    if ((DTYPES as readonly string[]).includes(lower)) return lower as DType;
    return aliases[lower];
}
