import type { Node as YamlNode } from 'yaml';
import { isScalar } from './yaml-ast.js';
import type { SpecContext } from './spec-context.js';

/**
 * A number as written in YAML: integer literals (`1`, `-3`, `0x1f`, `0o17`) keep every digit as a
 * BigInt, float literals (`1.0`, `1e-3`, `.inf`, `.nan`) are doubles, and `true`/`false` are
 * booleans. The source text decides, so `1` and `1.0` differ (int64 vs float64 metadata).
 */
export type NumberLiteral =
    | { readonly kind: 'int'; readonly value: bigint }
    | { readonly kind: 'float'; readonly value: number }
    | { readonly kind: 'bool'; readonly value: boolean };

const INT_LITERAL = /^[-+]?[0-9]+$/;
const RADIX_LITERAL = /^0(o[0-7]+|x[0-9a-fA-F]+)$/;

/** Reads a scalar node as a number literal; undefined for strings, null and collections. */
export function readNumberLiteral(ctx: SpecContext, node: YamlNode | undefined): NumberLiteral | undefined {
    if (!node || !isScalar(node)) return undefined;
    const value = node.value;
    if (typeof value === 'boolean') return { kind: 'bool', value };
    if (typeof value === 'bigint') return { kind: 'int', value };
    if (typeof value !== 'number') return undefined;
    if (node.type !== 'PLAIN') return { kind: 'float', value };
    const source = ctx.scalarText(node);
    if (INT_LITERAL.test(source)) return { kind: 'int', value: BigInt(source) };
    if (RADIX_LITERAL.test(source)) return { kind: 'int', value: BigInt(source) };
    return { kind: 'float', value };
}

/** The literal as a double (integers beyond 2^53 round; booleans are 0 and 1). */
export function literalToNumber(literal: NumberLiteral): number {
    if (literal.kind === 'bool') return literal.value ? 1 : 0;
    return Number(literal.value);
}

/** The literal as an exact integer, or undefined when it has a fractional part or is not finite. */
export function literalToBigInt(literal: NumberLiteral): bigint | undefined {
    if (literal.kind === 'int') return literal.value;
    if (literal.kind === 'bool') return literal.value ? 1n : 0n;
    return Number.isInteger(literal.value) ? BigInt(literal.value) : undefined;
}
