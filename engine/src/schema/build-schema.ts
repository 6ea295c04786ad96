import type { Registry } from '../plugins/registry.js';
import { VALUE_DEFINITIONS, type JsonSchema } from './value-schemas.js';
import { STRUCTURE_DEFINITIONS, kindDefinitionName, kindSchema, nodeSchema } from './graph-schemas.js';

/**
 * The JSON Schema (draft-07) of `*.nir.yaml`, generated from the registry's node kinds, so that
 * other YAML tools (yaml-language-server, IDEs) complete and validate specs too. Deterministic:
 * the same registry gives the same schema, key for key.
 */
export function buildSpecSchema(registry: Registry): JsonSchema {
    const kinds = registry.nodeKinds.all();
    const definitions: Record<string, JsonSchema> = { ...VALUE_DEFINITIONS, ...STRUCTURE_DEFINITIONS, node: nodeSchema(kinds) };
    for (const kind of kinds) definitions[kindDefinitionName(kind)] = kindSchema(kind);
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'NIR graph (*.nir.yaml)',
        description: 'A NIR graph written as YAML, mirroring the .nir (HDF5) layout. See docs/format.md.',
        type: 'object',
        properties: {
            version: { type: 'string', description: 'The NIR version string stored in /version, e.g. "1.0.8".' },
            node: { $ref: '#/definitions/node', description: 'The root node, normally a NIRGraph.' },
        },
        required: ['node'],
        additionalProperties: false,
        definitions,
    };
}
