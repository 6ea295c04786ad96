import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli/src/run-cli.js';

const root = join(import.meta.dirname, '..', '..');
const fixtures = 'test/engine/mapping/fixtures';
const TWO_LAYER = `${fixtures}/two-layer.nir.yaml`;
const OVERSIZED = `${fixtures}/oversized.nir.yaml`;
const NIR_FILE = `${fixtures}/graph_ff_lif.nir`;

async function run(...args: string[]) {
    const out = { stdout: '', stderr: '' };
    const code = await runCli(args, { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t) }, root);
    return { code, ...out };
}

/** Whether the engine reads .nir files yet (the HDF5 reader is another area's work). */
describe('nirmesh map --json', () => {
    it('reports the placement with the DESIGN.md §4 fields and exits 0 when the network fits', async () => {
        const { code, stdout } = await run('map', TWO_LAYER, '--json', '--target', 'spinnaker2-chip');
        expect(code).toBe(0);
        const report = JSON.parse(stdout);
        expect([report.target, report.fits, report.chips_used, report.pes_used, report.steps]).toEqual(['spinnaker2-chip', true, 1, 4, 1000]);
        expect(report.nodes.map((n: { name: string; neurons: number; pes: unknown[] }) => [n.name, n.neurons, n.pes.length])).toEqual([
            ['input', 16, 1], ['lif1', 32, 2], ['lif2', 4, 1],
        ]);
        expect(report.nodes[1].pes[1]).toEqual({ chip: [0, 0], pe: 2, first: 16, count: 16, sram_bytes: 2140, key: 16, mask: 0xfffffff0, dram_bytes: 0 });
        expect(report.chips).toEqual([{ x: 0, y: 0, router_entries: 2, router_entries_uncompressed: 2, pes_used: 4, dram_bytes: 0 }]);
        expect(report.limits).toEqual({ chips: 1, pes_per_chip: 152, pes: 152, sram_bytes_per_pe: 67328, dram_bytes_per_chip: 1073741824, router_entries_per_chip: 16384 });
        expect(report.estimates).toContainEqual({ name: 'mpt_entry_bytes', value: 12, unit: 'B', source: expect.stringContaining('N_WORDS_MPT_ENTRY not found') });
        expect(report.estimates).toContainEqual(expect.objectContaining({ name: 'neuron_model.LIF', value: 28, unit: 'B/neuron', max_neurons_per_core: 256 }));
        const quantisation = report.diagnostics.find((d: { code: string }) => d.code === 'spinnaker2/weight-quantisation');
        expect(quantisation).toMatchObject({ file: TWO_LAYER, severity: 'hint', path: '/node/nodes/fc1/weight', range: { start: { line: 7, character: 14 } } });
    });

    it('exits 1 and puts the SRAM diagnostic on the neurons_per_core hint when the network does not fit', async () => {
        const { code, stdout } = await run('map', OVERSIZED, '--json');
        expect(code).toBe(1);
        const report = JSON.parse(stdout);
        expect(report.fits).toBe(false);
        const [sram] = report.diagnostics.filter((d: { code: string }) => d.code === 'spinnaker2/sram-per-pe');
        expect(sram).toMatchObject({ severity: 'error', path: '/node/nodes/lif1/metadata/spinnaker2/neurons_per_core', range: { start: { line: 17, character: 39 }, end: { line: 17, character: 42 } } });
        // 784 rows of 128 16-bit synapses (4 + 256 B), spikes for 1,000 steps, 128 × (28 + 64) B of state and
        // buffers, 64 B fixed, 4 table entries: 239,728 B. At 30 per PE: 784 × 64 + 12,000 + 2,760 + 112 = 65,048 B.
        expect(sram.message).toMatch(/needs 239,728 bytes of SRAM \(synapse rows 203,840 B, recording 24,000 B, .* Suggestion: set neurons_per_core to 30 \(5 PEs\)\.$/);
    });

    it('budgets recording for --steps and applies --set overrides', async () => {
        const short = JSON.parse((await run('map', TWO_LAYER, '--json', '--steps', '10')).stdout);
        const long = JSON.parse((await run('map', TWO_LAYER, '--json', '--steps', '2000')).stdout);
        // lif2 records spikes (it feeds the output): (⌈4/32⌉ + 2) words per step.
        expect(long.nodes[2].max_sram_bytes - short.nodes[2].max_sram_bytes).toBe(3 * 4 * 1990);
        const faster = JSON.parse((await run('map', TWO_LAYER, '--json', '--set', 'mean_firing_rate_hz=20')).stdout);
        expect(faster.cost.synaptic_events_per_second).toBe(2 * short.cost.synaptic_events_per_second);
        expect(faster.estimates.map((e: { name: string }) => e.name)).not.toContain('mean_firing_rate_hz');
    });

    it('reports diagnostics of a .nir file by HDF5 path, without a text range', async () => {
        const { stdout } = await run('map', NIR_FILE, '--json');
        const report = JSON.parse(stdout);
        expect(report.nodes.map((n: { name: string }) => n.name)).toEqual(['input', 'lif1', 'lif2']);
        const quantisation = report.diagnostics.find((d: { code: string }) => d.code === 'spinnaker2/weight-quantisation');
        expect(quantisation).toMatchObject({ path: '/node/nodes/fc1/weight', range: null });
    });
});

describe('nirmesh map (text)', () => {
    it('prints a table per node, the machine totals, the estimates and the verdict', async () => {
        const { code, stdout } = await run('map', TWO_LAYER, '--target', 'spinnaker2-chip');
        expect(code).toBe(0);
        const lines = stdout.split('\n');
        expect(lines[0]).toBe(`${TWO_LAYER} on spinnaker2-chip (One SpiNNaker2 chip), recording budgeted for 1000 steps`);
        expect(lines[1]).toMatch(/^node +type +neurons +neurons\/PE +PEs +max SRAM B +route entries$/);
        expect(lines[3]).toMatch(/^lif1 +LIF +32 +16 \(hint\) +2 +2,140 +1$/);
        expect(stdout).toContain('chips used 1 of 1; PEs used 4 of 152 (4 needed)');
        expect(stdout).toMatch(/estimates used: .*mpt_entry_bytes/);
        expect(lines.at(-2)).toBe('fits: 0 errors, 0 warnings');
    });

    it('marks the slices over the SRAM window and prints the diagnostics with positions', async () => {
        const { code, stdout } = await run('map', OVERSIZED);
        expect(code).toBe(1);
        expect(stdout).toMatch(/^lif1 +LIF +128 +128 \(hint\) +1 +239,728 !/m);
        expect(stdout).toContain(`${OVERSIZED}:18:40 - error spinnaker2/sram-per-pe:`);
        expect(stdout.trimEnd().split('\n').at(-1)).toBe('does not fit: 1 error, 0 warnings');
    });
});

describe('nirmesh map --html', () => {
    it('writes the placement view as one page: data, scripts and worker inline, a strict CSP, nothing remote', async () => {
        const page = join(mkdtempSync(join(tmpdir(), 'nirmesh-html-')), 'two-layer.html');
        const { code, stdout } = await run('map', TWO_LAYER, '--html', page);
        expect(code).toBe(0);
        expect(stdout).toContain('fits');
        const html = readFileSync(page, 'utf8');
        const csp = (/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '').replaceAll('&#39;', "'");
        expect(csp).toMatch(/default-src 'none'; script-src 'nonce-[^']+'; style-src 'nonce-[^']+'/);
        expect(csp).toContain("connect-src 'none'");
        expect(html).not.toMatch(/\b(src|href)="https?:/);
        const data = JSON.parse(/<script type="application\/json" id="nirmesh-placement-data">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null');
        expect(data.graph.nodes.map((n: { name: string }) => n.name)).toContain('lif1');
        expect(data.placement.pesUsed).toBeGreaterThan(0);
        expect(data.placement.mesh.chips).toHaveLength(2 * 48);
        expect(html).toContain('id="nirmesh-elk-worker"');
    });
});

describe('nirmesh map usage errors', () => {
    it.each([
        [['map'], 'nirmesh: map: name exactly one FILE'],
        [['map', TWO_LAYER, OVERSIZED], 'nirmesh: map: name exactly one FILE'],
        [['map', TWO_LAYER, '--html', ''], 'nirmesh: map: --html takes the FILE to write the page to'],
        [['map', TWO_LAYER, '--target', 'none'], 'nirmesh: map: a mapping needs a hardware target; --target none only works for check'],
        [['map', TWO_LAYER, '--target', 'loihi'], "nirmesh: map: unknown target 'loihi'"],
        [['map', TWO_LAYER, '--target', 'spinnaker2-boards:900'], 'nirmesh: map: spinnaker2-boards:900: 900 boards is not a machine size'],
        [['map', TWO_LAYER, '--steps', 'many'], "nirmesh: --steps must be a whole number ≥ 0, not 'many'"],
        [['map', TWO_LAYER, '--set', 'rate'], "nirmesh: map: --set takes NAME=NUMBER (a setting of the target), not 'rate'"],
        [['map', TWO_LAYER, '--set', 'warp=1'], "nirmesh: map: target spinnaker2-board48 has no setting 'warp'"],
        [['map', 'missing.nir.yaml'], 'nirmesh: missing.nir.yaml: cannot read (ENOENT)'],
    ])('%j exits 2', async (args, message) => {
        const { code, stderr, stdout } = await run(...args);
        expect([code, stdout]).toEqual([2, '']);
        expect(stderr).toContain(message);
    });
});

describe('nirmesh targets', () => {
    it('lists the SpiNNaker targets, the 48-chip board as the default', async () => {
        const { code, stdout } = await run('targets', '--json');
        expect(code).toBe(0);
        const { targets } = JSON.parse(stdout);
        expect(targets.map((t: { id: string; default: boolean; argument: string | null }) => [t.id, t.default, t.argument !== null])).toEqual([
            ['spinnaker2-board48', true, false], ['spinnaker2-chip', false, false], ['spinnaker2-boards', false, true], ['spinnaker1-board48', false, false],
        ]);
        const text = await run('targets');
        expect(text.stdout).toMatch(/^spinnaker2-boards:N +N SpiNNaker2 48-chip boards \(spalloc layout\)$/m);
        expect(text.stdout).toMatch(/^spinnaker2-board48 +The 48-chip SpiNNaker2 board \(default\)$/m);
    });
});
