import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCliIn } from '../helpers/run-cli-in.js';

const root = join(import.meta.dirname, '..', '..');

const run = (...argv: string[]) => runCliIn(root, ...argv);

describe('nirmesh check', () => {
    it('counts the infos it prints in the summary line', async () => {
        const { stdout } = await run('check', 'test/fixtures/cli/legacy-default.nir.yaml', '--target', 'none');
        expect(stdout).toMatch(/^test\/fixtures\/cli\/legacy-default\.nir\.yaml:7:5 - info nir\/legacy-default: /m);
        expect(stdout).toMatch(/^1 file checked: 0 errors, 0 warnings, 1 info$/m);
    });

    it('prints tsc-style lines with 1-based positions and exits 1 on errors', async () => {
        const { code, stdout } = await run('check', 'examples/mistakes.nir.yaml', '--target', 'none');
        expect(code).toBe(1);
        expect(stdout).toMatch(/^examples\/mistakes\.nir\.yaml:\d+:\d+ - error nir\/dangling-edge: /m);
        expect(stdout).toMatch(/1 file checked: \d+ errors, \d+ warnings?/);
    });

    it('gives zero-based ranges and NIR paths in --json', async () => {
        const { code, stdout } = await run('check', 'examples/mistakes.nir.yaml', '--target', 'none', '--json');
        expect(code).toBe(1);
        const { diagnostics } = JSON.parse(stdout);
        const dangling = diagnostics.find((d: { code: string }) => d.code === 'nir/dangling-edge');
        expect(Object.keys(dangling).sort()).toEqual(['code', 'file', 'message', 'path', 'range', 'severity']);
        expect(dangling.path).toMatch(/^\/node\/edges\/\d+$/);
        expect(dangling.range.start.line).toBeGreaterThan(0);
    });

    it('hides hints in text output unless --hints is given, and exits 0 on a clean file', async () => {
        const quiet = await run('check', 'examples/braille-rsnn.nir.yaml');
        expect(quiet.code).toBe(0);
        expect(quiet.stdout).not.toContain('- hint ');
        expect(quiet.stdout).toMatch(/hints? not shown: --hints shows them/);
        const loud = await run('check', 'examples/braille-rsnn.nir.yaml', '--hints');
        expect(loud.stdout).toContain('- hint spinnaker2/weight-quantisation');
        expect(loud.stdout).toMatch(/^1 file checked: 0 errors, 0 warnings, 3 hints$/m);
    });

    it('maps with a target, so that a network needing more PEs than the chip has exits 1; --fast leaves the mapping out', async () => {
        const file = 'test/engine/mapping/fixtures/too-many-pes-for-a-chip.nir.yaml';
        const mapped = await run('check', file, '--target', 'spinnaker2-chip');
        expect(mapped.code).toBe(1);
        expect(mapped.stdout).toMatch(/:12:10 - error spinnaker2\/too-many-pes: 21 of the 168 PEs 'lif' needs could not be placed: the network needs 169 PEs and spinnaker2-chip has 148 PEs/);
        expect(mapped.stdout).toContain('1 file checked: 1 error, 0 warnings');
        // --map, which used to be needed, is accepted and changes nothing.
        expect(await run('check', file, '--target', 'spinnaker2-chip', '--map')).toEqual(mapped);
        const fast = await run('check', file, '--target', 'spinnaker2-chip', '--fast');
        expect([fast.code, fast.stdout]).toEqual([0, expect.stringContaining('1 file checked: 0 errors, 0 warnings')]);
        // The default target is big enough; target none checks the graph alone.
        expect((await run('check', file)).code).toBe(0);
        expect((await run('check', file, '--target', 'none')).code).toBe(0);
    });

    it('exits 2 with a message for a missing file, an unknown flag and an unknown target', async () => {
        expect((await run('check', 'nope.nir.yaml')).stderr).toMatch(/nope\.nir\.yaml: cannot read \(ENOENT: no such file or directory\)/);
        expect((await run('check', 'examples/mistakes.nir.yaml', '--bogus')).code).toBe(2);
        const unknown = await run('check', 'examples/mistakes.nir.yaml', '--target', 'loihi');
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toMatch(/unknown target 'loihi' \(known: .*spinnaker2-board48/);
    });
});
