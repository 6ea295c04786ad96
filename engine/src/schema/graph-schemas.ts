import type { NodeKind, ParamSpec } from '../plugins/node-kind.js';
import { paramKindSchema, type JsonSchema } from './value-schemas.js';

/**
 * JSON Schema definitions of nodes (one per registered kind, chosen by `type` with if/then),
 * graphs (`nodes`, `edges`), edges and metadata, including the SpiNNaker2 hints.
 */

const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });

/** Definitions of the structure around the values. */
export const STRUCTURE_DEFINITIONS: Readonly<Record<string, JsonSchema>> = {
    edge: {
        description: 'An edge: [source, target] or "source -> target" (names of nodes in the same graph).',
        anyOf: [
            { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 },
            { type: 'string', pattern: '^\\s*\\S.*->.*\\S\\s*$' },
        ],
    },
    metadataValue: {
        description: 'A string, a number (integer literals are int64, others float64), true/false, a list, a mapping, or {dtype, shape, data}.',
        anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array' }, { type: 'object' }],
    },
    metadata: {
        type: 'object',
        description: 'NIR metadata (stored in the .nir file). SpiNNaker2 hints live under spinnaker2.',
        properties: { spinnaker2: ref('spinnaker2Hints') },
        additionalProperties: ref('metadataValue'),
    },
    spinnaker2Hints: {
        type: 'object',
        description: 'Hints for mapping this node onto SpiNNaker2.',
        properties: {
            neurons_per_core: { type: 'integer', minimum: 1, description: 'Most neurons of this population placed on one PE.' },
            chip: { type: 'array', items: { type: 'integer', minimum: 0 }, minItems: 2, maxItems: 2, description: 'Pin the population to chip [x, y].' },
            core: { type: 'integer', minimum: 0, description: 'Pin the population to this PE of its chip.' },
            record: {
                description: 'What to record: spikes, v, v_last, time_done.',
                anyOf: [{ type: 'string' }, { type: 'array', items: { enum: ['spikes', 'v', 'v_last', 'time_done'] } }, { type: 'object' }],
            },
            delay: { type: 'integer', minimum: 0, description: 'Synaptic delay of a weight node, in steps.' },
        },
    },
};

/** The schema of one parameter: its value forms, with its documentation, unit and default. */
function paramSchema(param: ParamSpec): JsonSchema {
    const notes = [param.doc, param.unit ? `Unit: ${param.unit}.` : '', param.defaultValue !== undefined ? `Default: ${param.defaultValue}.` : ''].filter(Boolean).join(' ');
    return {
        allOf: [paramKindSchema(param.kind)],
        description: notes,
        ...(param.defaultValue !== undefined ? { default: param.defaultValue } : {}),
    };
}

/** The definition name of a kind's node schema. */
export function kindDefinitionName(kind: NodeKind): string {
    return `node-${kind.id}`;
}

/** The schema of a node of one kind: its parameters (required ones required), metadata, and graph members. */
export function kindSchema(kind: NodeKind): JsonSchema {
    const properties: Record<string, JsonSchema> = { type: { const: kind.id } };
    if (kind.category !== 'graph' && !kind.params.some((p) => p.name === 'shape')) {
        properties.shape = { $ref: '#/definitions/shape', description: 'The element shape that scalar parameters broadcast to (YAML only; not stored in the .nir file).' };
    }
    for (const param of kind.params) properties[param.name] = paramSchema(param);
    properties.metadata = ref('metadata');
    if (kind.category === 'graph') {
        properties.nodes = { type: 'object', description: 'Child nodes by name.', additionalProperties: ref('node'), propertyNames: { pattern: '^[^/]+$' } };
        properties.edges = { type: 'array', description: 'Edges between child nodes.', items: ref('edge') };
    }
    const description = [kind.summary, kind.equation].filter(Boolean).join('\n\n');
    return {
        type: 'object',
        description,
        properties,
        required: ['type', ...kind.params.filter((p) => p.required).map((p) => p.name)],
        additionalProperties: false,
    };
}

/** The node schema: `type` picks the kind's schema. */
export function nodeSchema(kinds: readonly NodeKind[]): JsonSchema {
    return {
        type: 'object',
        description: 'A NIR node: a type and its parameters (a NIRGraph also has nodes and edges).',
        properties: { type: { description: 'The NIR node type.', ...(kinds.length > 0 ? { enum: kinds.map((k) => k.id) } : { type: 'string' }) } },
        required: ['type'],
        allOf: kinds.map((kind) => ({
            if: { properties: { type: { const: kind.id } }, required: ['type'] },
            then: ref(kindDefinitionName(kind)),
        })),
    };
}
