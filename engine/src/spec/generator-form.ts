import type { Node as YamlNode } from 'yaml';
import { isMap } from './yaml-ast.js';
import type { DType, Generator } from '../nir/value.js';
import { isIntegerDType } from '../nir/value.js';
import type { Origin } from '../nir/origin.js';
import { describeNode, isNullScalar, type MapEntry, type SpecContext } from './spec-context.js';
import { literalToNumber, readNumberLiteral } from './number-literal.js';
import { literalToElement } from './encode-elements.js';

/**
 * The seeded generator forms: `zeros: true`, `ones: true`, `constant: x`, `uniform: {low, high,
 * seed}`, `normal: {mean, std, seed}`, `fixed_probability: {p, weight, seed}` and
 * `one_to_one: x`. They stay recipes (`TensorSource.kind = 'generated'`).
 */

/** Every generator key, in the order the docs and the schema list them. */
export const GENERATOR_NAMES = ['zeros', 'ones', 'constant', 'uniform', 'normal', 'fixed_probability', 'one_to_one'] as const;

/** A generator key. */
export type GeneratorName = (typeof GENERATOR_NAMES)[number];

const ARGUMENTS: Readonly<Record<'uniform' | 'normal' | 'fixed_probability', readonly string[]>> = {
    uniform: ['low', 'high', 'seed'],
    normal: ['mean', 'std', 'seed'],
    fixed_probability: ['p', 'weight', 'seed'],
};

/** True for a generator key. */
export function isGeneratorName(name: string): name is GeneratorName {
    return (GENERATOR_NAMES as readonly string[]).includes(name);
}

/** Reads the generator under key `entry.name`, for elements of `dtype`. Reports and returns undefined when it is malformed. */
export function readGenerator(ctx: SpecContext, entry: MapEntry, dtype: DType, path: string): Generator | undefined {
    const origin = ctx.problemOrigin(path, entry.value, entry.keyNode);
    const name = entry.name as GeneratorName;
    switch (name) {
        case 'zeros': case 'ones': {
            const literal = readNumberLiteral(ctx, entry.value);
            if (literal?.kind !== 'bool' || !literal.value) return bad(ctx, `Write '${name}: true'; found ${describeNode(entry.value)}.`, origin);
            return { kind: name };
        }
        case 'constant': case 'one_to_one': {
            const value = readValue(ctx, entry.value, dtype, origin, name);
            return value === undefined ? undefined : { kind: name, value };
        }
        case 'uniform': case 'normal': case 'fixed_probability':
            return readWithArguments(ctx, name, entry, dtype, path, origin);
    }
}

function readWithArguments(
    ctx: SpecContext,
    name: 'uniform' | 'normal' | 'fixed_probability',
    entry: MapEntry,
    dtype: DType,
    path: string,
    origin: Origin,
): Generator | undefined {
    const expected = ARGUMENTS[name];
    if (!entry.value || !isMap(entry.value)) return bad(ctx, `${name} takes a mapping {${expected.join(', ')}}; found ${describeNode(entry.value)}.`, origin);
    if (name !== 'fixed_probability' && isIntegerDType(dtype)) {
        return bad(ctx, `${name} draws real numbers; it cannot fill ${dtype} elements (use a float dtype, or constant/zeros/ones).`, origin);
    }
    const args = new Map<string, MapEntry>();
    for (const arg of ctx.entries(entry.value)) {
        if (expected.includes(arg.name)) args.set(arg.name, arg);
        else ctx.report({ code: 'spec/unknown-key', message: `${name} has no argument '${arg.name}'; it takes ${expected.join(', ')}.`, origin: ctx.origin(path, arg.keyNode, arg.keyNode) });
    }
    const missing = expected.filter((a) => !args.has(a) || isNullScalar(args.get(a)?.value));
    if (missing.length > 0) return bad(ctx, `${name} needs ${missing.join(' and ')} (it takes ${expected.join(', ')}).`, ctx.origin(path, entry.keyNode, entry.keyNode));
    const num = (arg: string): number | undefined => readReal(ctx, args.get(arg) as MapEntry, path);
    const seed = readSeed(ctx, args.get('seed') as MapEntry, path);
    if (name === 'uniform') {
        const [low, high] = [num('low'), num('high')];
        if (low === undefined || high === undefined || seed === undefined) return undefined;
        if (low > high) return bad(ctx, `uniform needs low ≤ high; here low is ${low} and high is ${high}.`, origin);
        return { kind: 'uniform', low, high, seed };
    }
    if (name === 'normal') {
        const [mean, std] = [num('mean'), num('std')];
        if (mean === undefined || std === undefined || seed === undefined) return undefined;
        if (std < 0) return bad(ctx, `normal needs std ≥ 0; here it is ${std}.`, ctx.origin(path, args.get('std')?.value));
        return { kind: 'normal', mean, std, seed };
    }
    const p = num('p');
    const weight = readWeight(ctx, args.get('weight') as MapEntry, dtype, path);
    if (p === undefined || weight === undefined || seed === undefined) return undefined;
    if (p < 0 || p > 1) return bad(ctx, `fixed_probability needs 0 ≤ p ≤ 1; here p is ${p}.`, ctx.origin(path, args.get('p')?.value));
    return { kind: 'fixed_probability', p, weight, seed };
}

/** The `weight` of `fixed_probability`: a number, or one element-wise generator `{normal: {…}}`. */
function readWeight(ctx: SpecContext, entry: MapEntry, dtype: DType, path: string): Generator | undefined {
    const origin = ctx.problemOrigin(path, entry.value, entry.keyNode);
    if (entry.value && isMap(entry.value)) {
        const inner = ctx.entries(entry.value);
        const allowed = ['zeros', 'ones', 'constant', 'uniform', 'normal'];
        if (inner.length !== 1 || !allowed.includes(inner[0].name)) {
            return bad(ctx, `The weight of fixed_probability is a number or one of {${allowed.join('|')}: …}.`, origin);
        }
        return readGenerator(ctx, inner[0], dtype, path);
    }
    const value = readValue(ctx, entry.value, dtype, origin, 'weight');
    return value === undefined ? undefined : { kind: 'constant', value };
}

/** A number that must fit `dtype` (whole and in range for integer dtypes), as a double. */
function readValue(ctx: SpecContext, node: YamlNode | undefined, dtype: DType, origin: Origin, what: string): number | undefined {
    const literal = readNumberLiteral(ctx, node);
    if (!literal || literal.kind === 'bool') return bad(ctx, `${what} takes a number; found ${describeNode(node)}.`, origin);
    const element = literalToElement(ctx, literal, dtype, origin);
    return element === undefined ? undefined : Number(element);
}

function readReal(ctx: SpecContext, entry: MapEntry, path: string): number | undefined {
    const literal = readNumberLiteral(ctx, entry.value);
    const value = literal && literal.kind !== 'bool' ? literalToNumber(literal) : undefined;
    if (value === undefined || !Number.isFinite(value)) {
        return bad(ctx, `${entry.name} must be a finite number; found ${describeNode(entry.value)}.`, ctx.problemOrigin(path, entry.value, entry.keyNode));
    }
    return value;
}

function readSeed(ctx: SpecContext, entry: MapEntry, path: string): number | undefined {
    const literal = readNumberLiteral(ctx, entry.value);
    if (literal?.kind !== 'int' || literal.value < 0n || literal.value > BigInt(Number.MAX_SAFE_INTEGER)) {
        return bad(ctx, `seed must be a whole number from 0 to 2^53 − 1; found ${describeNode(entry.value)}.`, ctx.problemOrigin(path, entry.value, entry.keyNode));
    }
    return Number(literal.value);
}

/**
 * Checks a matrix generator against its final shape: `fixed_probability` and `one_to_one` are
 * 2-D `[out, in]`, `one_to_one` square. Reports `spec/bad-generator` and returns false otherwise.
 */
export function checkGeneratorShape(ctx: SpecContext, generator: Generator, shape: readonly number[], origin: Origin): boolean {
    if (generator.kind !== 'fixed_probability' && generator.kind !== 'one_to_one') return true;
    if (shape.length !== 2) {
        bad(ctx, `${generator.kind} builds a 2-D [out, in] weight matrix, but the shape is [${shape.join(', ')}].`, origin);
        return false;
    }
    if (generator.kind === 'one_to_one' && shape[0] !== shape[1]) {
        bad(ctx, `one_to_one builds a square matrix, but the shape is [${shape.join(', ')}].`, origin);
        return false;
    }
    return true;
}

function bad(ctx: SpecContext, message: string, origin: Origin): undefined {
    ctx.report({ code: 'spec/bad-generator', message, origin });
    return undefined;
}
