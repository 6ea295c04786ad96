import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExportedScript, ScriptFailed, ScriptStopped } from '../../host/pynn/run-script.js';
import { compiledNrnMechanisms } from '../../host/pynn/nrn-mechanisms.js';
import { missingPackages } from '../../host/pynn/debian-environment.js';
import { launchCommand } from '../../host/pynn/launch-command.js';
import { parseScriptResult } from '../../host/pynn/nirmesh-result.js';
import { readNirSpikes } from '../../engine/src/index.js';

/**
 * The PyNN runner against a hand-written script that honours the export contract
 * (test/fixtures/pynn-script/run.py): real NEURON, real mpirun, real Brian2.
 */

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'pynn-script');
const READY = missingPackages('neuron', 2).length === 0 && missingPackages('brian2', 1).length === 0;

function scratch(): string {
    return mkdtempSync(join(tmpdir(), 'nirmesh-pynn-'));
}

async function spikesOf(path: string) {
    const read = await readNirSpikes(readFileSync(path));
    expect(read.problems).toEqual([]);
    return Object.fromEntries(read.spikes.map((s) => [s.node, { idx: [...s.idx], time: [...s.time] }]));
}

describe('launchCommand', () => {
    const base = { script: '/x/run.py', scriptArgs: ['--steps', '5'], cores: 2, asRoot: false };

    it('runs one process with Debian Python directly, without mpirun', () => {
        expect(launchCommand({ ...base, np: 1 })).toEqual({ command: '/usr/bin/python3', args: ['/x/run.py', '--steps', '5'], env: {} });
    });

    it('runs more under mpirun, oversubscribing only beyond the cores, and allows root only as root', () => {
        expect(launchCommand({ ...base, np: 2 }).args).toEqual(['-np', '2', '/usr/bin/python3', '/x/run.py', '--steps', '5']);
        const three = launchCommand({ ...base, np: 3, asRoot: true });
        expect([three.command, three.args.slice(0, 3)]).toEqual(['/usr/bin/mpirun', ['-np', '3', '--oversubscribe']]);
        expect(three.env).toEqual({ OMPI_ALLOW_RUN_AS_ROOT: '1', OMPI_ALLOW_RUN_AS_ROOT_CONFIRM: '1' });
    });
});

describe('missingPackages', () => {
    it('names the Debian packages whose files are missing, once each', () => {
        const absent = new Set(['/usr/bin/mpirun', '/usr/bin/nrnivmodl', '/usr/lib/nrn/nrnmech_makefile']);
        expect(missingPackages('neuron', 2, (p) => !absent.has(p))).toEqual(['neuron-dev', 'openmpi-bin']);
        expect(missingPackages('neuron', 1, (p) => !absent.has(p))).toEqual(['neuron-dev']);
        expect(missingPackages('brian2', 1, (p) => !p.includes('brian2'))).toEqual(['python3-brian']);
    });
});

describe('parseScriptResult', () => {
    it('takes the last NIRMESH-RESULT line among the other output', () => {
        const line = JSON.stringify({ backend: 'neuron', np: 2, steps: 10, dt_ms: 1, build_s: 0.5, run_s: 0.1, spikes: { lif: 4 }, peak_rss_mb: [90, 91] });
        expect(parseScriptResult(`numprocs=2\nNIRMESH-RESULT ${line}\n`)).toMatchObject({ np: 2, dtMs: 1, spikes: { lif: 4 }, peakRssMb: [90, 91] });
    });

    it('says what is missing or malformed', () => {
        expect(parseScriptResult('numprocs=1\n')).toBe('the script printed no NIRMESH-RESULT line');
        expect(parseScriptResult('NIRMESH-RESULT {')).toMatch(/^its NIRMESH-RESULT line is not JSON/);
        expect(parseScriptResult('NIRMESH-RESULT {"backend":"neuron","np":1,"steps":1,"dt_ms":1,"build_s":0,"spikes":{"a":"x"},"peak_rss_mb":1}')).toBe(
            'its NIRMESH-RESULT line lacks or misreports run_s, spikes',
        );
    });
});

describe.skipIf(!READY)('runExportedScript (NEURON, mpirun, Brian2)', () => {
    it('compiles the NEURON mechanisms once into the cache, without racing a concurrent first compile', async () => {
        const cache = scratch();
        const [a, b] = await Promise.all([compiledNrnMechanisms(cache), compiledNrnMechanisms(cache)]);
        expect(a).toBe(b);
        expect(existsSync(join(a, 'x86_64', '.libs', 'libnrnmech.so'))).toBe(true);
        expect(await compiledNrnMechanisms(cache)).toBe(a);
    }, 300_000);

    it('gives identical spike trains on NEURON with 1 and 2 MPI processes, and reports per rank', async () => {
        const dir = scratch();
        const common = { dir: FIXTURE, backend: 'neuron' as const, steps: 200, poisson: [{ node: 'input', rateHz: 80 }], seed: 3 };
        const one = await runExportedScript({ ...common, np: 1, out: join(dir, 'np1.h5') });
        const two = await runExportedScript({ ...common, np: 2, out: join(dir, 'np2.h5') });
        expect([one.np, two.np, two.peakRssMb.length]).toEqual([1, 2, 2]);
        expect(one.spikes.lif).toBeGreaterThan(0);
        expect(two.spikes).toEqual(one.spikes);
        const [a, b] = [await spikesOf(join(dir, 'np1.h5')), await spikesOf(join(dir, 'np2.h5'))];
        expect(a.lif.idx.length).toBe(one.spikes.lif);
        expect(b).toEqual(a);
    }, 180_000);

    it('runs the same script on Brian2', async () => {
        const out = join(scratch(), 'brian2.h5');
        const result = await runExportedScript({ dir: FIXTURE, backend: 'brian2', np: 1, out, steps: 100, poisson: [{ node: 'input', rateHz: 80 }] });
        expect(result.backend).toBe('brian2');
        expect(result.spikes.input).toBeGreaterThan(0);
        expect((await spikesOf(out)).input.idx.length).toBe(result.spikes.input);
    }, 180_000);

    it('shows the tail of stderr when the script fails', async () => {
        const dir = scratch();
        writeFileSync(join(dir, 'run.py'), 'import sys\nsys.stderr.write("first\\n" + "x\\n" * 100 + "the real reason\\n")\nsys.exit(3)\n');
        const failure = await runExportedScript({ dir, backend: 'brian2', np: 1, out: join(dir, 'o.h5') }).catch((e: unknown) => e);
        expect(failure).toBeInstanceOf(ScriptFailed);
        expect((failure as Error).message).toMatch(/exited with 3; its stderr ends:\n(x\n)+the real reason$/);
        expect((failure as Error).message).not.toContain('first');
    });

    it('kills the whole mpirun process group when aborted', async () => {
        const dir = scratch();
        const pids = join(dir, 'pids');
        writeFileSync(join(dir, 'run.py'), `import os, time\nopen(${JSON.stringify(pids)}, 'a').write(f"{os.getpid()}\\n")\nwhile True: time.sleep(0.2)\n`);
        const controller = new AbortController();
        const running = runExportedScript({ dir, backend: 'neuron', np: 2, out: join(dir, 'o.h5'), signal: controller.signal }).catch((e: unknown) => e);
        await expect.poll(() => (existsSync(pids) ? readFileSync(pids, 'utf8').trim().split('\n').length : 0), { timeout: 60_000 }).toBe(2);
        controller.abort();
        expect(await running).toBeInstanceOf(ScriptStopped);
        const alive = () => readFileSync(pids, 'utf8').trim().split('\n').filter((pid) => {
            try {
                process.kill(Number(pid), 0);
                return true;
            } catch {
                return false;
            }
        });
        await expect.poll(alive, { timeout: 30_000 }).toEqual([]);
    });
});
