import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { runCli } from '../../cli/src/run-cli.js';
import { writeNirData } from '../../engine/src/index.js';
import { H5PY_AVAILABLE, H5PY_SKIP_REASON } from '../helpers/h5py.js';

const root = join(import.meta.dirname, '..', '..');
const fixtures = 'test/engine/mapping/fixtures';
const TWO_LAYER = `${fixtures}/two-layer.nir.yaml`;
const OVERSIZED = `${fixtures}/oversized.nir.yaml`;

async function run(...args: string[]) {
    const out = { stdout: '', stderr: '' };
    const code = await runCli(args, { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t) }, root);
    return { code, ...out };
}

/** A NIRData file whose Input node `input` has neurons 0..15 spiking at 2 ms and neuron 3 again at 10 ms. */
async function inputFile(): Promise<string> {
    const idx = BigInt64Array.from([...Array.from({ length: 16 }, (_, i) => BigInt(i)), 3n]);
    const time = Float64Array.from([...Array.from({ length: 16 }, () => 0.002), 0.01]);
    const written = await writeNirData({ kind: 'graph', nodes: new Map([['input', { kind: 'node', observables: new Map([['spikes', { kind: 'event', nNeurons: 16, tMax: 0.02, idx, time }]]) }]]) });
    const path = join(mkdtempSync(join(tmpdir(), 'nirmesh-run-')), 'input.h5');
    writeFileSync(path, written.bytes!);
    return path;
}

describe('nirmesh run --json', () => {
    it('reports steps, spikes per node, packets, energy and the timings, and exits 0', async () => {
        const { code, stdout, stderr } = await run('run', TWO_LAYER, '--json', '--target', 'spinnaker2-chip', '--steps', '50', '--poisson', 'input=200', '--seed', '1');
        expect([code, stderr]).toEqual([0, '']);
        const report = JSON.parse(stdout);
        expect([report.target, report.steps, report.dt_ms, report.numerics]).toEqual(['spinnaker2-chip', 50, 1, 'hardware']);
        expect(report.nodes.map((n: { name: string }) => n.name)).toEqual(['input', 'lif1', 'lif2']);
        expect(report.nodes[0].spikes).toBeGreaterThan(50);
        expect(report.packets).toBeGreaterThanOrEqual(report.nodes[0].spikes + report.nodes[1].spikes);
        expect(report.dropped_packets).toBe(0);
        expect(report.energy.model).toBe('nirmesh-events-v1');
        expect(report.energy_j).toBeGreaterThan(0);
        expect(report.energy.placeholders).toContain('energy_per_synaptic_event_j');
        for (const key of ['setup_s', 'sim_s', 'wall_s']) expect(report[key]).toBeGreaterThanOrEqual(0);
        expect(report.pes.length).toBe(4);
    });

    it('drives the Input node from a NIRData file (--input) and reports the exact spike count', async () => {
        const path = await inputFile();
        const { code, stdout } = await run('run', TWO_LAYER, '--json', '--target', 'none', '--steps', '20', '--input', path);
        expect(code).toBe(0);
        const report = JSON.parse(stdout);
        expect(report.nodes[0].spikes).toBe(17);
        expect(report.target).toBe('none');
        expect(report.packets).toBe(0);
    });

    it('--compare reports the spike-count difference between hardware and exact numerics', async () => {
        const { code, stdout } = await run('run', TWO_LAYER, '--json', '--target', 'spinnaker2-chip', '--steps', '30', '--poisson', 'input=300', '--compare');
        expect(code).toBe(0);
        const report = JSON.parse(stdout);
        expect(report.compare.numerics).toBe('exact');
        expect(report.compare.nodes.map((n: { name: string }) => n.name)).toEqual(['input', 'lif1', 'lif2']);
        expect(report.compare.nodes[0].difference).toBe(0);
    });

    it('refuses a network that does not fit, and runs it with --ignore-fit', async () => {
        const refused = await run('run', OVERSIZED, '--json', '--steps', '5');
        expect(refused.code).toBe(1);
        expect(JSON.parse(refused.stdout).ran).toBe(false);
        expect(JSON.parse(refused.stdout).diagnostics.some((d: { code: string }) => d.code === 'spinnaker2/sram-per-pe')).toBe(true);
        const forced = await run('run', OVERSIZED, '--json', '--steps', '5', '--ignore-fit');
        expect(JSON.parse(forced.stdout).ran).toBe(true);
    });

    it.skipIf(!H5PY_AVAILABLE)(`writes a NIRData trace that h5py reads (--out) ${H5PY_AVAILABLE ? '' : H5PY_SKIP_REASON}`, async () => {
        const out = join(mkdtempSync(join(tmpdir(), 'nirmesh-run-')), 'trace.h5');
        const { code } = await run('run', TWO_LAYER, '--target', 'none', '--steps', '20', '--input', await inputFile(), '--probe', 'lif2:0,2', '--out', out);
        expect(code).toBe(0);
        const script = `import h5py, json, sys
f = h5py.File(sys.argv[1], 'r')
s = f['nodes/input/observables/spikes']
v = f['nodes/lif2/observables/v']
print(json.dumps({'type': s.attrs['__type__'].decode() if isinstance(s.attrs['__type__'], bytes) else s.attrs['__type__'], 'n': int(s.attrs['n_neurons']), 'idx': s['idx'][:].tolist(), 'time': s['time'][:].tolist(), 'v': list(v['data'].shape)}))`;
        const dump = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, out], { encoding: 'utf8' }));
        expect(dump.type).toBe('EventData');
        expect(dump.n).toBe(16);
        expect(dump.idx).toEqual([...Array.from({ length: 16 }, (_, i) => i), 3]);
        expect(dump.time[16]).toBeCloseTo(0.01, 12);
        expect(dump.v).toEqual([1, 20, 2]);
    });
});

describe('nirmesh run usage errors', () => {
    it.each([
        [['run'], 'nirmesh: run: name exactly one FILE'],
        [['run', TWO_LAYER, '--engine', 'nest'], 'nirmesh: run: no --engine nest; use builtin, pynn-neuron or pynn-brian2'],
        [['run', TWO_LAYER, '--target', 'none', '--html', 'no-such-folder/x.html'], 'nirmesh: run: cannot write no-such-folder/x.html (ENOENT)'],
        [['run', TWO_LAYER, '--poisson', 'input'], "nirmesh: run: --poisson takes NODE=HZ (an Input node and a rate ≥ 0), not 'input'"],
        [['run', TWO_LAYER, '--numerics', 'fast'], "nirmesh: run: --numerics takes hardware or exact, not 'fast'"],
        [['run', TWO_LAYER, '--dt', '0'], "nirmesh: run: --dt must be a number > 0, not '0'"],
        [['run', TWO_LAYER, '--input', 'missing.h5'], 'nirmesh: missing.h5: cannot read (ENOENT)'],
    ])('%j exits 2', async (args, message) => {
        const { code, stderr, stdout } = await run(...args);
        expect([code, stdout]).toEqual([2, '']);
        expect(stderr).toContain(message);
    });

    it('names an unknown Poisson node with the Input nodes the graph has, exit 1', async () => {
        const { code, stdout } = await run('run', TWO_LAYER, '--target', 'none', '--poisson', 'inp=10', '--json');
        expect(code).toBe(1);
        expect(JSON.parse(stdout).diagnostics[0]).toMatchObject({ code: 'simulation/bad-input', message: expect.stringContaining("'inp'") });
    });
});
