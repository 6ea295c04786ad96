import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService } from 'yaml-language-server';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildSpecSchema, createEngine } from '../../../engine/src/index.js';

const root = join(import.meta.dirname, '..', '..', '..');
const schema = buildSpecSchema(createEngine().registry);
const SCHEMA_URI = 'file:///nir-yaml.schema.json';
let documentCount = 0;

/** Validates a YAML text against the schema with yaml-language-server, as an editor would. */
async function validate(text: string): Promise<string[]> {
    const service = getLanguageService({
        schemaRequestService: async (uri: string) => (uri === SCHEMA_URI ? JSON.stringify(schema) : Promise.reject(new Error(`no ${uri}`))),
        workspaceContext: { resolveRelativePath: (relative: string) => relative },
    });
    service.configure({ validate: true, schemas: [{ uri: SCHEMA_URI, fileMatch: ['*.nir.yaml'] }] });
    // yaml-language-server caches parsed documents by URI and version: give each text its own URI.
    const document = TextDocument.create(`file:///spec-${++documentCount}.nir.yaml`, 'yaml', 1, text);
    const diagnostics = await service.doValidation(document, false);
    return diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`);
}

describe('the JSON Schema of *.nir.yaml', () => {
    it('is committed up to date (run node scripts/write-schema.mjs after changing node kinds)', () => {
        const committed = JSON.parse(readFileSync(join(root, 'schemas', 'nir-yaml.schema.json'), 'utf8'));
        expect(committed).toEqual(schema);
    });

    it('has one node definition per registered kind, with parameter docs', () => {
        const engine = createEngine();
        const definitions = schema.definitions as Record<string, { properties: Record<string, { description?: string }>; required: string[] }>;
        for (const kind of engine.registry.nodeKinds.all()) {
            const node = definitions[`node-${kind.id}`];
            expect(node, kind.id).toBeDefined();
            for (const param of kind.params) expect(node.properties[param.name]?.description, `${kind.id}.${param.name}`).toContain(param.doc);
            expect(node.required).toEqual(['type', ...kind.params.filter((p) => p.required).map((p) => p.name)]);
        }
    });

    it('accepts every valid example', async () => {
        const examples = readdirSync(join(root, 'examples')).filter((n) => n.endsWith('.nir.yaml') && n !== 'mistakes.nir.yaml');
        expect(examples.length).toBeGreaterThanOrEqual(4);
        for (const name of examples) expect(await validate(readFileSync(join(root, 'examples', name), 'utf8')), name).toEqual([]);
    });

    it('rejects misspelt value forms, bad dtypes and missing node types', async () => {
        const text = [
            'node:',
            '  type: NIRGraph',
            '  nodes:',
            '    fc: {type: Linear, weight: {shape: [2, 2], normall: {mean: 0, std: 1, seed: 1}}}',
            '    fc2: {type: Linear, weight: {dtype: float128, data: [[1]]}}',
            '    x: {shape: [2]}',
            '  edges: []',
            '',
        ].join('\n');
        const problems = await validate(text);
        expect(problems.some((p) => p.startsWith('4:'))).toBe(true);
        expect(problems.some((p) => p.startsWith('5:'))).toBe(true);
        expect(problems.some((p) => p.startsWith('6:'))).toBe(true);
    });
});
