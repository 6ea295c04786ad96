import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { bundleScript } from '../../helpers/bundle-script.js';
import { corpusBytes } from './corpus-files.js';

/** Corpus files with different layouts: groups, nesting, gzip, LZF, none, metadata, string edges. */
const SEEDS = [
    'generated/graph_ff_lif.nir', 'generated/graph_ff_lif_lzf.nir', 'generated/graph_ff_lif_uncompressed.nir',
    'generated/graph_metadata.nir', 'generated/prim_nirgraph_nested.nir', 'generated/graph_conv_net.nir',
].map((file) => corpusBytes(file));

/** The reader worker (`node esbuild.mjs` builds it), through which the files are read. */
const WORKER = join(import.meta.dirname, '..', '..', '..', 'dist', 'nir-read-worker.cjs');

/** The bounds every read of a mutated file must keep (the worker stops a read after 10 s). */
const READ_TIME_LIMIT_MS = 30_000;
const MEMORY_CEILING_BYTES = 2 * 1024 ** 3;
/** HDF5's block signatures (object headers, B-trees, heaps, symbol nodes), whose blocks the fuzzer duplicates. */
const SIGNATURES = ['OHDR', 'TREE', 'HEAP', 'SNOD', 'FRHP', 'BTHD', 'BTLF', 'FHDB', 'GCOL'].map((s) => [...s].map((c) => c.charCodeAt(0)));

type Mutation =
    | { kind: 'flip'; at: number; bit: number }[]
    | { kind: 'truncate'; at: number }
    | { kind: 'splice'; from: number; to: number; length: number; donor: number }
    | { kind: 'duplicate-block'; block: number; to: number; length: number };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const MUTATION: fc.Arbitrary<Mutation> = fc.oneof(
    fc.array(fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }), { minLength: 1, maxLength: 8 }),
    fc.record({ kind: fc.constant('truncate' as const), at: position }),
    fc.record({ kind: fc.constant('splice' as const), from: position, to: position, length: fc.integer({ min: 1, max: 4096 }), donor: fc.nat(SEEDS.length - 1) }),
    fc.record({ kind: fc.constant('duplicate-block' as const), block: fc.nat(), to: position, length: fc.integer({ min: 16, max: 1024 }) }),
);

function blockStarts(bytes: Uint8Array): number[] {
    const starts: number[] = [];
    for (let i = 0; i + 4 <= bytes.length; i++) {
        if (SIGNATURES.some((sig) => sig.every((b, k) => bytes[i + k] === b))) starts.push(i);
    }
    return starts;
}

/** The seed file with the mutation applied. */
function mutate(seed: Uint8Array, mutation: Mutation): Uint8Array {
    const at = (fraction: number, length = seed.length) => Math.floor(fraction * length);
    if (Array.isArray(mutation)) {
        const out = seed.slice();
        for (const flip of mutation) out[at(flip.at)] ^= 1 << flip.bit;
        return out;
    }
    if (mutation.kind === 'truncate') return seed.slice(0, at(mutation.at));
    const out = seed.slice();
    if (mutation.kind === 'splice') {
        const donor = SEEDS[mutation.donor];
        const from = at(mutation.from, donor.length);
        out.set(donor.subarray(from, from + mutation.length).subarray(0, out.length - at(mutation.to)), at(mutation.to));
        return out;
    }
    const starts = blockStarts(seed);
    if (starts.length === 0) return out;
    const start = starts[mutation.block % starts.length];
    out.set(seed.subarray(start, start + mutation.length).subarray(0, out.length - at(mutation.to)), at(mutation.to));
    return out;
}

/** The reader child process: one file in, one JSON line out. */
class ReaderProcess {
    private child!: ChildProcess;
    private replies: ((line: string | undefined) => void)[] = [];

    constructor(private readonly script: string) {
        this.start();
    }

    start(): void {
        const child = spawn(process.execPath, [this.script, WORKER], { stdio: ['pipe', 'pipe', 'inherit'] });
        createInterface({ input: child.stdout! }).on('line', (line) => {
            if (this.child === child) this.replies.shift()?.(line);
        });
        child.on('exit', () => {
            if (this.child === child) for (const reply of this.replies.splice(0)) reply(undefined);
        });
        this.child = child;
    }

    /** The reply to one file, or why there is none (the process ended, or the read outlived its bound). */
    read(bytes: Uint8Array): Promise<{ codes: string[]; internal: string[]; rss: number } | { failure: string }> {
        return new Promise((resolve) => {
            const timer = setTimeout(() => {
                this.replies = [];
                this.stop();
                this.start();
                resolve({ failure: `no answer within ${READ_TIME_LIMIT_MS} ms` });
            }, READ_TIME_LIMIT_MS);
            this.replies.push((line) => {
                clearTimeout(timer);
                resolve(line === undefined ? { failure: `the reader process ended (${this.child.signalCode ?? this.child.exitCode})` } : JSON.parse(line));
            });
            this.child.stdin!.write(Buffer.from(bytes).toString('base64') + '\n');
        });
    }

    stop(): void {
        this.child.kill();
    }
}

let script: Awaited<ReturnType<typeof bundleScript>>;
let reader: ReaderProcess;

beforeAll(async () => {
    script = await bundleScript(join(import.meta.dirname, 'fuzz-reader-script.ts'), 'fuzz-reader');
    reader = new ReaderProcess(script.path);
});
afterAll(() => {
    reader.stop();
    script.remove();
});

/**
 * Byte-level fuzzing of the `.nir` reader as the server and the CLI run it (in the reader worker):
 * bit flips, truncation, splices from other files and duplicated HDF5 blocks, on real corpus files.
 * Every read must answer within its time bound, never with an internal error, without ending its
 * process, and under the memory ceiling. (HDF5 itself can loop forever on a corrupt global heap;
 * the worker's time bound is what ends such a read.)
 */
describe.skipIf(!existsSync(WORKER))('mutated .nir files', () => {
    it(`every read ends within ${READ_TIME_LIMIT_MS / 1000} s, with no internal error or abort, under ${MEMORY_CEILING_BYTES / 1024 ** 3} GiB`, async () => {
        let reads = 0;
        await fc.assert(
            fc.asyncProperty(fc.nat(SEEDS.length - 1), MUTATION, async (seed, mutation) => {
                const reply = await reader.read(mutate(SEEDS[seed], mutation));
                reads++;
                expect(reply).not.toHaveProperty('failure');
                if ('failure' in reply) return;
                expect(reply.internal).toEqual([]);
                expect(reply.rss).toBeLessThan(MEMORY_CEILING_BYTES);
            }),
            { numRuns: Number(process.env.NIRMESH_FUZZ_RUNS ?? 500), seed: Number(process.env.NIRMESH_FUZZ_SEED ?? 20261203), interruptAfterTimeLimit: 240_000, markInterruptAsFailure: false },
        );
        expect(reads).toBeGreaterThan(50);
    }, 600_000);
});
