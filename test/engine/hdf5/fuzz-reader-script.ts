/**
 * Run by fuzz.test.ts in a child process (bundled by esbuild): reads `.nir` files sent on stdin,
 * one base64 line each, through the reader worker that the server and the CLI use
 * (dist/nir-read-worker.cjs, path in argv[2], a 10 s bound a read), and answers each with one JSON line: the problem codes,
 * any internal errors and the process's resident memory in bytes, so that the test sees a hang, an
 * abort or runaway memory as what it is.
 */
import { createInterface } from 'node:readline';
import { WorkerNirReader } from '../../../host/nir-reader/index.js';

const reader = new WorkerNirReader(process.argv[2], { readTimeMs: 10_000, retireAfterUnwoundCalls: 2_000 });
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
    const result = await reader.read(new Uint8Array(Buffer.from(line, 'base64')), false);
    const internal = result.problems.filter((p) => p.code === 'engine/internal-error').map((p) => p.message.slice(0, 2000));
    const reply = { codes: result.problems.map((p) => p.code), internal, rss: process.memoryUsage().rss };
    process.stdout.write(JSON.stringify(reply) + '\n');
}
reader.dispose();
