import type { Node as YamlNode, YAMLMap, YAMLSeq } from 'yaml';
import { isMap, isScalar, isSeq } from './yaml-ast.js';
import type { DType, NirDict, NirValue } from '../nir/value.js';
import type { Origin } from '../nir/origin.js';
import { describeNode, isNullScalar, type SpecContext } from './spec-context.js';
import { readNumberLiteral, type NumberLiteral } from './number-literal.js';
import { readNestedList } from './nested-list.js';
import { encodeLeaves } from './encode-elements.js';
import { broadcastLiteral } from './broadcast.js';
import { lowerValueForm, VALUE_FORM_KEYS } from './value-form.js';
import { denseTensor, isDeferred } from './lowered.js';
import { MAX_NESTING } from './prescan.js';

/**
 * `metadata:` read the way h5py stores Python values: string → string, integer literal → int64,
 * float literal → float64, `true/false` → bool, a list of numbers → an array (int64 when every
 * literal is an integer, bool when every one is a boolean, else float64), a mapping → a group.
 * A mapping with a `dtype` key is an explicit array, `{file: …}` an array from a file. A list
 * of anything else (strings, mappings) becomes a group with keys `0`, `1`, ….
 */

/** Lowers a `metadata:` value (null or absent gives an empty dict). */
export function lowerMetadata(ctx: SpecContext, path: string, node: YamlNode | undefined, key?: YamlNode, depth = 0): NirDict {
    const origin = ctx.origin(path, node, key);
    if (isNullScalar(node)) return { kind: 'dict', entries: new Map(), origin };
    if (!node || !isMap(node)) {
        ctx.report({ code: 'spec/unexpected-value', message: `metadata is a mapping of names to values; found ${describeNode(node)}.`, origin });
        return { kind: 'dict', entries: new Map(), origin };
    }
    return lowerGroup(ctx, path, node, origin, depth);
}

function lowerGroup(ctx: SpecContext, path: string, map: YAMLMap, origin: Origin, depth: number): NirDict {
    const entries = new Map<string, NirValue>();
    for (const entry of ctx.entries(map)) {
        const value = lowerEntry(ctx, `${path}/${entry.name}`, entry.value, entry.keyNode, depth + 1);
        if (value) entries.set(entry.name, value);
    }
    return { kind: 'dict', entries, origin };
}

function lowerEntry(ctx: SpecContext, path: string, node: YamlNode | undefined, key: YamlNode | undefined, depth: number): NirValue | undefined {
    const origin = ctx.origin(path, node, key);
    if (depth > MAX_NESTING) {
        ctx.report({ code: 'spec/too-large', message: `metadata is nested more than ${MAX_NESTING} levels deep.`, origin });
        return undefined;
    }
    if (isNullScalar(node)) {
        ctx.report({ code: 'spec/unexpected-value', message: 'A metadata entry needs a value (NIR files cannot store an empty one).', origin: ctx.problemOrigin(path, node, key) });
        return undefined;
    }
    if (node && isScalar(node) && typeof node.value === 'string') return { kind: 'string', value: node.value, origin };
    if (node && isMap(node)) {
        if (isArrayForm(ctx, node)) {
            const value = lowerValueForm(ctx, { path, key, node }, node, { dtype: 'float64', perElement: false });
            return isDeferred(value) ? undefined : value;
        }
        return lowerGroup(ctx, path, node, origin, depth);
    }
    if (node && isSeq(node)) return lowerList(ctx, path, node, origin, depth);
    const literal = readNumberLiteral(ctx, node);
    if (!literal) {
        ctx.report({ code: 'spec/unexpected-value', message: `Metadata values are strings, numbers, lists or mappings; found ${describeNode(node)}.`, origin });
        return undefined;
    }
    return broadcastLiteral(ctx, literal, dtypeOf([literal]), [], origin);
}

/** A mapping with a `dtype` key and only value keys, or a bare `{file: …}` reference. */
function isArrayForm(ctx: SpecContext, map: YAMLMap): boolean {
    const names = ctx.entries(map).map((e) => e.name);
    if (names.includes('file') && names.every((n) => n === 'file' || n === 'path')) return true;
    return names.includes('dtype') && names.every((n) => VALUE_FORM_KEYS.includes(n));
}

function lowerList(ctx: SpecContext, path: string, seq: YAMLSeq, origin: Origin, depth: number): NirValue | undefined {
    const numeric = allNumeric(ctx, seq, depth);
    if (numeric) {
        const list = readNestedList(ctx, seq, origin);
        if (!list) return undefined;
        const literals = list.leaves.map((leaf) => readNumberLiteral(ctx, leaf) as NumberLiteral);
        const data = encodeLeaves(ctx, list.leaves, dtypeOf(literals), origin);
        return data ? denseTensor(dtypeOf(literals), list.shape, data, origin) : undefined;
    }
    const entries = new Map<string, NirValue>();
    (seq.items as YamlNode[]).forEach((raw, i) => {
        const value = lowerEntry(ctx, `${path}/${i}`, ctx.deref(raw), undefined, depth + 1);
        if (value) entries.set(String(i), value);
    });
    return { kind: 'dict', entries, origin };
}

/** True when every leaf of a (nested) list is a number or boolean. */
function allNumeric(ctx: SpecContext, node: YamlNode | undefined, depth: number): boolean {
    if (depth > MAX_NESTING) return false;
    if (node && isSeq(node)) return (node.items as YamlNode[]).every((item) => allNumeric(ctx, ctx.deref(item), depth + 1));
    return readNumberLiteral(ctx, node) !== undefined;
}

/** bool when every literal is a boolean, int64 when every one is an integer (or boolean), else float64. */
function dtypeOf(literals: readonly NumberLiteral[]): DType {
    if (literals.length > 0 && literals.every((l) => l.kind === 'bool')) return 'bool';
    if (literals.length > 0 && literals.every((l) => l.kind !== 'float')) return 'int64';
    return 'float64';
}
