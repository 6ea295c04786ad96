import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliIn } from '../helpers/run-cli-in.js';
import { craftHdf5 } from '../engine/hdf5/craft.js';

/**
 * What `nirmesh convert` says and writes beyond the round trip: each refusal with its own reason,
 * the input's warnings (not its infos) on stderr, `--lenient` and `--no-compression` taking effect,
 * and the byte count it reports being the file it wrote.
 */

const corpus = join(import.meta.dirname, '..', 'fixtures', 'nir', 'generated');
let dir = '';
const run = (...argv: string[]) => runCliIn(dir, ...argv);
const spec = (nodes: string) => `node:\n  type: NIRGraph\n  nodes:\n${nodes}  edges: [[in, out]]\n`;

beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nirmesh-convert-'));
    copyFileSync(join(corpus, 'graph_ff_lif.nir'), join(dir, 'in.nir'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('nirmesh convert refuses with the reason that applies', () => {
    it.each([
        [['in.nir'], 'convert: name exactly one IN and one OUT file'],
        [['in.nir', 'a.nir.yaml', 'b.nir.yaml'], 'convert: name exactly one IN and one OUT file'],
        [['in.nir', 'out.txt'], 'convert: out.txt: unknown output type (expected .nir or .nir.yaml)'],
        [['in.nir', 'in.nir'], 'convert: IN and OUT are the same file'],
    ])('convert %j', async (args, reason) => {
        const result = await run('convert', ...args);
        expect([result.code, result.stderr, result.stdout]).toEqual([2, `nirmesh: ${reason}\n`, '']);
    });

    it('names the command in an option error', async () => {
        const result = await run('convert', '--bogus', 'in.nir', 'out.nir.yaml');
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^nirmesh: convert: Unknown option '--bogus'/);
    });

    it('names the command when OUT exists', async () => {
        writeFileSync(join(dir, 'taken.nir.yaml'), 'keep me');
        expect((await run('convert', 'in.nir', 'taken.nir.yaml')).stderr).toBe('nirmesh: convert: taken.nir.yaml exists; pass --force to overwrite it\n');
    });
});

describe('nirmesh convert on inputs with problems', () => {
    /** A NIR 0.0.x file (nodes by index at the top level): NIR's reader refuses it, --lenient reads it. */
    const legacy = () => craftHdf5((file) => {
        const nodes = file.create_group('nodes');
        nodes.create_group('0').create_dataset({ name: 'type', data: 'Input', dtype: 'S' });
        nodes.create_group('1').create_dataset({ name: 'type', data: 'Output', dtype: 'S' });
        file.create_dataset({ name: 'edges', data: new BigInt64Array([0n, 1n]), shape: [1, 2] });
    });

    it('writes nothing from a file that reads with errors, and converts it with --lenient, showing the warning', async () => {
        writeFileSync(join(dir, 'legacy.nir'), await legacy());
        const strict = await run('convert', 'legacy.nir', 'strict.nir.yaml');
        expect(strict.code).toBe(1);
        expect(strict.stderr).toMatch(/^legacy\.nir \[\/nodes\] - error hdf5\/legacy-layout: [^\n]*\nnirmesh: legacy\.nir has errors; nothing written\n$/);
        expect(existsSync(join(dir, 'strict.nir.yaml'))).toBe(false);
        const lenient = await run('convert', 'legacy.nir', 'lenient.nir.yaml', '--lenient');
        expect(lenient.code).toBe(0);
        expect(lenient.stderr).toMatch(/^legacy\.nir \[\/nodes\] - warning hdf5\/legacy-layout: [^\n]*\n$/);
        expect(readFileSync(join(dir, 'lenient.nir.yaml'), 'utf-8')).toMatch(/^ {4}"?0"?:\n {6}type: Input$/m);
    });

    it('prints the warnings of a spec it converts, one line each', async () => {
        writeFileSync(join(dir, 'big.nir.yaml'), spec('    in: {type: Input, shape: [1]}\n    out: {type: Output, shape: [1]}\n    s: {type: Scale, scale: [1e40]}\n'));
        const result = await run('convert', 'big.nir.yaml', 'big.nir');
        expect(result.code).toBe(0);
        expect(result.stderr).toMatch(/^big\.nir\.yaml:6:30 - warning spec\/value-out-of-range: 1e\+40 is too large for float32 and becomes infinity\.\n$/);
    });

    it('writes nothing when the .nir writer refuses the document, and says so', async () => {
        writeFileSync(join(dir, 'slash.nir.yaml'), spec('    in: {type: Input, shape: [1]}\n    out: {type: Output, shape: [1]}\n    s: {type: Scale, scale: [2], "a/b": 1}\n'));
        const result = await run('convert', 'slash.nir.yaml', 'slash.nir');
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/\nnirmesh: slash\.nir could not be written; nothing written\n$/);
        expect(existsSync(join(dir, 'slash.nir'))).toBe(false);
    });
});

describe('nirmesh convert output', () => {
    it('reports the size of the file it wrote, compressed unless --no-compression', async () => {
        const zeros = `[${Array.from({ length: 64 }, () => `[${Array(64).fill(0).join(', ')}]`).join(', ')}]`;
        writeFileSync(join(dir, 'zeros.nir.yaml'), spec(`    in: {type: Input, shape: [64]}\n    out: {type: Output, shape: [64]}\n    fc: {type: Linear, weight: ${zeros}}\n`));
        const sizes: number[] = [];
        for (const [name, flags] of [['packed.nir', []], ['plain.nir', ['--no-compression']]] as const) {
            const result = await run('convert', 'zeros.nir.yaml', name, ...flags);
            const size = statSync(join(dir, name)).size;
            expect(result.stdout).toBe(`wrote ${name} (${size} bytes)\n`);
            sizes.push(size);
        }
        // 64 × 64 zeros: kilobytes as they are, a few hundred bytes through gzip.
        expect(sizes[1] - sizes[0]).toBeGreaterThan(8000);
    });

    it('writes a node whose parameters are uniform as its shape and one number per parameter', async () => {
        expect((await run('convert', 'in.nir', 'out.nir.yaml')).code).toBe(0);
        expect(readFileSync(join(dir, 'out.nir.yaml'), 'utf-8')).toContain([
            '    lif1:', '      type: LIF', '      shape: [8]', '      r: 1.0', '      tau: 0.02', '      v_leak: 0.0', '      v_reset: 0.0', '      v_threshold: 1.0',
        ].join('\n'));
    });
});
