// `npm run bench`: runs every benchmark script in bench/ (every bench/*.mjs but this one), one
// after the other in name order, each in its own Node process with its output shown as it comes.
// Each script writes its own results file under bench/results/. Exits 1 when any script fails,
// after running the rest.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const self = basename(fileURLToPath(import.meta.url));
const scripts = readdirSync(here).filter((name) => name.endsWith('.mjs') && name !== self).sort();
const failed = [];
for (const name of scripts) {
    console.log(`\n=== bench/${name}`);
    const started = performance.now();
    const run = spawnSync(process.execPath, [join(here, name)], { stdio: 'inherit' });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (run.status !== 0) failed.push(name);
    console.log(`=== bench/${name}: ${run.status === 0 ? 'done' : `failed (${run.status ?? run.signal})`} in ${seconds} s`);
}
console.log(`\n${scripts.length - failed.length} of ${scripts.length} benchmarks finished${failed.length > 0 ? `; failed: ${failed.join(', ')}` : ''}`);
if (failed.length > 0) process.exitCode = 1;
