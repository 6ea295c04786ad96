import { DTYPES } from '../nir/value.js';
import type { ParamKind } from '../plugins/node-kind.js';

/**
 * JSON Schema (draft-07) definitions of the value forms of `*.nir.yaml`: numbers, nested lists,
 * `{dtype, shape, data}`, the seeded generators and file references, and the integer parameter
 * kinds. `buildSpecSchema` puts them under `definitions`.
 */

/** A JSON Schema object (plain data). */
export type JsonSchema = { readonly [key: string]: unknown };

const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });

const shapeKey: JsonSchema = { $ref: '#/definitions/shape', description: 'The tensor shape; defaults to the node shape for per-element parameters.' };
const dtypeKey: JsonSchema = { $ref: '#/definitions/dtype' };

/** A value form mapping: `dtype`, `shape` and exactly one form key. */
function form(key: string, value: JsonSchema, description: string): JsonSchema {
    return {
        type: 'object',
        description,
        properties: { dtype: dtypeKey, shape: shapeKey, [key]: value },
        required: [key],
        additionalProperties: false,
    };
}

function args(names: readonly string[], properties: Record<string, JsonSchema>): JsonSchema {
    return { type: 'object', properties, required: [...names], additionalProperties: false };
}

const real = (description: string): JsonSchema => ({ type: 'number', description });
const seed: JsonSchema = { type: 'integer', minimum: 0, description: 'Seed of the deterministic random stream.' };

const GENERATOR_ARGUMENTS: Record<string, JsonSchema> = {
    uniform: args(['low', 'high', 'seed'], { low: real('Lower bound (inclusive).'), high: real('Upper bound (exclusive).'), seed }),
    normal: args(['mean', 'std', 'seed'], { mean: real('Mean.'), std: { type: 'number', minimum: 0, description: 'Standard deviation.' }, seed }),
};

/** The definitions every other schema part refers to. */
export const VALUE_DEFINITIONS: Readonly<Record<string, JsonSchema>> = {
    dtype: { enum: [...DTYPES], description: 'Element type (numpy name), as stored in the .nir file.' },
    shape: { type: 'array', items: { type: 'integer', minimum: 0 }, description: 'A shape: one whole number per dimension, e.g. [128] or [8, 2, 3, 3].' },
    numberList: {
        type: 'array',
        description: 'A dense array as a (nested) list of numbers; every row has the same length.',
        items: { anyOf: [{ type: 'number' }, { type: 'boolean' }, ref('numberList')] },
    },
    dataForm: form('data', { anyOf: [{ type: 'number' }, { type: 'boolean' }, ref('numberList')] }, '{dtype?, shape?, data}: a scalar broadcast to shape, a nested list, or a flat list reshaped to shape.'),
    zeros: form('zeros', { const: true }, 'All zeros (procedural).'),
    ones: form('ones', { const: true }, 'All ones (procedural).'),
    constant: form('constant', { type: 'number' }, 'One value everywhere (procedural).'),
    uniform: form('uniform', GENERATOR_ARGUMENTS.uniform, 'Seeded uniform random values in [low, high) (procedural).'),
    normal: form('normal', GENERATOR_ARGUMENTS.normal, 'Seeded normal random values (procedural).'),
    elementGenerator: {
        description: 'The weight of each existing connection: a number or an element-wise generator.',
        anyOf: [
            { type: 'number' },
            args(['zeros'], { zeros: { const: true } }),
            args(['ones'], { ones: { const: true } }),
            args(['constant'], { constant: { type: 'number' } }),
            args(['uniform'], { uniform: GENERATOR_ARGUMENTS.uniform }),
            args(['normal'], { normal: GENERATOR_ARGUMENTS.normal }),
        ],
    },
    fixedProbability: form(
        'fixed_probability',
        args(['p', 'weight', 'seed'], { p: { type: 'number', minimum: 0, maximum: 1, description: 'Probability that a connection exists.' }, weight: ref('elementGenerator'), seed }),
        'Sparse 2-D [out, in] connectivity: each entry exists with probability p (procedural; never stored).',
    ),
    oneToOne: form('one_to_one', { type: 'number' }, 'A square 2-D matrix with this value on the diagonal (procedural).'),
    fileReference: {
        type: 'object',
        description: 'An array read from a .npy file, or from a dataset of a .nir file, beside the spec.',
        properties: {
            file: { type: 'string', pattern: '\\.(npy|nir|h5|hdf5)$', description: 'Path relative to the spec; it may not leave the spec folder.' },
            path: { type: 'string', description: 'For .nir files: the dataset path, e.g. /node/nodes/fc1/weight.' },
        },
        required: ['file'],
        additionalProperties: false,
    },
    tensor: {
        description: 'A number (broadcast to the node shape), a nested list, {dtype, shape, data}, a generator or a file reference.',
        anyOf: [{ type: 'number' }, ref('numberList'), ref('dataForm'), ref('zeros'), ref('ones'), ref('constant'), ref('uniform'), ref('normal'), ref('fixedProbability'), ref('oneToOne'), ref('fileReference')],
    },
    int: { description: 'A whole number (int64).', anyOf: [{ type: 'integer' }, ref('dataForm'), ref('fileReference')] },
    intOrPair: {
        description: 'A whole number or a pair [h, w] (int64).',
        anyOf: [{ type: 'integer' }, { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 2 }, ref('dataForm'), ref('fileReference')],
    },
    padding: {
        description: 'A whole number, a pair [h, w], or same / valid.',
        anyOf: [{ type: 'integer' }, { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 2 }, { enum: ['same', 'valid'] }, ref('dataForm'), ref('fileReference')],
    },
    shapeParam: { description: 'A shape (int64 list).', anyOf: [ref('shape'), ref('dataForm'), ref('fileReference')] },
};

/** The definition a parameter kind's values follow. */
export function paramKindSchema(kind: ParamKind): JsonSchema {
    const names: Record<ParamKind, string> = { tensor: 'tensor', int: 'int', 'int-or-pair': 'intOrPair', padding: 'padding', shape: 'shapeParam' };
    return ref(names[kind]);
}
