import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliIn } from '../helpers/run-cli-in.js';
import { compileNeuronMechanisms, NEURON_AVAILABLE, runExported, spikeSets } from '../helpers/pynn.js';

// The exported classifier on NEURON, one process, with PyNN's mechanisms compiled here and loaded
// through NIRMESH_NRNMECH_DIR. NEURON has no IF_curr_delta and needs a delay of dt on every
// connection, so the spike counts agree with NIRmesh's only within the tolerance docs/pynn.md states.

const ROOT = join(import.meta.dirname, '..', '..');
const CLASSIFIER = join(ROOT, 'examples', 'ff-lif-classifier.nir.yaml');

describe.skipIf(!NEURON_AVAILABLE)(`pynn export on NEURON${NEURON_AVAILABLE ? '' : ' (python3-neuron or nrnivmodl is missing)'}`, () => {
    let mechanisms = '';
    beforeAll(() => {
        mechanisms = compileNeuronMechanisms();
    }, 600_000);

    it('runs the classifier at np=1, writes NIRData NIRmesh reads back, and lif1 spikes within 15 % of NIRmesh\'s count', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'nirmesh-pynn-neuron-'));
        const ref = join(dir, 'ref.h5');
        const run = await runCliIn(ROOT, 'run', CLASSIFIER, '--target', 'none', '--numerics', 'exact', '--poisson', 'input=150', '--steps', '200', '--out', ref, '--json');
        expect(run.code, run.stderr).toBe(0);
        const counts = Object.fromEntries((JSON.parse(run.stdout) as { nodes: { name: string; spikes: number }[] }).nodes.map((n) => [n.name, n.spikes]));
        const out = join(dir, 'export');
        expect((await runCliIn(ROOT, 'export', CLASSIFIER, '--to', 'pynn', '--out', out)).code).toBe(0);
        const result = await runExported(out, ['--steps', '200', '--input', ref], { NIRMESH_NRNMECH_DIR: mechanisms });
        expect(result).toMatchObject({ backend: 'neuron', np: 1, steps: 200 });
        expect(result.spikes.input).toBe(counts.input);
        expect(Math.abs(result.spikes.lif1 - counts.lif1)).toBeLessThanOrEqual(0.15 * counts.lif1);
        const trace = await spikeSets(join(out, 'trace.h5'), 0.001);
        const reference = await spikeSets(ref, 0.001);
        expect([...(trace.get('input') ?? [])].sort()).toEqual([...(reference.get('input') ?? [])].sort());
        expect(trace.get('lif1')?.size).toBe(result.spikes.lif1);
    }, 900_000);
});
