/**
 * Files a spec refers to, as a cloned repository could arrange them: symbolic links out of the
 * spec's folder (the file itself or a folder on its way), a named pipe, a sparse file over the
 * size limit, and an input whose read fails with EIO. Real links and pipes on disk, the real CLI.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliIn } from '../helpers/run-cli-in.js';
import { siblingResolver } from '../../host/file-resolver.js';
import { npyBytes } from '../engine/spec/helpers.js';

let root = '';
let dir = '';

const run = (...argv: string[]) => runCliIn(dir, ...argv);

/** A .npy of two float64 values. */
const npy = (a: number, b: number) => npyBytes('<f8', [1, 2], new Uint8Array(new Float64Array([a, b]).buffer));

/** A spec whose one weight is read from `file`. */
const spec = (file: string) => `node:
  type: NIRGraph
  nodes:
    input: {type: Input, shape: [2]}
    fc: {type: Linear, weight: {file: ${file}}}
    output: {type: Output, shape: [1]}
  edges:
    - [input, fc]
    - [fc, output]
`;

beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nirmesh-hostile-'));
    dir = join(root, 'spec');
    mkdirSync(join(root, 'secret'), { recursive: true });
    mkdirSync(dir);
    writeFileSync(join(root, 'secret', 'x.npy'), npy(42, 43));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('file references never leave the spec\'s folder', () => {
    it('refuses a reference that is a symbolic link to a file outside, and convert writes nothing', async () => {
        symlinkSync(join(root, 'secret', 'x.npy'), join(dir, 'x.npy'));
        writeFileSync(join(dir, 'net.nir.yaml'), spec('x.npy'));
        const checked = await run('check', 'net.nir.yaml');
        expect(checked.code).toBe(1);
        expect(checked.stdout).toMatch(/net\.nir\.yaml:5:\d+ - error spec\/bad-file: Cannot read 'x\.npy': it leads out of the spec's folder \(through a symbolic link/);
        const converted = await run('convert', 'net.nir.yaml', 'out.nir');
        expect(converted.code).toBe(1);
        expect(existsSync(join(dir, 'out.nir'))).toBe(false);
    });

    it('refuses a reference through a symbolically linked folder', async () => {
        symlinkSync(join(root, 'secret'), join(dir, 'data'));
        writeFileSync(join(dir, 'net.nir.yaml'), spec('data/x.npy'));
        const checked = await run('check', 'net.nir.yaml');
        expect(checked.code).toBe(1);
        expect(checked.stdout).toMatch(/spec\/bad-file: Cannot read 'data\/x\.npy': it leads out of the spec's folder/);
    });

    it('still follows links that stay inside the folder', async () => {
        mkdirSync(join(dir, 'weights'));
        writeFileSync(join(dir, 'weights', 'real.npy'), npy(1, 2));
        symlinkSync('weights/real.npy', join(dir, 'x.npy'));
        writeFileSync(join(dir, 'net.nir.yaml'), spec('x.npy'));
        const checked = await run('check', 'net.nir.yaml');
        expect(checked.stdout).not.toMatch(/spec\//);
        expect(checked.code).toBe(0);
    });

    it('names a named pipe as one instead of waiting on it or calling it missing', async () => {
        execFileSync('mkfifo', [join(dir, 'x.npy')]);
        writeFileSync(join(dir, 'net.nir.yaml'), spec('x.npy'));
        const checked = await run('check', 'net.nir.yaml');
        expect(checked.stdout).toMatch(/spec\/bad-file: Cannot read 'x\.npy': it is a named pipe \(FIFO\), not a regular file\./);
    });

    it('names a file over the size limit without reading it', async () => {
        writeFileSync(join(dir, 'x.npy'), '');
        truncateSync(join(dir, 'x.npy'), 600 * 1024 * 1024);
        writeFileSync(join(dir, 'net.nir.yaml'), spec('x.npy'));
        const checked = await run('check', 'net.nir.yaml');
        expect(checked.stdout).toMatch(/Cannot read 'x\.npy': it has 629145600 bytes, more than the 536870912-byte limit\./);
    });
});

describe('read errors', () => {
    it('reports an input whose read fails (EIO) by name, not as an internal error', async () => {
        symlinkSync('/proc/self/mem', join(dir, 'mem.nir.yaml'));
        const checked = await run('check', 'mem.nir.yaml');
        expect(checked.code).toBe(2);
        expect(checked.stderr).toBe('nirmesh: mem.nir.yaml: cannot read (EIO: i/o error)\n');
    });

    it('reads each referenced file once per resolver, however often it is named', () => {
        writeFileSync(join(dir, 'x.npy'), npy(1, 2));
        const resolve = siblingResolver(dir);
        const first = resolve('x.npy');
        expect(first).toBeInstanceOf(Uint8Array);
        expect(resolve('./x.npy')).toBe(first);
    });
});

describe('messages', () => {
    it('quote at most 120 characters of a 10-million-character type', async () => {
        writeFileSync(join(dir, 'long-type.nir.yaml'), `node:\n  type: NIRGraph\n  nodes:\n    a: {type: Input, shape: [1]}\n    x: {type: ${'T'.repeat(10_000_000)}}\n    b: {type: Output, shape: [1]}\n  edges: [[a, x], [x, b]]\n`);
        const checked = await run('check', 'long-type.nir.yaml');
        expect(checked.code).toBe(1);
        const line = checked.stdout.split('\n').find((l) => l.includes('nir/unknown-type')) ?? '';
        expect(line).toContain(`'${'T'.repeat(120)}…' (10000000 characters)`);
        expect(line.length).toBeLessThan(1100);
        expect(checked.stdout.length).toBeLessThan(5000);
    });
});
