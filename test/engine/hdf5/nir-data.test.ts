import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readNirFile, writeNirData, type NirGraphData } from '../../../engine/src/index.js';
import { H5PY_AVAILABLE, H5PY_SKIP_REASON, h5pyDumps } from '../../helpers/h5py.js';
import { CORPUS_DIR } from './corpus-files.js';

/** The data of the corpus file nirdata_example.h5 (NIR's test_serialize_deserialize_data pattern). */
const EXAMPLE: NirGraphData = {
    kind: 'graph',
    nodes: new Map([['lif1', {
        kind: 'node',
        observables: new Map([
            ['spikes', { kind: 'event', nNeurons: 2, tMax: 1, idx: BigInt64Array.of(0n, 1n, 0n), time: Float64Array.of(0.1, 0.2, 0.3) }],
            ['v_mem', { kind: 'time-gridded', dt: 0.1, shape: [1, 2, 2], data: Float64Array.of(0.1, 0.2, 0.3, 0.4) }],
            ['valued', { kind: 'valued-event', nNeurons: 2, tMax: 1, idx: BigInt64Array.of(0n, 1n), time: Float64Array.of(0.15, 0.25), value: Float64Array.of(0.5, 0.8) }],
        ] as const),
    }]]),
};

let dir = '';
beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nirmesh-nirdata-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeNirData', () => {
    it('writes a file the graph reader recognises as NIRData', async () => {
        const written = await writeNirData(EXAMPLE);
        expect(written.problems).toEqual([]);
        const read = await readNirFile(written.bytes!);
        expect(read.problems.map((p) => p.code)).toEqual(['hdf5/no-root-node']);
        expect(read.problems[0].message).toMatch(/NIRData/);
    });

    it('refuses mismatched lengths', async () => {
        const bad: NirGraphData = { kind: 'graph', nodes: new Map([['n', { kind: 'node', observables: new Map([['s', { kind: 'event', nNeurons: 1, tMax: 1, idx: BigInt64Array.of(0n), time: Float64Array.of() }]]) }]]) };
        const written = await writeNirData(bad);
        expect(written.bytes).toBeUndefined();
        expect(written.problems.map((p) => [p.code, p.origin.path])).toEqual([['hdf5/bad-data', '/nodes/n/observables/s']]);
    });

    it.skipIf(!H5PY_AVAILABLE)(`matches the layout of NIR's write_data, as h5py sees it (skipped when ${H5PY_SKIP_REASON})`, async () => {
        const path = join(dir, 'data.h5');
        writeFileSync(path, (await writeNirData(EXAMPLE)).bytes!);
        const [mine, reference] = h5pyDumps([path, join(CORPUS_DIR, 'generated', 'nirdata_example.h5')]);
        expect(mine).toEqual(reference);
    });
});
