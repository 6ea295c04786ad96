import type { GraphNodeWire, NodePlacementWire, PlacementViewData } from '../../../protocol/index.js';
import { HEAT_GRADIENT } from './colours.js';
import { html, svg } from './dom.js';
import type { GraphLayout } from './elk-graph.js';
import { GraphView } from './graph-view.js';
import type { ViewHost } from './host-bridge.js';
import { InfoPanel } from './info-panel.js';
import { LayoutClient } from './layout-client.js';
import { meshModel, type ChipModel, type MeshModel, type PeMetric } from './mesh-model.js';
import { MeshView, type MeshHit } from './mesh-view.js';
import { quickLayout } from './quick-layout.js';
import { COLLAPSE_LIMIT, isExpanded, structureKey, visibleGraph, type VisibleGraph, type VisibleNode } from './visible-graph.js';

/** What is shown now: the data and what was derived from it. */
interface Shown {
    readonly uri: string;
    readonly data: PlacementViewData;
    readonly visible: VisibleGraph | undefined;
    readonly layout: GraphLayout | undefined;
    readonly mesh: MeshModel | undefined;
    readonly nodes: ReadonlyMap<string, GraphNodeWire>;
    readonly placed: ReadonlyMap<string, NodePlacementWire>;
}

/**
 * The placement view: a header with the totals, the NIR graph, the chip mesh and a panel with what
 * the selection holds. It draws whatever `show` gives it; state changes go to the host's saved state.
 * The body's `data-*` attributes report progress for tests and benchmarks: `data-drawn` is
 * `provisional` while ELK's layout is still coming and `true` once it is drawn; `data-layouts`,
 * `data-chips`.
 */
export class PlacementApp {
    private readonly heading = html('h1');
    private readonly factsLine = html('div', 'facts');
    private readonly graphStatus = html('div', 'status');
    private readonly meshStatus = html('div', 'status');
    private readonly graphSvg = svg('svg', { id: 'graph', role: 'img', 'aria-label': 'NIR graph' });
    private readonly canvas = html('canvas');
    private readonly info: InfoPanel;
    private readonly graph: GraphView;
    private readonly meshView: MeshView;
    private readonly layouts = new LayoutClient();
    private shown: Shown | undefined;
    private selected: string | null = null;
    private generation = 0;
    /** The ids of the groups the user expanded (kept across new data and reloads). */
    private readonly expanded = new Set<string>();

    constructor(private readonly host: ViewHost) {
        const aside = html('aside');
        aside.setAttribute('aria-live', 'polite');
        this.info = new InfoPanel(aside);
        this.canvas.id = 'mesh';
        this.canvas.setAttribute('aria-label', 'chips and processing elements');
        const metric = html('select');
        metric.id = 'metric';
        metric.append(new Option('SRAM use', 'sram'), new Option('neuron load', 'load'));
        metric.addEventListener('change', () => this.meshView.setMetric(metric.value as PeMetric));
        const scale = html('span', 'scale');
        scale.style.background = HEAT_GRADIENT;
        const fit = html('button', '', 'Fit');
        fit.addEventListener('click', () => { this.meshView.fit(); this.meshView.redraw(); });
        const label = html('label', '', 'PEs by ');
        label.append(metric);
        document.body.append(
            html('header', '', this.heading, this.factsLine, html('span', 'spacer'), label, html('span', 'legend', '0', scale, '100%'), fit),
            html('main', '',
                html('section', '', html('h2', '', 'Graph'), this.graphSvg, this.graphStatus),
                html('section', '', html('h2', '', 'Chips'), this.canvas, this.meshStatus),
                aside),
        );
        this.graph = new GraphView(this.graphSvg, (box) => this.selectBox(box, true), (box) => this.toggle(box));
        this.meshView = new MeshView(this.canvas, (hit) => this.pick(hit));
        this.graphSvg.addEventListener('click', () => this.selectBox(undefined, false));
        this.layouts.warm();
    }

    /** Restores a saved layout and the groups that were expanded, so that the next `show` of the same structure draws at once. */
    remember(layout: GraphLayout | null, expanded: readonly string[] = []): void {
        if (layout) this.layouts.remember(layout);
        for (const id of expanded) this.expanded.add(id);
    }

    /** Shows new data (a new mapping of the document), keeping the selection, the expanded groups and the view where they still apply. */
    async show(uri: string, data: PlacementViewData, selected: string | null = this.selected): Promise<void> {
        const generation = ++this.generation;
        const previous = this.shown;
        document.body.dataset.drawn = 'false';
        const started = performance.now();
        this.heading.textContent = data.title;
        this.showFacts(data);
        const placement = data.placement;
        const mesh = placement ? meshModel(placement) : undefined;
        const nodes = new Map((data.graph?.nodes ?? []).map((n) => [n.path, n]));
        const placed = new Map((placement?.nodes ?? []).map((n) => [n.path, n]));
        const sameMachine = previous?.mesh !== undefined && mesh !== undefined && previous.mesh.chips.length === mesh.chips.length;
        this.meshStatus.textContent = mesh ? '' : 'Not mapped: the network has errors.';
        if (mesh) this.meshView.show(mesh, sameMachine);
        this.shown = { uri, data, visible: undefined, layout: undefined, mesh, nodes, placed };
        this.selected = selected;
        await this.drawGraph(generation, { keepViewOf: previous?.layout?.key, started });
    }

    /** Expands a collapsed group in place, or collapses an expanded one; the box stays where it was on screen. */
    toggle(box: VisibleNode): void {
        if (!box.parts) return;
        if (isExpanded(box)) this.expanded.delete(box.id);
        else this.expanded.add(box.id);
        void this.drawGraph(++this.generation, { anchor: box.id });
    }

    /**
     * Draws the graph of what is shown with the groups expanded now: from the layout cache when
     * this structure with these groups was laid out before, else ELK's layout once its worker is
     * done (meanwhile, for new data, a provisional layout; for a toggled group, the old drawing
     * and a note). `started` times a new show (performance measures); `anchor` keeps a toggled box in place.
     */
    private async drawGraph(generation: number, how: { keepViewOf?: string; started?: number; anchor?: string }): Promise<void> {
        let shown = this.shown;
        if (!shown) return;
        const graph = shown.data.graph;
        const visible = graph ? visibleGraph(graph, COLLAPSE_LIMIT, this.expanded) : undefined;
        const key = graph && visible ? [structureKey(graph), ...visible.opened].join('+') : '';
        let layout = this.layouts.cached(key);
        shown = this.shown = { ...shown, visible, layout };
        const placement = shown.data.placement;
        const labels = { node: shown.nodes, placement: shown.placed, sramWindow: placement?.limits?.sramBytesPerPe ?? 0 };
        if (visible && !layout) {
            document.body.dataset.drawn = 'provisional';
            if (how.anchor === undefined) {
                // Draw a provisional layout at once; ELK's replaces it when its worker is done.
                this.graph.show(visible, quickLayout(key, visible), labels, false);
                this.applySelection();
                if (how.started !== undefined) performance.measure('nirmesh-placement-first-paint', { start: how.started });
            } else this.graphStatus.textContent = 'Laying out…';
            layout = await this.layouts.layout(key, visible);
            if (generation !== this.generation) return;
            shown = this.shown = { ...shown, layout };
        }
        this.graphStatus.textContent = visible ? '' : 'The graph could not be read.';
        if (visible && layout) this.graph.show(visible, layout, labels, how.anchor !== undefined || how.keepViewOf === layout.key, how.anchor);
        this.applySelection();
        this.saveSelection();
        document.body.dataset.layouts = String(this.layouts.computed);
        document.body.dataset.collapsed = String(visible?.collapsed ?? false);
        document.body.dataset.chips = String(shown.mesh?.chips.length ?? 0);
        document.body.dataset.drawn = 'true';
        if (how.started === undefined) return;
        performance.measure('nirmesh-placement-paint', { start: how.started });
        if (performance.getEntriesByName('nirmesh-placement-first-paint').length === 0) performance.measure('nirmesh-placement-first-paint', { start: how.started });
    }

    /** Selects the box of a NIR node (the editor's cursor moved into it); null clears. */
    selectPath(path: string | null): void {
        this.selected = path;
        this.applySelection();
        this.saveSelection();
    }

    private applySelection(): void {
        const shown = this.shown;
        const boxId = this.selected ? shown?.visible?.boxOf.get(this.selected) : undefined;
        const box = boxId ? shown?.visible?.nodes.find((n) => n.id === boxId) : undefined;
        this.selectBox(box, false);
    }

    private selectBox(box: VisibleNode | undefined, fromUser: boolean): void {
        const shown = this.shown;
        if (!shown) return;
        this.graph.select(box?.id);
        if (!box) {
            this.selected = null;
            this.meshView.highlight(new Set());
            this.info.showSummary(shown.data.placement, shown.data.problems.errors);
            this.saveSelection();
            return;
        }
        const pes = new Set<number>();
        for (const member of box.members) for (const k of shown.mesh?.pesOf(member) ?? []) pes.add(k);
        this.meshView.highlight(pes);
        const placed = box.members.map((m) => shown.placed.get(m)).filter((p): p is NodePlacementWire => p !== undefined);
        this.info.showNode(box, shown.nodes.get(box.members[0]), placed, shown.data.placement);
        if (fromUser) {
            this.selected = box.members[0];
            this.saveSelection();
            if (!this.host.standalone) this.host.post({ kind: 'reveal', path: box.members[0] });
        }
    }

    private pick(hit: MeshHit | undefined): void {
        const shown = this.shown;
        if (!shown) return;
        if (!hit) return this.selectBox(undefined, false);
        this.graph.select(undefined);
        this.meshView.highlight(hit.pe !== undefined ? new Set([hit.chip.index * (shown.mesh?.pesPerChip ?? 0) + hit.pe]) : new Set(), hit.chip);
        this.info.showChip(hit.chip, hit.pe, shown.data.placement);
    }

    private saveSelection(): void {
        const shown = this.shown;
        if (shown) this.host.save({ uri: shown.uri, data: shown.data, selected: this.selected, layout: shown.layout ?? null, expanded: [...this.expanded] });
    }

    private showFacts(data: PlacementViewData): void {
        const p = data.placement;
        const fact = (label: string, value: string) => html('span', '', `${label} `, html('b', '', value));
        const items = [fact('target', data.target)];
        if (p) {
            items.push(fact('chips', `${p.chipsUsed.toLocaleString('en-US')}${p.limits ? ` / ${p.limits.chips.toLocaleString('en-US')}` : ''}`));
            items.push(fact('PEs', `${p.pesUsed.toLocaleString('en-US')}${p.limits ? ` / ${p.limits.pes.toLocaleString('en-US')}` : ''}`));
        }
        const { errors, warnings } = data.problems;
        items.push(html('span', errors > 0 ? 'over' : '', `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`));
        this.factsLine.replaceChildren(...items);
    }

    /** The mesh view, for tests that click PEs by position. */
    get mesh(): { view: MeshView; model: MeshModel | undefined; chip: (x: number, y: number) => ChipModel | undefined } {
        return { view: this.meshView, model: this.shown?.mesh, chip: (x, y) => this.shown?.mesh?.chipAt(x, y) };
    }
}
