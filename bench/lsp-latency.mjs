// Language-server latency and memory (DESIGN.md §5), against yaml-language-server in the same run.
//
//   node bench/lsp-latency.mjs [--nodes 5000] [--runs 20] [--target ID] [--out bench/results/lsp-latency.json]
//
// Generates a spec of --nodes nodes (bench/lib/generate-spec.mjs), spawns the built server
// (dist/server.cjs --stdio; run `node esbuild.mjs` first) and measures, from the client side:
// opening it to its first diagnostics; a one-line edit inside a node to the diagnostics of that
// version (median of --runs), with the default debounce and with none; an edit outside the nodes
// (a full re-parse); the same one-line edit on a 100-node spec; completion and hover (steady, and
// right after an edit); and the server's memory. Then the same spec converted to a `.nir` file and
// back (`nirmesh convert`, explicit weights, nodes in the writer's order: the form users get from
// an exporter): one-line value edits in its first, middle and last node, each sent as a range
// change and as the whole text (full sync), with how the server re-read each. Then
// yaml-language-server (npm) validates the generated file against schemas/nir-yaml.schema.json,
// measured the same way. Writes the figures to --out and
// prints them. Exits 1 if a server fails; missing the targets is reported, not an error.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importBundled, optionReader, root } from './lib/bundle.mjs';
import { generateSpec, middleTauLine } from './lib/generate-spec.mjs';

const args = process.argv.slice(2);
const option = optionReader(args);
const NODES = Number(option('--nodes', '5000'));
const RUNS = Number(option('--runs', '20'));
const OUT = resolve(option('--out', join(root, 'bench', 'results', 'lsp-latency.json')));
/** The `nirmesh.target` setting; the server's default (spinnaker2-board48) unless given (`none`: graph checks only). */
const TARGET = option('--target', undefined);
const SETTINGS = TARGET ? { target: TARGET } : {};
const TARGETS = { fullDiagnosticsMs: 200, smallEditMs: 50, completionMs: 20, hoverMs: 20, memoryMiB: 300 };
const SCHEMA = join(root, 'schemas', 'nir-yaml.schema.json');
const YAML_LS = join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x) => (x === null || x === undefined ? null : Math.round(x * 10) / 10);
const summary = (xs) => ({ median: round(median(xs)), min: round(Math.min(...xs)), max: round(Math.max(...xs)), runs: xs.length });

/**
 * `text` with its middle LIF's `tau` set to a value that differs per run, as a one-line incremental
 * change; the value's length alternates, as typing changes it (so later spans really move).
 */
function tauEdit(text, run) {
    const { line, text: old } = middleTauLine(text);
    const value = `0.0${(run % 8) + 2}${run % 2 ? '' : '5'}`;
    const change = { range: { start: { line, character: 0 }, end: { line, character: old.length } }, text: `      tau: ${value}` };
    const lines = text.split('\n');
    lines[line] = change.text;
    return { change, next: lines.join('\n') };
}

/**
 * An edit of the value on the `which` (first, middle or last) line that sets a node's `tau` or
 * `bias`, alternating between two values so that the text really changes each run.
 */
function valueEdit(which) {
    return (text, run) => {
        const lines = text.split('\n');
        const values = lines.flatMap((l, i) => (/^ {6}(tau|bias): /.test(l) ? [i] : []));
        const line = which === 'first' ? values[0] : which === 'last' ? values.at(-1) : values[Math.floor(values.length / 2)];
        const key = lines[line].slice(0, lines[line].indexOf(':') + 2);
        const replacement = `${key}${run % 2 ? '0.0' : '0.25'}`;
        const change = { range: { start: { line, character: 0 }, end: { line, character: lines[line].length } }, text: replacement };
        lines[line] = replacement;
        return { change, next: lines.join('\n') };
    };
}

/** The same edit sent as the whole new text, as a client with full document sync does. */
function wholeText(makeEdit) {
    return (text, run) => {
        const { next } = makeEdit(text, run);
        return { change: next, next };
    };
}

/** A change to the first comment line (outside the nodes), which takes a full re-parse. */
function headerEdit(text, run) {
    const first = text.split('\n')[0];
    const replacement = `# edit ${run}`;
    return { change: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: first.length } }, text: replacement }, next: replacement + text.slice(first.length) };
}

/** Times edits to diagnostics of their version: `await until(version)` after each change. */
async function timeEdits(client, uri, text, runs, makeEdit, until) {
    const times = [];
    const versions = [];
    let current = text;
    for (let run = 0; run < runs; run++) {
        const { change, next } = makeEdit(current, run);
        const t0 = performance.now();
        const version = client.change(uri, typeof change === 'string' ? change : [change]);
        await until(version);
        times.push(performance.now() - t0);
        versions.push(version);
        current = next;
    }
    return { times, versions, text: current };
}

/**
 * The server's own per-stage times for some versions (it logs them with NIRMESH_TIMING=1):
 * `load-<how>` (cached, incremental, chunked or full), `check` (the engine's analysis and fast
 * checks), `emit-checked` (converting and publishing), medians in milliseconds.
 */
function stages(client, uri, versions) {
    const wanted = new Set(versions.map((v) => `v${v}`));
    const samples = {};
    for (const line of client.log.join('').split('\n')) {
        const match = /^nirmesh timing (\S+) (v\d+): (.*)$/.exec(line.trim());
        if (!match || match[1] !== uri || !wanted.has(match[2])) continue;
        for (const pair of match[3].split(' ')) {
            const [name, ms] = pair.split('=');
            (samples[name] ??= []).push(Number(ms));
        }
    }
    return Object.fromEntries(Object.entries(samples).map(([name, xs]) => [name, { median: round(median(xs)), runs: xs.length }]));
}

async function timeRequests(client, method, params, runs) {
    const times = [];
    let result;
    for (let run = 0; run < runs; run++) {
        const t0 = performance.now();
        result = await client.request(method, params);
        times.push(performance.now() - t0);
    }
    return { times, result };
}

/** The position of an edge's target name in the middle of the edges, and of a node key. */
function positions(text) {
    const lines = text.split('\n');
    const edgesAt = lines.indexOf('  edges:');
    const edgeLine = edgesAt + Math.floor((lines.length - edgesAt) / 2);
    const edge = lines[edgeLine];
    const keyLine = lines.findIndex((l, i) => i > lines.length / 4 && /^ {4}lif\d+:$/.test(l));
    return {
        completion: { line: edgeLine, character: edge.lastIndexOf(']') >= 0 ? edge.lastIndexOf(']') : edge.length },
        hover: { line: keyLine, character: 6 },
    };
}

async function benchNirmesh(Client, file, small) {
    const uri = pathToFileURL(file.path).href;
    const client = Client.LspTestClient.start({ command: ['node', join(root, 'dist', 'server.cjs'), '--stdio'], settings: SETTINGS, timeoutMs: 120_000 });
    try {
        const init = await client.initialize();
        const t0 = performance.now();
        client.open(uri, file.text);
        const first = await client.waitForDiagnostics(uri);
        const openMs = performance.now() - t0;
        const until = (version) => client.waitForDiagnostics(uri, (p) => p.version === version);
        const edit = await timeEdits(client, uri, file.text, RUNS, tauEdit, until);
        await client.setSettings({ ...SETTINGS, validationDelayMs: 0 });
        await client.waitForDiagnostics(uri); // the re-check the settings change causes
        const editNoDebounce = await timeEdits(client, uri, edit.text, RUNS, tauEdit, until);
        const fullReparse = await timeEdits(client, uri, editNoDebounce.text, Math.min(RUNS, 5), headerEdit, until);
        const text = fullReparse.text;
        const at = positions(text);
        const caps = init.capabilities;
        const doc = { textDocument: { uri } };
        const completion = caps.completionProvider ? await timeRequests(client, 'textDocument/completion', { ...doc, position: at.completion }, RUNS) : undefined;
        const hover = caps.hoverProvider ? await timeRequests(client, 'textDocument/hover', { ...doc, position: at.hover }, RUNS) : undefined;
        const afterEdit = [];
        if (caps.completionProvider) {
            let current = text;
            for (let run = 0; run < RUNS; run++) {
                const { change, next } = tauEdit(current, run + 3);
                const t = performance.now();
                client.change(uri, [change]);
                await client.request('textDocument/completion', { ...doc, position: at.completion });
                afterEdit.push(performance.now() - t);
                current = next;
            }
        }
        const memory = client.memoryMiB();

        const smallUri = pathToFileURL(small.path).href;
        client.open(smallUri, small.text);
        await client.waitForDiagnostics(smallUri);
        const smallEdit = await timeEdits(client, smallUri, small.text, RUNS, tauEdit, (version) => client.waitForDiagnostics(smallUri, (p) => p.version === version));
        const exitCode = await client.shutdown();
        return {
            server: 'nirmesh (dist/server.cjs)',
            diagnosticsOnOpen: { ms: round(openMs), count: first.diagnostics.length, codes: [...new Set(first.diagnostics.map((d) => d.code))] },
            editToDiagnostics: { ...summary(edit.times), debounceMs: 50 },
            editToDiagnosticsNoDebounce: { ...summary(editNoDebounce.times), serverStages: stages(client, uri, editNoDebounce.versions) },
            fullReparseEditToDiagnostics: { ...summary(fullReparse.times), serverStages: stages(client, uri, fullReparse.versions) },
            smallSpecEditToDiagnostics: { ...summary(smallEdit.times), nodes: small.nodes },
            completion: completion ? { ...summary(completion.times), items: (completion.result?.items ?? completion.result ?? []).length } : 'not offered',
            hover: hover ? { ...summary(hover.times), found: hover.result !== null } : 'not offered',
            completionRightAfterEdit: afterEdit.length ? summary(afterEdit) : 'not offered',
            memoryMiB: memory ? { rss: round(memory.rss), peak: round(memory.peak) } : null,
            exitCode,
        };
    } finally {
        client.dispose();
    }
}

/**
 * Edits in the first, middle and last node of a spec converted from a `.nir` file, with no
 * debounce, sent as ranges and as whole texts; each with the server's stages (its `load-<how>`
 * says whether the edit was re-read incrementally).
 */
async function benchConverted(Client, file) {
    const uri = pathToFileURL(file.path).href;
    const client = Client.LspTestClient.start({ command: ['node', join(root, 'dist', 'server.cjs'), '--stdio'], settings: { ...SETTINGS, validationDelayMs: 0 }, timeoutMs: 120_000 });
    try {
        await client.initialize();
        const t0 = performance.now();
        client.open(uri, file.text);
        await client.waitForDiagnostics(uri);
        const openMs = performance.now() - t0;
        const until = (version) => client.waitForDiagnostics(uri, (p) => p.version === version);
        const edits = {};
        let text = file.text;
        for (const which of ['first', 'middle', 'last']) {
            for (const [sync, makeEdit] of [['range', valueEdit(which)], ['fullText', wholeText(valueEdit(which))]]) {
                const timed = await timeEdits(client, uri, text, RUNS, makeEdit, until);
                edits[`${which}Node_${sync}`] = { ...summary(timed.times), serverStages: stages(client, uri, timed.versions) };
                text = timed.text;
            }
        }
        const memory = client.memoryMiB();
        const exitCode = await client.shutdown();
        return { nodes: file.nodes, bytes: file.text.length, diagnosticsOnOpen: { ms: round(openMs) }, edits, memoryMiB: memory ? { rss: round(memory.rss), peak: round(memory.peak) } : null, exitCode };
    } finally {
        client.dispose();
    }
}

async function benchYamlLs(Client, file) {
    if (!existsSync(SCHEMA)) return { skipped: `${SCHEMA} is missing` };
    if (!existsSync(YAML_LS)) return { skipped: 'yaml-language-server is not installed (npm install)' };
    const uri = pathToFileURL(file.path).href;
    const schemaUri = pathToFileURL(SCHEMA).href;
    const yaml = { validate: true, hover: true, completion: true, schemas: { [schemaUri]: ['*.nir.yaml'] }, maxItemsComputed: 100000 };
    const client = Client.LspTestClient.start({ command: ['node', YAML_LS, '--stdio'], sections: { yaml }, timeoutMs: 120_000 });
    try {
        await client.initialize();
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml } });
        const t0 = performance.now();
        const opened = client.nextDiagnostics(uri);
        client.open(uri, file.text, 'yaml');
        const first = await opened;
        const openMs = performance.now() - t0;
        const runs = Math.min(RUNS, 10);
        const edit = await timeEdits(client, uri, file.text, runs, tauEdit, () => client.nextDiagnostics(uri));
        const memory = client.memoryMiB();
        const exitCode = await client.shutdown();
        return {
            server: 'yaml-language-server (npm) with schemas/nir-yaml.schema.json',
            diagnosticsOnOpen: { ms: round(openMs), count: first.diagnostics.length },
            editToDiagnostics: { ...summary(edit.times), debounceMs: 200 },
            memoryMiB: memory ? { rss: round(memory.rss), peak: round(memory.peak) } : null,
            exitCode,
        };
    } finally {
        client.dispose();
    }
}

// The test suite's stdio client (test/helpers/lsp-client.ts), bundled for Node.
const Client = await importBundled('test/helpers/lsp-client.ts', { format: 'cjs', define: { 'import.meta.dirname': JSON.stringify(join(root, 'test', 'helpers')) } });
process.env.NIRMESH_TIMING = '1'; // the server logs its per-stage times (inherited by the spawned server)
const dir = mkdtempSync(join(tmpdir(), 'nirmesh-lsp-bench-'));
const big = { nodes: NODES, text: generateSpec({ nodes: NODES }), path: join(dir, `generated-${NODES}.nir.yaml`) };
const small = { nodes: 100, text: generateSpec({ nodes: 100 }), path: join(dir, 'generated-100.nir.yaml') };
for (const f of [big, small]) writeFileSync(f.path, f.text);
/** The big spec through `nirmesh convert` to a `.nir` file and back (dist/cli.cjs). */
function convertedSpec() {
    const nir = join(dir, `generated-${NODES}.nir`);
    const path = join(dir, `converted-${NODES}.nir.yaml`);
    const cli = join(root, 'dist', 'cli.cjs');
    execFileSync(process.execPath, [cli, 'convert', big.path.replace('generated', 'narrow'), nir], { stdio: 'ignore' });
    execFileSync(process.execPath, [cli, 'convert', nir, path], { stdio: 'ignore' });
    return { nodes: NODES, text: readFileSync(path, 'utf8'), path };
}
// Populations 8 wide, so that the converted text (explicit weights) is about 2.8 MB for 5,000 nodes.
writeFileSync(big.path.replace('generated', 'narrow'), generateSpec({ nodes: NODES, width: 8 }));

let failed = false;
const attempt = async (name, run) => {
    try {
        return await run();
    } catch (error) {
        failed = true;
        console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        return { error: String(error) };
    }
};
const nirmesh = await attempt('nirmesh', () => benchNirmesh(Client, big, small));
const converted = await attempt('nirmesh (converted spec)', () => benchConverted(Client, convertedSpec()));
const yamlLs = await attempt('yaml-language-server', () => benchYamlLs(Client, big));
rmSync(dir, { recursive: true, force: true });

const verdict = nirmesh.editToDiagnostics
    ? {
          fullDiagnosticsAfterEdit: { ms: nirmesh.editToDiagnostics.median, targetMs: TARGETS.fullDiagnosticsMs, met: nirmesh.editToDiagnostics.median <= TARGETS.fullDiagnosticsMs },
          smallEditRecheck: { ms: nirmesh.editToDiagnosticsNoDebounce.median, targetMs: TARGETS.smallEditMs, met: nirmesh.editToDiagnosticsNoDebounce.median <= TARGETS.smallEditMs },
          completion: typeof nirmesh.completion === 'object' ? { ms: nirmesh.completion.median, targetMs: TARGETS.completionMs, met: nirmesh.completion.median <= TARGETS.completionMs } : 'not offered',
          hover: typeof nirmesh.hover === 'object' ? { ms: nirmesh.hover.median, targetMs: TARGETS.hoverMs, met: nirmesh.hover.median <= TARGETS.hoverMs } : 'not offered',
          memory: nirmesh.memoryMiB ? { mib: nirmesh.memoryMiB.peak, targetMiB: TARGETS.memoryMiB, met: nirmesh.memoryMiB.peak <= TARGETS.memoryMiB } : null,
          fasterThanYamlLs: yamlLs.editToDiagnostics ? nirmesh.editToDiagnostics.median < yamlLs.editToDiagnostics.median : null,
      }
    : null;
const results = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
    spec: { nodes: NODES, lines: big.text.split('\n').length, bytes: big.text.length },
    target: TARGET ?? 'spinnaker2-board48 (default)',
    runs: RUNS,
    nirmesh,
    convertedSpec: converted,
    yamlLanguageServer: yamlLs,
    verdict,
};
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');

const stageText = (stagesOf) => (stagesOf ? Object.entries(stagesOf).map(([name, s]) => `${name} ${s.median}`).join(', ') : 'n/a');
const row = (label, value) => console.log(`${label.padEnd(44)} ${value}`);
const ms = (s) => (s && typeof s === 'object' && 'median' in s ? `${s.median} ms (min ${s.min}, max ${s.max}, n=${s.runs})` : String(s?.ms ?? s?.skipped ?? s));
console.log(`language server, ${NODES}-node spec (${results.spec.lines} lines), target ${results.target}, median of ${RUNS}:`);
row('nirmesh: open → diagnostics', `${nirmesh.diagnosticsOnOpen?.ms} ms`);
row('nirmesh: one-line edit → diagnostics (50 ms debounce)', ms(nirmesh.editToDiagnostics));
row('nirmesh: one-line edit → diagnostics (no debounce)', ms(nirmesh.editToDiagnosticsNoDebounce));
row('    server stages (median ms)', stageText(nirmesh.editToDiagnosticsNoDebounce?.serverStages));
row('nirmesh: edit outside the nodes (full re-parse)', ms(nirmesh.fullReparseEditToDiagnostics));
row('    server stages (median ms)', stageText(nirmesh.fullReparseEditToDiagnostics?.serverStages));
row('nirmesh: 100-node spec, edit → diagnostics', ms(nirmesh.smallSpecEditToDiagnostics));
row('nirmesh: completion', ms(nirmesh.completion));
row('nirmesh: hover', ms(nirmesh.hover));
row('nirmesh: completion right after an edit', ms(nirmesh.completionRightAfterEdit));
row('nirmesh: memory RSS / peak', nirmesh.memoryMiB ? `${nirmesh.memoryMiB.rss} / ${nirmesh.memoryMiB.peak} MiB` : 'n/a');
if (converted.edits) {
    console.log(`the same ${NODES} nodes converted from a .nir file (${(converted.bytes / 1e6).toFixed(1)} MB), no debounce:`);
    row('nirmesh: open → diagnostics', `${converted.diagnosticsOnOpen.ms} ms`);
    for (const [name, s] of Object.entries(converted.edits)) row(`nirmesh: edit ${name.replace('_', ', ')} sync`, `${ms(s)}; ${stageText(s.serverStages)}`);
    row('nirmesh: memory RSS / peak', converted.memoryMiB ? `${converted.memoryMiB.rss} / ${converted.memoryMiB.peak} MiB` : 'n/a');
}
row('yaml-language-server: open → diagnostics', yamlLs.diagnosticsOnOpen ? `${yamlLs.diagnosticsOnOpen.ms} ms` : (yamlLs.skipped ?? yamlLs.error));
row('yaml-language-server: edit → diagnostics (200 ms debounce)', ms(yamlLs.editToDiagnostics ?? yamlLs.skipped ?? yamlLs.error));
row('yaml-language-server: memory RSS / peak', yamlLs.memoryMiB ? `${yamlLs.memoryMiB.rss} / ${yamlLs.memoryMiB.peak} MiB` : 'n/a');
console.log(`written to ${OUT}`);
process.exitCode = failed ? 1 : 0;
