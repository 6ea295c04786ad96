// Routing-table minimisation benchmark: the 288 real SpiNNaker routing tables of Mundy et al.
// (HPSR 2016) in ../shared/routing-tables/, minimised by engine/src/routing and verified against
// their originals, compared with the published ordered-covering results stored beside them.
//
//   node bench/routing-minimise.mjs [--limit N] [--tables DIR] [--out FILE]
//
// Writes bench/results/routing-minimise.json (per table: original, ours, published, ms) and
// prints a summary. Exits 1 when a table fails verification or the totals miss the published ones.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { importBundled, optionReader, root } from './lib/bundle.mjs';

const args = process.argv.slice(2);
const option = optionReader(args);
const limit = Number(option('--limit', 'Infinity'));
const tablesDir = resolve(option('--tables', join(root, '..', 'shared', 'routing-tables')));
const outFile = resolve(option('--out', join(root, 'bench', 'results', 'routing-minimise.json')));
const ROUTER_ENTRIES = 1024; // the SpiNNaker1 router's table (1024 physical entries; Mundy et al.)
const BENCHMARKS = ['centroid', 'gaussian'];

function readTables(routing, file) {
    const { tables, error } = routing.parseRoutingTableFile(new Uint8Array(readFileSync(join(tablesDir, file))));
    if (error) throw new Error(`${file}: ${error}`);
    return tables;
}

function percentile(sorted, q) {
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const routing = await importBundled('engine/src/routing/index.ts');
const rows = [];
let failures = 0;
for (const benchmark of BENCHMARKS) {
    const originals = readTables(routing, `uncompressed_${benchmark}_12_12_xyp.bin`);
    const published = new Map(readTables(routing, `compressed_oc_spinnaker_${benchmark}_12_12_xyp.bin`).map((t) => [`${t.x},${t.y}`, t.entries]));
    for (const table of originals.slice(0, limit)) {
        const t0 = performance.now();
        const minimised = routing.minimiseTable(table.entries);
        const ms = performance.now() - t0;
        const t1 = performance.now();
        const verdict = routing.verifyTable(table.entries, minimised);
        const verifyMs = performance.now() - t1;
        if (!verdict.ok) {
            failures++;
            console.error(`${benchmark} (${table.x}, ${table.y}): key 0x${verdict.key.toString(16)} expected ${verdict.expected} got ${verdict.actual}`);
        }
        // The published tables must pass the same verifier: a check of the verifier's rule.
        const theirs = published.get(`${table.x},${table.y}`);
        const publishedVerified = routing.verifyTable(table.entries, theirs).ok;
        if (!publishedVerified) console.error(`${benchmark} (${table.x}, ${table.y}): the published table fails verification`);
        rows.push({
            benchmark, x: table.x, y: table.y,
            original: table.entries.length, ours: minimised.length, published: theirs.length, publishedVerified,
            ms: Math.round(ms * 10) / 10, verifyMs: Math.round(verifyMs * 10) / 10, verified: verdict.ok,
        });
    }
}

const sum = (list, f) => list.reduce((n, r) => n + f(r), 0);
const summary = {};
for (const benchmark of [...BENCHMARKS, 'all']) {
    const list = rows.filter((r) => benchmark === 'all' || r.benchmark === benchmark);
    const times = list.map((r) => r.ms).sort((a, b) => a - b);
    summary[benchmark] = {
        tables: list.length,
        original: sum(list, (r) => r.original),
        ours: sum(list, (r) => r.ours),
        published: sum(list, (r) => r.published),
        fitOurs: list.filter((r) => r.ours <= ROUTER_ENTRIES).length,
        fitOurs1023: list.filter((r) => r.ours < ROUTER_ENTRIES).length,
        fitPublished: list.filter((r) => r.published <= ROUTER_ENTRIES).length,
        largerThanPublished: list.filter((r) => r.ours > r.published).length,
        verified: list.filter((r) => r.verified).length,
        publishedVerified: list.filter((r) => r.publishedVerified).length,
        oursMean: Math.round((10 * sum(list, (r) => r.ours)) / list.length) / 10,
        publishedMean: Math.round((10 * sum(list, (r) => r.published)) / list.length) / 10,
        msMedian: percentile(times, 0.5),
        msMax: times[times.length - 1],
        msTotal: Math.round(sum(list, (r) => r.ms)),
        verifyMsMedian: percentile(list.map((r) => r.verifyMs).sort((a, b) => a - b), 0.5),
    };
}
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify({ routerEntries: ROUTER_ENTRIES, node: process.version, summary, tables: rows }, null, 1) + '\n');

console.log('benchmark  tables  original     ours  published  fit≤1024 ours/pub  >pub  verified  ms median/max');
for (const [name, s] of Object.entries(summary)) {
    console.log(`${name.padEnd(9)} ${String(s.tables).padStart(6)} ${String(s.original).padStart(9)} ${String(s.ours).padStart(8)} ${String(s.published).padStart(10)}  ${String(s.fitOurs).padStart(8)}/${s.fitPublished}  ${String(s.largerThanPublished).padStart(9)}  ${String(s.verified).padStart(8)}  ${s.msMedian}/${s.msMax}`);
}
const all = summary.all;
console.log(`verification: median ${all.verifyMsMedian} ms per table; minimisation: ${all.msTotal} ms for all ${all.tables} tables`);
console.log(`published tables passing our verifier: ${all.publishedVerified} of ${all.tables}; ours under 1024 entries (≤ 1023, SpiNNaker1's usable entries): ${all.fitOurs1023}`);
const pass = failures === 0 && all.ours <= all.published && all.fitOurs >= all.fitPublished;
console.log(pass ? 'PASS: every table verified; totals within the published ones.' : 'FAIL');
process.exitCode = pass ? 0 : 1;
