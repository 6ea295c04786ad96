import type { CliOutput } from './cli-context.js';
import type { Numerics, RunResult } from '../../engine/src/index.js';
import { formatDiagnosticLine, type JsonDiagnostic } from './diagnostic-report.js';

/**
 * What the report shows of a run: a built-in run's `RunResult`, or a run on another engine (PyNN:
 * `--engine pynn-*`), which knows no target, numerics, traffic or energy (those stay absent) and
 * adds its processes and their peak memory.
 */
export type ReportedRun = Pick<RunResult, 'simulatorId' | 'steps' | 'dtMs' | 'nodes' | 'setupS' | 'simS' | 'stopped'>
    & Partial<Pick<RunResult, 'targetId' | 'numerics' | 'synapticEvents' | 'packets' | 'droppedPackets' | 'routers' | 'links' | 'pes' | 'energy'>>
    & { readonly processes?: number; readonly peakRssMb?: readonly number[] };

/** The same network run with the other numerics, for `--compare`. */
export interface Comparison {
    readonly numerics: Numerics;
    readonly result: RunResult;
}

/** Per node: spikes in the run, in the comparison run, and the difference. */
function compareNodes(result: ReportedRun, comparison: Comparison) {
    const nodes = result.nodes.map((n) => {
        const other = comparison.result.nodes.find((m) => m.path === n.path)?.spikes ?? 0;
        return { name: n.name, path: n.path, spikes: n.spikes, other_spikes: other, difference: n.spikes - other };
    });
    return { numerics: comparison.numerics, nodes, total_difference: nodes.reduce((a, n) => a + Math.abs(n.difference), 0) };
}

/** A count of the run's report: 0 when nothing ran, null when the engine that ran cannot know it. */
function known(r: ReportedRun | undefined, value: number | undefined): number | null {
    return r === undefined ? 0 : (value ?? null);
}

/**
 * The `run --json` document: the docs/cli.md fields in snake_case, the details and the
 * diagnostics; a PyNN run adds `processes` and `peak_rss_mb`.
 */
export function runJson(file: string, r: ReportedRun | undefined, diagnostics: readonly JsonDiagnostic[], wallS: number, comparison?: Comparison) {
    return {
        file,
        ran: r !== undefined,
        target: r?.targetId ?? null,
        simulator: r?.simulatorId ?? null,
        numerics: r?.numerics ?? null,
        steps: r?.steps ?? 0,
        dt_ms: r?.dtMs ?? null,
        stopped: r?.stopped ?? null,
        nodes: (r?.nodes ?? []).map((n) => ({ name: n.name, path: n.path, type: n.type, neurons: n.neurons, spikes: n.spikes })),
        synaptic_events: known(r, r?.synapticEvents),
        packets: known(r, r?.packets),
        dropped_packets: known(r, r?.droppedPackets),
        routers: (r?.routers ?? []).map((c) => ({ x: c.x, y: c.y, packets: c.packets, dropped: c.dropped, peak_per_tick: c.peakPerTick })),
        links: (r?.links ?? []).map((c) => ({ x: c.x, y: c.y, link: c.link, packets: c.packets, dropped: c.dropped, peak_per_tick: c.peakPerTick })),
        pes: (r?.pes ?? []).map((p) => ({ x: p.x, y: p.y, pe: p.pe, synaptic_events: p.synapticEvents, peak_per_tick: p.peakPerTick })),
        energy_j: r?.energy?.joules ?? null,
        energy: r?.energy
            ? {
                model: r.energy.model,
                terms: r.energy.terms.map((t) => ({ name: t.name, count: t.count, joules_each: t.joulesEach, joules: t.joules, setting: t.setting })),
                placeholders: r.energy.placeholders,
            }
            : null,
        setup_s: r?.setupS ?? 0,
        sim_s: r?.simS ?? 0,
        wall_s: wallS,
        synaptic_events_per_s: r?.synapticEvents !== undefined && r.simS > 0 ? r.synapticEvents / r.simS : null,
        compare: r && comparison ? compareNodes(r, comparison) : null,
        ...(r?.processes === undefined ? {} : { processes: r.processes, peak_rss_mb: r.peakRssMb ?? null }),
        diagnostics,
    };
}

/** The human report: spikes per node, traffic, energy, timings, diagnostics (hints left out) and the verdict. */
export function printRunReport(out: CliOutput, file: string, r: ReportedRun | undefined, diagnostics: readonly JsonDiagnostic[], wallS: number, comparison?: Comparison): void {
    const w = out.stdout;
    if (r) {
        const seconds = (r.steps * r.dtMs) / 1000;
        const on = r.processes === undefined ? r.targetId : `${r.simulatorId} (${r.processes} process${r.processes === 1 ? '' : 'es'})`;
        const numerics = r.numerics ? `, ${r.numerics} numerics` : '';
        w(`${file} on ${on}: ${num(r.steps)} ticks of ${r.dtMs} ms (${seconds} s)${numerics}${r.stopped ? ', stopped early' : ''}\n`);
        const width = Math.max(4, ...r.nodes.map((n) => n.name.length));
        for (const n of r.nodes) {
            const rate = n.neurons > 0 && seconds > 0 ? n.spikes / n.neurons / seconds : 0;
            w(`  ${n.name.padEnd(width)}  ${n.type.padEnd(9)} ${num(n.neurons).padStart(9)} neurons ${num(n.spikes).padStart(11)} spikes  ${rate.toFixed(1)} Hz\n`);
        }
        if (r.synapticEvents !== undefined) {
            w(`synaptic events ${num(r.synapticEvents)}`);
            if (r.targetId !== 'none' && r.links) {
                const busiest = r.links.reduce((a, l) => Math.max(a, l.peakPerTick), 0);
                w(`; packets ${num(r.packets ?? 0)}, dropped ${num(r.droppedPackets ?? 0)}; busiest link ${num(busiest)} packets in one tick`);
            }
            w('\n');
        }
        if (r.peakRssMb) w(`peak memory per process ${r.peakRssMb.map((mb) => `${num(mb)} MB`).join(', ')}\n`);
        if (r.energy) {
            const placeholders = r.energy.placeholders.length > 0 ? `; placeholder settings: ${r.energy.placeholders.join(', ')}` : '';
            w(`energy about ${r.energy.joules.toExponential(3)} J (model ${r.energy.model}${placeholders})\n`);
        }
        w(`setup ${r.setupS.toFixed(3)} s, simulation ${r.simS.toFixed(3)} s, wall ${wallS.toFixed(3)} s\n`);
        if (comparison) {
            const c = compareNodes(r, comparison);
            w(`compared with ${c.numerics} numerics: ${num(c.total_difference)} spikes differ\n`);
            for (const n of c.nodes) if (n.difference !== 0) w(`  ${n.name}: ${num(n.spikes)} vs ${num(n.other_spikes)} (${n.difference > 0 ? '+' : ''}${num(n.difference)})\n`);
        }
    }
    const shown = diagnostics.filter((d) => d.severity !== 'hint');
    for (const d of shown) w(formatDiagnosticLine(d) + '\n');
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    w(`${r ? (r.stopped ? 'stopped' : 'ran') : 'not run'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
}

function num(n: number): string {
    return Math.round(n).toLocaleString('en-US');
}
