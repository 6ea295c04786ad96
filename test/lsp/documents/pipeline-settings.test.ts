import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource } from 'vscode-languageserver';
import { createEngine } from '../../../engine/src/index.js';
import { LoadCache, Pipeline, specInput } from '../../../server/src/documents/index.js';
import { DocumentState, type ServerSettings } from '../../../server/src/server-context.js';
import { DEFAULT_SETTINGS } from '../../../server/src/settings.js';

const engine = createEngine();
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', '..', name), 'utf8');

/** Runs the server's pipeline on a spec text to the mapped state with the given settings. */
async function mapped(text: string, settings: Partial<ServerSettings>) {
    const pipeline = new Pipeline(engine, new LoadCache(engine), { error: (m) => { throw new Error(m); } });
    const snapshot = await pipeline.run({
        input: specInput(TextDocument.create('file:///net.nir.yaml', 'nir-yaml', 1, text)),
        settings: { ...DEFAULT_SETTINGS, ...settings },
        goal: () => DocumentState.Mapped,
        from: DocumentState.Changed,
        filesEpoch: 0,
        token: new CancellationTokenSource().token,
        emit: () => undefined,
    });
    return snapshot.result;
}

describe('the nirmesh.neuronsPerCore and nirmesh.timeUnit settings', () => {
    it('give the mapper its default neurons per PE per type', async () => {
        const text = fixture('lsp/fixtures/mappable.nir.yaml');
        const lif = (await mapped(text, {})).mapping?.nodes.find((n) => n.name === 'lif');
        const preset = (await mapped(text, { neuronsPerCore: { LIF: 3 } })).mapping?.nodes.find((n) => n.name === 'lif');
        expect([lif?.pes.length, lif?.neuronsPerCoreSource]).toEqual([1, 'model-limit']);
        expect([preset?.pes.length, preset?.neuronsPerCore, preset?.neuronsPerCoreSource]).toEqual([3, 3, 'default']);
    });

    it('set the unit the delay check reads Delay values in', async () => {
        const text = fixture('fixtures/cli/delayed.nir.yaml');
        const delayRange = async (timeUnit: 's' | 'ms') =>
            (await mapped(text, { timeUnit })).problems.filter((p) => p.code === 'spinnaker2/delay-range');
        expect(await delayRange('s')).toHaveLength(1);
        expect(await delayRange('ms')).toEqual([]);
    });
});
