import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, type MappingResult, type Problem } from '../../../engine/src/index.js';
import { CARRIED_NOTE, carryMappingProblems } from '../../../server/src/documents/carry-mapping.js';
import { DocumentState, type DocumentSnapshot } from '../../../server/src/server-context.js';
import { edit } from './compare-models.js';

const engine = createEngine();
const MIXED = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'mixed.nir.yaml'), 'utf8');

/** A mapped snapshot of `text` whose mapping reported `problems` (and whose fast checks reported `fast`). */
async function mappedSnapshot(text: string, problems: Problem[], fast: Problem[] = []): Promise<DocumentSnapshot> {
    const { document } = await engine.load({ kind: 'spec', text });
    const mapping = { problems } as unknown as MappingResult;
    const all = [...fast, ...problems];
    return { uri: 'file:///m.nir.yaml', version: 1, format: 'spec', state: DocumentState.Mapped, result: { document, mapping, problems: all }, problems: all };
}

const at = (path: string, extra: Partial<Problem> = {}): Problem => ({ code: 'spinnaker2/too-many-pes', severity: 'error', message: 'does not fit', origin: { path }, ...extra });

describe('carryMappingProblems', () => {
    it('places the last mapping\'s problems at their elements in the edited text, and says where they come from', async () => {
        const mapped = await mappedSnapshot(MIXED, [at('/node/nodes/lif1/tau', { related: [{ message: 'shares a PE', origin: { path: '/node/nodes/scale' } }] })], [at('/node/nodes/fc1', { code: 'nir/param-value' })]);
        const text = edit(MIXED, MIXED.indexOf('    fc1:'), MIXED.indexOf('    fc1:'), '    # a new comment line above\n');
        const { document } = await engine.load({ kind: 'spec', text });
        const carried = carryMappingProblems(mapped, document!, engine.registry);
        expect(carried).toHaveLength(1); // the fast-check problem is not carried: the fast checks run again
        const [problem] = carried;
        expect(problem.message).toBe(`does not fit${CARRIED_NOTE}`);
        expect(text.slice(problem.origin.span?.start, problem.origin.span?.end)).toBe('0.02');
        expect(text.slice(problem.related?.[0].origin.keySpan?.start, problem.related?.[0].origin.keySpan?.end)).toBe('scale');
    });

    it('falls back to the nearest element still there, and drops problems of removed nodes', async () => {
        const mapped = await mappedSnapshot(MIXED, [at('/node/nodes/lif1/metadata/spinnaker2/neurons_per_core'), at('/node/nodes/thr')]);
        const withoutHint = MIXED.replace('        spinnaker2: {neurons_per_core: 128, record: [spikes]}\n', '').replace(/    thr: .*\n/, '');
        const { document } = await engine.load({ kind: 'spec', text: withoutHint });
        const carried = carryMappingProblems(mapped, document!, engine.registry);
        expect(carried.map((p) => p.origin.path)).toEqual(['/node/nodes/lif1/metadata/spinnaker2/neurons_per_core']);
        const start = carried[0].origin.span?.start ?? -1;
        expect(withoutHint.slice(start, start + 'note:'.length)).toBe('note:'); // the metadata mapping
    });

    it('carries the problems of slow checks too, recognised by their ids', async () => {
        const slow = engine.registry.checks.all().find((check) => check.category === 'slow');
        expect(slow).toBeDefined();
        const fromCheck = at('/node/nodes/lif1', { code: slow!.id });
        const mapped = await mappedSnapshot(MIXED, []);
        const withCheck = { ...mapped, problems: [fromCheck], result: { ...mapped.result, problems: [fromCheck] } };
        const { document } = await engine.load({ kind: 'spec', text: MIXED });
        expect(carryMappingProblems(withCheck, document!, engine.registry).map((p) => p.code)).toEqual([slow!.id]);
    });
});
