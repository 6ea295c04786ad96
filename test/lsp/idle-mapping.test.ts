/**
 * The server's default judges the fit without a save: a checked version left alone is mapped, and
 * its resource diagnostics are published (the built `dist/server.cjs`, over stdio).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspTestClient } from '../helpers/lsp-client.js';

/** 40,000 LIF neurons: every graph and target rule passes, but one chip has too few PEs. */
const TOO_BIG = readFileSync(join(import.meta.dirname, '..', 'engine', 'mapping', 'fixtures', 'too-many-pes-for-a-chip.nir.yaml'), 'utf8');
const URI = 'file:///idle/too-big.nir.yaml';

let client: LspTestClient | undefined;
afterEach(() => client?.dispose());

describe('mapping by default', () => {
    it('publishes the fast diagnostics first, then the mapping\'s, with no save and no setting', async () => {
        client = LspTestClient.start({ settings: { target: 'spinnaker2-chip', validationDelayMs: 0 }, timeoutMs: 60_000 });
        await client.initialize();
        client.open(URI, TOO_BIG);
        const mapped = await client.waitForDiagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'spinnaker2/too-many-pes'));
        expect(mapped.version).toBe(1);
        const published = client.published.filter((p) => p.uri === URI);
        expect(published[0].diagnostics.map((d) => d.code)).not.toContain('spinnaker2/too-many-pes');
        expect(await client.shutdown()).toBe(0);
    });
});
