import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli/src/run-cli.js';

function collector() {
    const out = { stdout: '', stderr: '' };
    return { out, sink: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

describe('nirmesh schema', () => {
    it('prints the JSON Schema', async () => {
        const { out, sink } = collector();
        expect(await runCli(['schema'], sink, process.cwd())).toBe(0);
        const schema = JSON.parse(out.stdout);
        expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
        expect(schema.definitions.node).toBeDefined();
    });

    it('writes it with --out, and refuses stray arguments', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'nirmesh-schema-'));
        try {
            const { out, sink } = collector();
            expect(await runCli(['schema', '--out', 'x.json'], sink, dir)).toBe(0);
            expect(JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8')).title).toBe('NIR graph (*.nir.yaml)');
            expect(out.stdout).toBe('');
            const bad = collector();
            expect(await runCli(['schema', 'extra'], bad.sink, dir)).toBe(2);
            expect(bad.out.stderr).toContain("unexpected argument 'extra'");
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
