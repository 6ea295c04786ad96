import type { GraphNodeWire, NodePlacementWire, PlacementWire } from '../../../protocol/index.js';
import { html } from './dom.js';
import type { ChipModel } from './mesh-model.js';
import type { VisibleNode } from './visible-graph.js';

/** A count with thousands separators. */
function count(n: number): string {
    return Math.round(n).toLocaleString('en-US');
}

function bytes(n: number): string {
    if (n < 1024) return `${n} B`;
    return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

/** A use against a limit: `120 KiB of 128 KiB (94%)`, marked when over. */
function against(used: number, limit: number | undefined, format: (n: number) => string): HTMLElement {
    const text = limit ? `${format(used)} of ${format(limit)} (${Math.round((100 * used) / limit)}%)` : format(used);
    return html('span', limit && used > limit ? 'over' : '', text);
}

function facts(rows: readonly (readonly [string, string | HTMLElement])[]): HTMLDListElement {
    return html('dl', '', ...rows.flatMap(([term, value]) => [html('dt', '', term), html('dd', '', value)]));
}

/**
 * The side panel: what the selection holds. A node: its type, neurons, PEs, SRAM and routes; a
 * chip: its PEs, DRAM and routing table; a PE: the slices of populations it runs.
 */
export class InfoPanel {
    constructor(private readonly element: HTMLElement) {}

    /** The summary shown when nothing is selected. */
    showSummary(placement: PlacementWire | null, blockedBy: number): void {
        if (!placement) {
            this.element.replaceChildren(html('h3', '', 'Not mapped'), html('p', 'hint', `${blockedBy} error${blockedBy === 1 ? '' : 's'} in the network keep it from being mapped; the Problems panel lists them.`));
            return;
        }
        const l = placement.limits;
        const maxRouter = placement.chips.reduce((a, c) => Math.max(a, c.routerEntries), 0);
        const maxSram = placement.nodes.reduce((a, n) => Math.max(a, n.maxSramBytes ?? 0), 0);
        this.element.replaceChildren(
            html('h3', '', 'Placement'),
            html('div', 'kind', `${placement.mapperId} on ${placement.targetId}`),
            facts([
                ['chips', against(placement.chipsUsed, l?.chips, count)],
                ['PEs', against(placement.pesUsed, l?.pes, count)],
                ['SRAM/PE', against(maxSram, l?.sramBytesPerPe, bytes)],
                ['routes/chip', against(maxRouter, l?.routerEntriesPerChip, count)],
                ...(placement.cost ? [['power', `${placement.cost.powerW.toFixed(2)} W at ${placement.cost.meanFiringRateHz} Hz`] as const] : []),
            ]),
            html('p', 'hint', 'Select a node to see its PEs; click a chip or a PE to see what it holds. Drag to pan, scroll to zoom; the ▸ of a group (or a double click) expands it.'),
        );
    }

    /** A box of the graph: one node, or a group. */
    showNode(box: VisibleNode, node: GraphNodeWire | undefined, placed: readonly NodePlacementWire[], placement: PlacementWire | null): void {
        const sramWindow = placement?.limits?.sramBytesPerPe;
        const pes = placed.reduce((a, p) => a + p.pes.length, 0);
        const rows: [string, string | HTMLElement][] = [];
        if (box.members.length > 1) rows.push(['nodes', count(box.members.length)]);
        if (node?.shape) rows.push(['shape', `[${node.shape.join(', ')}]`]);
        if (placed.length > 0) {
            rows.push(['neurons', count(placed.reduce((a, p) => a + p.neurons, 0))]);
            rows.push(['PEs', count(pes)]);
            const one = placed.length === 1 ? placed[0] : undefined;
            if (one?.neuronsPerCore) rows.push(['neurons/PE', `${count(one.neuronsPerCore)} (${one.neuronsPerCoreSource ?? '?'})`]);
            rows.push(['max SRAM', against(Math.max(...placed.map((p) => p.maxSramBytes ?? 0)), sramWindow, bytes)]);
            rows.push(['routes', count(placed.reduce((a, p) => a + p.routerEntries, 0))]);
            if (one?.model) rows.push(['model', one.model]);
            if (one?.synapsesIn !== null && one?.synapsesIn !== undefined) rows.push(['synapses in', `${count(one.synapsesIn)}${one.synapsesExact ? '' : ' (expected)'}`]);
        }
        const title = box.members.length > 1 && box.kind !== 'nested' ? `${box.members.length} nodes` : (node?.name ?? box.id);
        this.element.replaceChildren(
            html('h3', '', title),
            html('div', 'kind', box.kind === 'node' || box.kind === 'graph' ? (node?.type ?? '') : `${box.kind} · ${node?.path ?? ''}`),
            facts(rows),
            html('p', 'hint', pes > 0 ? 'Its PEs are outlined on the chips.' : 'Runs on no PE of its own (folded into the populations it feeds, or an input/output).'),
        );
    }

    /** A chip, and the PE clicked in it. */
    showChip(chip: ChipModel, pe: number | undefined, placement: PlacementWire | null): void {
        const l = placement?.limits;
        const usage = placement?.chips.find((c) => c.x === chip.x && c.y === chip.y);
        const rows: [string, string | HTMLElement][] = [
            ['PEs used', against(chip.pesUsed, l?.pesPerChip, count)],
            ['DRAM', against(chip.dramBytes, l?.dramBytesPerChip, bytes)],
            ['routes', against(chip.routerEntries, l?.routerEntriesPerChip, count)],
        ];
        if (usage && usage.routerEntriesUncompressed !== usage.routerEntries) rows.push(['before min.', count(usage.routerEntriesUncompressed)]);
        if (usage?.routerMainNode) rows.push(['most routes', usage.routerMainNode]);
        const children: (HTMLElement | string)[] = [html('h3', '', `Chip (${chip.x}, ${chip.y})`), facts(rows)];
        const slices = pe !== undefined ? (chip.held.get(pe) ?? []) : [...chip.held.values()].flat();
        children.push(html('h3', '', pe !== undefined ? `PE ${pe}` : 'Populations here'));
        if (slices.length === 0) children.push(html('p', 'hint', pe !== undefined ? 'Unused.' : 'None.'));
        else {
            const sorted = [...slices].sort((a, b) => a.slice.pe - b.slice.pe).slice(0, 200);
            children.push(html('ul', '', ...sorted.map((s) => html('li', '',
                `${s.node}: neurons ${count(s.slice.first)}–${count(s.slice.first + s.slice.count - 1)}`,
                html('span', 'hint', ` · PE ${s.slice.pe} · ${bytes(s.slice.sramBytes)} SRAM`)))));
            if (slices.length > sorted.length) children.push(html('p', 'hint', `and ${slices.length - sorted.length} more`));
        }
        this.element.replaceChildren(...children);
    }
}
