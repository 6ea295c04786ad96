import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `spinnaker2/route-verification` guards against a minimiser bug, which no real network triggers.
 * Here the minimiser is replaced by one that drops each table's first entry, so the verifier must
 * catch it and the mapping must report it on a population, as an error.
 */
vi.mock('../../../engine/src/routing/index.js', async (original) => {
    const routing = await original<typeof import('../../../engine/src/routing/index.js')>();
    return { ...routing, minimiseTable: (table: Parameters<typeof routing.minimiseTable>[0]) => routing.minimiseTable(table).slice(1) };
});

const { createEngine } = await import('../../../engine/src/index.js');

describe('route verification', () => {
    it('reports a minimised table that routes a key differently, as an error on a population', async () => {
        const text = readFileSync(join(import.meta.dirname, 'fixtures', 'two-layer.nir.yaml'), 'utf8');
        const result = await createEngine().analyze({ kind: 'spec', text }, { target: 'spinnaker2-chip', categories: ['fast', 'slow'] });
        const found = result.problems.filter((p) => p.code === 'spinnaker2/route-verification');
        expect(found.length).toBeGreaterThan(0);
        expect(found[0].severity).toBe('error');
        expect(found[0].message).toMatch(/^the minimised routing table of chip \(\d+,\d+\) routes key 0x[0-9a-f]+ to .* instead of .*; this is a NIRmesh bug/);
        expect(found[0].origin.path).toMatch(/^\/node\/nodes\//);
    });
});
