import type { YAMLMap } from 'yaml';
import { isSeq } from './yaml-ast.js';
import type { DType, NirValue } from '../nir/value.js';
import type { Origin } from '../nir/origin.js';
import { elementCount } from '../nir/value.js';
import { describeNode, type MapEntry, type SpecContext } from './spec-context.js';
import { readNumberLiteral } from './number-literal.js';
import { readNestedList } from './nested-list.js';
import { encodeLeaves } from './encode-elements.js';
import { readDType, readShape } from './shape-and-dtype.js';
import { checkGeneratorShape, GENERATOR_NAMES, isGeneratorName, readGenerator } from './generator-form.js';
import { readFileReference } from './file-reference.js';
import { broadcastLiteral, deferredBroadcast, reportShapeUnknown } from './broadcast.js';
import { closestName } from '../util/closest-name.js';
import { denseTensor, generatedTensor, type Lowered, type ValueDefaults, type ValueSite } from './lowered.js';

/**
 * The mapping forms of a value: `{dtype?, shape?, data}`, the generators
 * (`{dtype?, shape?, normal: {…}}`) and file references (`{file, path?}`).
 */

/** The keys a value mapping may have. */
export const VALUE_FORM_KEYS: readonly string[] = ['dtype', 'shape', 'data', ...GENERATOR_NAMES, 'file', 'path'];

/** The keys that each name one form; a value mapping has exactly one of them. */
const FORM_KEYS: readonly string[] = ['data', ...GENERATOR_NAMES, 'file'];

/** Lowers a value written as a mapping. */
export function lowerValueForm(ctx: SpecContext, site: ValueSite, map: YAMLMap, defaults: ValueDefaults, isWeight = false): Lowered {
    const origin = ctx.origin(site.path, map, site.key);
    const entries = new Map<string, MapEntry>();
    let unknownKeys = 0;
    for (const entry of ctx.entries(map)) {
        if (VALUE_FORM_KEYS.includes(entry.name)) entries.set(entry.name, entry);
        else {
            unknownKeys++;
            const closest = closestName(entry.name, VALUE_FORM_KEYS);
            const hint = closest ? `the closest value key is '${closest}'` : `a value mapping has ${describeForms()}`;
            ctx.report({ code: 'spec/unknown-key', message: `'${entry.name}' is not part of a value; ${hint}.`, origin: ctx.origin(site.path, entry.keyNode, entry.keyNode) });
        }
    }
    const forms = FORM_KEYS.filter((k) => entries.has(k));
    // A misspelt form key (`nrmal:`) is the one mistake: it was reported above.
    if (forms.length === 0 && unknownKeys > 0) return undefined;
    if (forms.length !== 1) {
        const message = forms.length === 0
            ? `This mapping is not a value: write ${describeForms()}.`
            : `A value has one form, but this one has ${forms.join(' and ')}.`;
        ctx.report({ code: 'spec/unknown-value-form', message, origin: { ...origin, span: ctx.span(forms.length > 1 ? entries.get(forms[1])?.keyNode : map) ?? origin.span } });
        return undefined;
    }
    const form = forms[0];
    if (form === 'file') {
        for (const key of ['dtype', 'shape']) {
            const entry = entries.get(key);
            if (entry) ctx.report({ code: 'spec/unknown-key', message: `A file reference takes its ${key} from the file; remove '${key}'.`, origin: ctx.origin(site.path, entry.keyNode, entry.keyNode) });
        }
        return readFileReference(ctx, entries.get('file') as MapEntry, entries.get('path'), origin);
    }
    const pathEntry = entries.get('path');
    if (pathEntry) ctx.report({ code: 'spec/unknown-key', message: "'path' belongs to a file reference ({file: other.nir, path: …}).", origin: ctx.origin(site.path, pathEntry.keyNode, pathEntry.keyNode) });
    const dtypeEntry = entries.get('dtype');
    const dtype = dtypeEntry ? readDType(ctx, dtypeEntry.value, ctx.problemOrigin(site.path, dtypeEntry.value, dtypeEntry.keyNode), defaults.dtype) : defaults.dtype;
    const shapeEntry = entries.get('shape');
    const shape = shapeEntry ? readShape(ctx, shapeEntry.value, ctx.problemOrigin(site.path, shapeEntry.value, shapeEntry.keyNode)) : undefined;
    if (shapeEntry && !shape) return undefined;
    const formEntry = entries.get(form) as MapEntry;
    if (form === 'data') return lowerData(ctx, formEntry, dtype, shape, origin, defaults, isWeight);
    if (!isGeneratorName(form)) return undefined;
    const generator = readGenerator(ctx, formEntry, dtype, site.path);
    if (!generator) return undefined;
    const finish = (final: readonly number[]): NirValue | undefined =>
        checkGeneratorShape(ctx, generator, final, origin) ? generatedTensor(dtype, final, generator, origin) : undefined;
    if (shape) return finish(shape);
    if (!defaults.perElement || isWeight || generator.kind === 'fixed_probability' || generator.kind === 'one_to_one') {
        reportShapeUnknown(ctx, origin, true, `a ${form} generator without one`);
        return undefined;
    }
    return {
        kind: 'deferred',
        resolve: (elementShape, quiet) => {
            if (elementShape) return finish(elementShape);
            if (!quiet) reportShapeUnknown(ctx, origin, false, `this ${form} generator`);
            return undefined;
        },
    };
}

function lowerData(
    ctx: SpecContext,
    entry: MapEntry,
    dtype: DType,
    shape: number[] | undefined,
    origin: Origin,
    defaults: ValueDefaults,
    isWeight: boolean,
): Lowered {
    const value = entry.value;
    if (value && isSeq(value)) {
        const list = readNestedList(ctx, value, origin);
        if (!list) return undefined;
        let final = list.shape;
        if (shape && shape.join() !== list.shape.join()) {
            if (list.shape.length !== 1 || elementCount(shape) !== list.leaves.length) {
                ctx.report({
                    code: 'spec/data-shape-mismatch',
                    message: `data has shape [${list.shape.join(', ')}] (${list.leaves.length} elements) but shape is [${shape.join(', ')}] (${elementCount(shape)} elements); give a nested list of that shape or a flat list of ${elementCount(shape)} numbers.`,
                    origin: { ...origin, span: ctx.span(value) ?? origin.span },
                });
                return undefined;
            }
            final = shape;
        }
        const data = encodeLeaves(ctx, list.leaves, dtype, origin);
        return data ? denseTensor(dtype, final, data, origin) : undefined;
    }
    const literal = readNumberLiteral(ctx, value);
    const valueOrigin = ctx.problemOrigin(origin.path, value, entry.keyNode);
    if (!literal) {
        ctx.report({ code: 'spec/unexpected-value', message: `data is a number or a (nested) list of numbers; found ${describeNode(value)}.`, origin: valueOrigin });
        return undefined;
    }
    if (shape) return broadcastLiteral(ctx, literal, dtype, shape, origin);
    if (!defaults.perElement) return broadcastLiteral(ctx, literal, dtype, [], origin);
    return deferredBroadcast(ctx, literal, dtype, origin, isWeight);
}

function describeForms(): string {
    return `{dtype?, shape?, data}, a generator ({shape, ${GENERATOR_NAMES.join('|')}: …}) or a file reference ({file: x.npy})`;
}
