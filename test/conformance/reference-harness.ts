import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, type EngineRunOptions, type InputSpikes, type TraceChunk } from '../../engine/src/index.js';

/** Debian's Python (numpy, h5py, brian2); the `python3` first on PATH may lack them. */
export const PYTHON = '/usr/bin/python3';

/** True when Debian's Python has the given modules. */
export function pythonHas(...modules: string[]): boolean {
    return existsSync(PYTHON) && spawnSync(PYTHON, ['-c', `import ${modules.join(', ')}`], { stdio: 'ignore' }).status === 0;
}

/** Runs one of the Python reference scripts beside this file with a JSON document on stdin; returns its JSON output. */
export function runPython<T>(script: string, input: unknown): T {
    const done = spawnSync(PYTHON, ['-W', 'ignore', join(import.meta.dirname, script)], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (done.status !== 0) throw new Error(`${script} failed: ${done.stderr}`);
    return JSON.parse(done.stdout) as T;
}

/** A seeded generator of uniform numbers in [0, 1), so every test network is the same on every run. */
export function seeded(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = Math.imul(a ^ (a >>> 15), a | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** A `rows × cols` matrix of uniform numbers in [low, high). */
export function matrix(random: () => number, rows: number, cols: number, low: number, high: number): number[][] {
    return Array.from({ length: rows }, () => Array.from({ length: cols }, () => low + (high - low) * random()));
}

/** `count` random (tick, neuron) spikes, sorted by tick then neuron, without repeats. */
export function randomSpikes(random: () => number, neurons: number, ticks: number, count: number): [number, number][] {
    const seen = new Set<number>();
    for (let k = 0; k < count; k++) seen.add(Math.floor(random() * ticks) * neurons + Math.floor(random() * neurons));
    return [...seen].sort((a, b) => a - b).map((id) => [Math.floor(id / neurons), id % neurons]);
}

/** Input spikes for the engine from (tick, neuron) pairs: each at the start of its tick. */
export function inputSpikes(node: string, spikes: readonly (readonly [number, number])[], dt: number): InputSpikes {
    return { node, idx: Int32Array.from(spikes, (s) => s[1]), time: Float64Array.from(spikes, (s) => s[0] * dt) };
}

/** The spike trains (per recorded node, sorted [tick, neuron] pairs) and the probed values of an engine run. */
export interface EngineTrace {
    readonly spikes: Record<string, [number, number][]>;
    readonly probes: Record<string, number[][]>;
    readonly packets: number;
    readonly dropped: number;
}

const engine = createEngine();

/**
 * Runs a spec text in the engine and collects its trace; fails the test with the problems when it
 * does not run. Networks run on a target even where its toolchain would refuse a node type
 * (`ignoreFit`): the simulator runs every NIR node.
 */
export async function runEngine(text: string, target: string, options: EngineRunOptions): Promise<EngineTrace> {
    const chunks: TraceChunk[] = [];
    const run = await engine.run({ kind: 'spec', text }, { ignoreFit: true, ...options, target, onChunk: (c) => chunks.push(c) });
    if (!run.result) throw new Error(`did not run: ${run.problems.filter((p) => p.severity === 'error').map((p) => `${p.code} ${p.message}`).join('; ')}`);
    const result = run.result;
    const spikes: Record<string, [number, number][]> = {};
    const probes: Record<string, number[][]> = {};
    result.channels.forEach((channel, index) => {
        if (channel.indices) {
            const rows: number[][] = [];
            for (const chunk of chunks) {
                const values = chunk.probes.find((p) => p.channel === index)!.values;
                for (let t = 0; t < chunk.steps; t++) rows.push(Array.from(values.subarray(t * channel.size, (t + 1) * channel.size)));
            }
            probes[channel.name] = rows;
            return;
        }
        const pairs: [number, number][] = [];
        for (const chunk of chunks) {
            const column = chunk.spikes.find((s) => s.channel === index);
            if (column) for (let k = 0; k < column.step.length; k++) pairs.push([column.step[k], column.neuron[k]]);
        }
        spikes[channel.name] = pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    });
    return { spikes, probes, packets: result.packets, dropped: result.droppedPackets };
}

/** A spec text from a plain graph object (YAML reads JSON). */
export function specText(graph: { nodes: Record<string, unknown>; edges: [string, string][] }): string {
    return JSON.stringify({ node: { type: 'NIRGraph', nodes: graph.nodes, edges: graph.edges } });
}
