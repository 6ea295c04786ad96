import type { CliCommand, CliOutput } from '../cli-context.js';
import type { HardwareTarget, Registry } from '../../../engine/src/index.js';
import type { ChipUsageWire, PlacementWire } from '../../../protocol/index.js';
import { toPlacementWire } from '../../../host/placement-wire.js';
import { writePlacementHtml } from '../placement-html.js';
import { EXIT, UsageError } from '../cli-context.js';
import { parseCount, parseNeuronsPerCore, parseOptions, parseTimeUnit } from '../parse-options.js';
import { loadSourceFile } from '../load-source.js';
import { formatDiagnosticLine, toJsonDiagnostics, type JsonDiagnostic } from '../diagnostic-report.js';
import {
    DEFAULT_STEPS, DEFAULT_TARGET_ID, NO_TARGET_ID, resolveTarget, withSettingOverrides,
} from '../../../engine/src/index.js';

/**
 * `nirmesh map FILE [--target ID] [--json] [--html PAGE] [--steps N] [--set NAME=VALUE]…
 * [--neurons-per-core TYPE=N]… [--time-unit s|ms]`: places the network on the target and reports
 * PEs, SRAM, keys, routing tables and the diagnostics (docs/cli.md); `--html` also writes the
 * placement view as a self-contained page.
 * Exit 0 when it fits, 1 when anything is an error, 2 for usage and I/O errors.
 */
export const mapCommand: CliCommand = {
    name: 'map',
    synopsis: 'map FILE [--target ID] [--json] [--html PAGE] [--steps N] [--set NAME=VALUE] [--neurons-per-core TYPE=N]... [--time-unit s|ms]   placement and resource report; exit 0 fits, 1 errors, 2 usage/IO',
    async run(args, { engine, out, cwd }) {
        const { values, positionals } = parseOptions('map', args, {
            target: { type: 'string' },
            json: { type: 'boolean' },
            steps: { type: 'string' },
            html: { type: 'string' },
            set: { type: 'string', multiple: true },
            'neurons-per-core': { type: 'string', multiple: true },
            'time-unit': { type: 'string' },
        });
        if (values.html === '') throw new UsageError('map: --html takes the FILE to write the page to');
        if (positionals.length !== 1) throw new UsageError('map: name exactly one FILE');
        const steps = parseCount('--steps', values.steps, DEFAULT_STEPS);
        const neuronsPerCore = parseNeuronsPerCore('map', values['neurons-per-core']);
        const timeUnit = parseTimeUnit('map', values['time-unit']);
        const target = targetWithOverrides('map', engine.registry, values.target ?? DEFAULT_TARGET_ID, values.set ?? []);

        const file = loadSourceFile(positionals[0], cwd);
        // Toolchain-rule errors (spinnaker2/…) still leave a graph worth costing; NIR errors do not.
        const { problems, mapping, analysis } = await engine.analyze(file.input, {
            target, categories: ['fast', 'slow'], steps, neuronsPerCore, timeUnit, mapDespiteTargetRuleErrors: true,
        });
        const diagnostics = toJsonDiagnostics(file, problems);
        const fits = mapping !== undefined && !diagnostics.some((d) => d.severity === 'error');
        const placement = mapping ? toPlacementWire(mapping, target) : null;
        if (values.html !== undefined) writePlacementHtml(values.html, cwd, { file, target: target.id, analysis, placement, diagnostics });
        if (values.json) out.stdout(JSON.stringify(mapJson(file.path, target, steps, placement, fits, diagnostics, engine.registry), null, 2) + '\n');
        else printReport(out, file.path, target, steps, placement, fits, diagnostics);
        return fits ? EXIT.ok : EXIT.problems;
    },
};

/** Resolves the target and applies `--set NAME=VALUE` overrides; bad ids or values are usage errors naming `command`. */
export function targetWithOverrides(command: string, registry: Registry, id: string, sets: readonly string[]): HardwareTarget {
    if (id === NO_TARGET_ID) throw new UsageError(`${command}: a mapping needs a hardware target; --target none only works for check and run`);
    const resolved = resolveTarget(registry, id);
    if (!resolved.target) throw new UsageError(`${command}: ${resolved.error ?? `unknown target '${id}'`}`);
    const overrides: Record<string, number> = {};
    for (const set of sets) {
        const match = /^([a-z0-9_]+)=(.+)$/.exec(set);
        const value = match ? Number(match[2]) : NaN;
        if (!match || !Number.isFinite(value)) throw new UsageError(`${command}: --set takes NAME=NUMBER (a setting of the target), not '${set}'`);
        overrides[match[1]] = value;
    }
    const overridden = withSettingOverrides(resolved.target, overrides);
    if ('error' in overridden) throw new UsageError(`${command}: ${overridden.error}`);
    return overridden;
}

/**
 * The `map --json` document, the placement's wire form (protocol/placement.ts) in snake_case: the
 * fields of docs/cli.md first, then the details and the diagnostics.
 */
export function mapJson(
    file: string, target: HardwareTarget, steps: number, m: PlacementWire | null, fits: boolean,
    diagnostics: readonly JsonDiagnostic[], registry: Registry,
) {
    return {
        file,
        target: target.id,
        target_title: target.title,
        mapper: m?.mapperId ?? null,
        steps,
        fits,
        chips_used: m?.chipsUsed ?? 0,
        pes_used: m?.pesUsed ?? 0,
        pes_needed: m?.pesNeeded ?? 0,
        limits: m?.limits
            ? { chips: m.limits.chips, pes_per_chip: m.limits.pesPerChip, pes: m.limits.pes, sram_bytes_per_pe: m.limits.sramBytesPerPe, dram_bytes_per_chip: m.limits.dramBytesPerChip, router_entries_per_chip: m.limits.routerEntriesPerChip }
            : null,
        nodes: (m?.nodes ?? []).map((n) => ({
            name: n.name, path: n.path, type: n.type, model: n.model, neurons: n.neurons,
            neurons_per_core: n.neuronsPerCore, neurons_per_core_source: n.neuronsPerCoreSource,
            pes_needed: n.pesNeeded, max_sram_bytes: n.maxSramBytes, router_entries: n.routerEntries,
            synapses_in: n.synapsesIn, synapses_exact: n.synapsesExact,
            pes: n.pes.map((p) => ({ chip: p.chip, pe: p.pe, first: p.first, count: p.count, sram_bytes: p.sramBytes, key: p.key, mask: p.mask, dram_bytes: p.dramBytes })),
        })),
        chips: (m?.chips ?? []).map((c) => ({
            x: c.x, y: c.y, router_entries: c.routerEntries, router_entries_uncompressed: c.routerEntriesUncompressed, pes_used: c.pesUsed, dram_bytes: c.dramBytes,
        })),
        links: (m?.links ?? []).map((l) => ({ x: l.x, y: l.y, link: l.link, trees: l.trees, packets_per_second: l.packetsPerSecond, utilisation: l.utilisation })),
        cost: m?.cost
            ? { mean_firing_rate_hz: m.cost.meanFiringRateHz, power_w: m.cost.powerW, synaptic_events_per_second: m.cost.synapticEventsPerSecond, link_packets_per_second: m.cost.linkPacketsPerSecond, energy_per_second_j: m.cost.energyPerSecondJ }
            : null,
        estimates: (m?.estimatesUsed ?? []).map((name) => describeEstimate(name, target, registry)),
        timings_ms: m?.timingsMs ?? null,
        diagnostics,
    };
}

/** An estimate with its value and source: a target setting, or a neuron model's costs. */
function describeEstimate(name: string, target: HardwareTarget, registry: Registry) {
    const setting = target.settings.get(name);
    if (setting) return { name, value: setting.value, unit: setting.unit, source: setting.source };
    const model = name.startsWith('neuron_model.') ? registry.neuronModels.get(name.slice('neuron_model.'.length)) : undefined;
    if (model) return { name, value: model.bytesPerNeuron, unit: 'B/neuron', max_neurons_per_core: model.maxNeuronsPerCore ?? null, source: model.costSource ?? '' };
    return { name, value: null, unit: '', source: 'synapse counts of random connectivity are expectations' };
}

/** The human report: a table per node, the machine totals, the estimates, the diagnostics and the verdict. */
function printReport(
    out: CliOutput, file: string, target: HardwareTarget, steps: number, m: PlacementWire | null, fits: boolean, diagnostics: readonly JsonDiagnostic[],
): void {
    const w = out.stdout;
    w(`${file} on ${target.id} (${target.title}), recording budgeted for ${steps} steps\n`);
    if (m) {
        const window = m.limits?.sramBytesPerPe ?? Infinity;
        const rows = m.nodes.map((n) => [
            n.name, n.type ?? '', num(n.neurons), `${num(n.neuronsPerCore ?? 0)} (${n.neuronsPerCoreSource ?? '?'})`,
            `${num(n.pes.length)}${(n.pesNeeded ?? n.pes.length) > n.pes.length ? ` of ${num(n.pesNeeded ?? 0)}` : ''}`,
            `${num(n.maxSramBytes ?? 0)}${(n.maxSramBytes ?? 0) > window ? ' !' : ''}`, num(n.routerEntries),
        ]);
        w(table(['node', 'type', 'neurons', 'neurons/PE', 'PEs', 'max SRAM B', 'route entries'], rows));
        const l = m.limits;
        const maxOf = (f: (c: ChipUsageWire) => number) => m.chips.reduce((a, c) => Math.max(a, f(c)), 0);
        w(`chips used ${num(m.chipsUsed)} of ${num(l?.chips ?? 0)}; PEs used ${num(m.pesUsed)} of ${num(l?.pes ?? 0)} (${num(m.pesNeeded ?? m.pesUsed)} needed)\n`);
        w(`router entries per chip: max ${num(maxOf((c) => c.routerEntries))} after minimisation (${num(maxOf((c) => c.routerEntriesUncompressed))} before), limit ${num(l?.routerEntriesPerChip ?? 0)}\n`);
        w(`SRAM per PE: max ${num(m.nodes.reduce((a, n) => Math.max(a, n.maxSramBytes ?? 0), 0))} B of ${num(window)} B; DRAM per chip: max ${num(maxOf((c) => c.dramBytes))} B of ${num(l?.dramBytesPerChip ?? 0)} B\n`);
        if (m.cost) {
            const busiest = m.links.reduce((a, link) => Math.max(a, link.utilisation), 0);
            w(`at ${num(m.cost.meanFiringRateHz)} Hz per neuron: ${num(m.cost.synapticEventsPerSecond)} synaptic events/s, busiest link ${(busiest * 100).toFixed(1)}% used, about ${m.cost.powerW.toFixed(2)} W\n`);
        }
        if (m.estimatesUsed.length > 0) w(`estimates used: ${m.estimatesUsed.join(', ')}\n`);
    }
    for (const d of diagnostics) w(formatDiagnosticLine(d) + '\n');
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    const verdict = fits ? 'fits' : m ? 'does not fit' : 'not mapped';
    w(`${verdict}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
}

function num(n: number): string {
    return Math.round(n).toLocaleString('en-US');
}

/** A plain-text table, columns padded; text columns left-aligned, numbers right-aligned. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[\d,]/.test(r[i])));
    const line = (cells: readonly string[]) => cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd() + '\n';
    return [line(header), ...rows.map(line)].join('');
}
