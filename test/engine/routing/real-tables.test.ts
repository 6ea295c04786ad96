import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minimiseTable, parseRoutingTableFile, verifyTable, type ChipTable } from '../../../engine/src/routing/index.js';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'routing-tables');

function read(name: string): ChipTable[] {
    const { tables, error } = parseRoutingTableFile(new Uint8Array(readFileSync(join(dir, name))));
    expect(error).toBeUndefined();
    return tables;
}

describe.each(['centroid', 'gaussian'])('real SpiNNaker routing tables (%s)', (benchmark) => {
    const originals = read(`uncompressed_${benchmark}_sample.bin`);
    const published = read(`compressed_oc_spinnaker_${benchmark}_sample.bin`);

    it('reads every table of the sample', () => {
        expect(originals).toHaveLength(3);
        expect(published.map((t) => [t.x, t.y])).toEqual(originals.map((t) => [t.x, t.y]));
        for (const table of originals) {
            expect(table.entries.length).toBeGreaterThan(1024);
            expect(table.entries.every((e) => e.mask === 0xfffff800 && (e.key & ~e.mask) === 0)).toBe(true);
        }
    });

    it.each([0, 1, 2])('minimises table %i to no more than the published ordered covering, routing every key as before', (i) => {
        const original = originals[i].entries;
        const minimised = minimiseTable(original);
        expect(verifyTable(original, minimised)).toEqual({ ok: true });
        expect(minimised.length).toBeLessThanOrEqual(published[i].entries.length);
        expect(minimised.length).toBeLessThanOrEqual(1024);
        // The published minimiser's table passes the same verifier (default routes removed).
        expect(verifyTable(original, published[i].entries)).toEqual({ ok: true });
    });

    it('stops early at a target size and still routes every key as before', () => {
        const original = originals[0].entries;
        const minimised = minimiseTable(original, { targetSize: 1023 });
        expect(minimised.length).toBeLessThanOrEqual(1023);
        expect(minimised.length).toBeGreaterThan(minimiseTable(original).length);
        expect(verifyTable(original, minimised)).toEqual({ ok: true });
    });

    it('catches a table broken by moving its most general entry to the top', () => {
        const original = originals[1].entries;
        const minimised = minimiseTable(original);
        const general = minimised.reduce((best, e, i) => (e.mask >>> 0 < minimised[best].mask >>> 0 ? i : best), 0);
        const broken = [minimised[general], ...minimised.filter((_, i) => i !== general)];
        const verdict = verifyTable(original, broken);
        expect(verdict.ok).toBe(false);
        if (!verdict.ok) {
            expect(verdict.minimisedIndex).toBe(0);
            expect(verdict.expected.equals(original[verdict.originalIndex].route)).toBe(true);
        }
    });
});

describe('parseRoutingTableFile', () => {
    it('returns the complete tables and names the offset of a truncated one', () => {
        const bytes = new Uint8Array(readFileSync(join(dir, 'uncompressed_centroid_sample.bin')));
        const first = 4 + 16 * new DataView(bytes.buffer, bytes.byteOffset).getUint16(2, true);
        const { tables, error } = parseRoutingTableFile(bytes.subarray(0, first + 100));
        expect(tables).toHaveLength(1);
        expect(error).toMatch(new RegExp(`^table \\(3, 0\\) at byte ${first} declares \\d+ entries but the file ends first$`));
        expect(parseRoutingTableFile(bytes.subarray(0, first + 2)).error).toBe(`truncated table header at byte ${first}`);
        expect(parseRoutingTableFile(new Uint8Array(0))).toEqual({ tables: [] });
    });
});
