/**
 * Run by error-storm.test.ts in a child process (bundled by esbuild): reads a truncated `.nir`
 * file `count` times, then an intact one, and prints what it saw as one JSON line.
 * Usage: node script.mjs GOOD.nir COUNT
 */
import { readFileSync } from 'node:fs';
import { readNirFile } from '../../../engine/src/index.js';

const good = new Uint8Array(readFileSync(process.argv[2]));
const count = Number(process.argv[3]);
const truncated = good.slice(0, good.length >> 1);
let unreadable = 0;
for (let i = 0; i < count; i++) {
    const result = await readNirFile(truncated);
    if (result.problems.some((p) => p.code.startsWith('hdf5/'))) unreadable++;
}
const after = await readNirFile(good);
process.stdout.write(JSON.stringify({ unreadable, rootType: after.document?.root.type, afterProblems: after.problems.length }) + '\n');
