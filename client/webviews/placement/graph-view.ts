import type { GraphNodeWire, NodePlacementWire } from '../../../protocol/index.js';
import { heatColour, themeColours } from './colours.js';
import { svg } from './dom.js';
import { GRAPH_HEADER, isContainer, type GraphLayout } from './elk-graph.js';
import { isExpanded, type VisibleGraph, type VisibleNode } from './visible-graph.js';

/** What the graph view labels its boxes with: the current data (a re-map may change it without a new layout). */
export interface GraphLabels {
    readonly node: ReadonlyMap<string, GraphNodeWire>;
    readonly placement: ReadonlyMap<string, NodePlacementWire>;
    readonly sramWindow: number;
}

/**
 * The NIR graph as SVG: one box per visible node at its laid-out place, arrows along ELK's routes,
 * a bar on each box coloured by the node's largest SRAM use. Drag pans, the wheel zooms; a click
 * on a box selects it. A group (a collapsed nested graph, chain or block, or one expanded) has a
 * twisty: a click on it, a double click on the box, or + and - (→ and ←) on the focused box expand or collapse it.
 */
export class GraphView {
    private readonly root = svg('g');
    private readonly boxes = new Map<string, SVGGElement>();
    private readonly edges = new Map<string, SVGPathElement>();
    private view = { x: 0, y: 0, width: 1, height: 1 };
    private layout: GraphLayout | undefined;

    constructor(
        private readonly element: SVGSVGElement,
        private readonly onSelect: (box: VisibleNode) => void,
        private readonly onToggle: (box: VisibleNode) => void,
    ) {
        element.append(arrowMarker(), this.root);
        this.listen();
    }

    /**
     * Draws the boxes and arrows of a layout (the layout of `visible`'s structure). With `anchor`,
     * the view moves so that this box stays where it was on screen (a group just expanded or collapsed).
     */
    show(visible: VisibleGraph, layout: GraphLayout, labels: GraphLabels, keepView: boolean, anchor?: string): void {
        const before = anchor ? this.layout?.boxes[anchor] : undefined;
        const after = anchor ? layout.boxes[anchor] : undefined;
        if (before && after) this.view = { ...this.view, x: this.view.x + after.x - before.x, y: this.view.y + after.y - before.y };
        this.layout = layout;
        this.root.replaceChildren();
        this.boxes.clear();
        this.edges.clear();
        for (const edge of visible.edges) {
            const points = layout.edges[edge.id];
            if (!points || points.length < 2) continue;
            const path = svg('path', { class: 'edge', d: `M${points.map(([x, y]) => `${x},${y}`).join('L')}`, 'marker-end': 'url(#arrow)' });
            path.dataset.source = edge.source;
            path.dataset.target = edge.target;
            this.edges.set(edge.id, path);
            this.root.append(path);
        }
        // Containers first, so that their children draw on top.
        const ordered = [...visible.nodes].sort((a, b) => Number(isContainer(b)) - Number(isContainer(a)));
        for (const box of ordered) {
            const at = layout.boxes[box.id];
            if (at) this.root.append(this.drawBox(box, at, labels));
        }
        if (!keepView) this.fit(layout);
        this.applyView();
    }

    /** Marks a box (and the arrows touching it) as selected; undefined clears. */
    select(id: string | undefined): void {
        for (const [boxId, g] of this.boxes) g.classList.toggle('selected', boxId === id);
        for (const path of this.edges.values()) path.classList.toggle('lit', id !== undefined && (path.dataset.source === id || path.dataset.target === id));
        const g = id ? this.boxes.get(id) : undefined;
        if (g) this.reveal(g);
    }

    /** Scrolls a box into view if it is outside. */
    private reveal(g: SVGGElement): void {
        const x = Number(g.dataset.x), y = Number(g.dataset.y);
        const v = this.view;
        if (x >= v.x && y >= v.y && x <= v.x + v.width && y <= v.y + v.height) return;
        this.view = { ...v, x: x - v.width / 2, y: y - v.height / 2 };
        this.applyView();
    }

    private drawBox(box: VisibleNode, at: { x: number; y: number; width: number; height: number }, labels: GraphLabels): SVGGElement {
        const container = isContainer(box);
        const g = svg('g', { class: `box ${box.kind}`, transform: `translate(${at.x},${at.y})`, tabindex: 0, role: 'button' });
        g.dataset.id = box.id;
        g.dataset.x = String(at.x);
        g.dataset.y = String(at.y);
        if (box.parts) g.setAttribute('aria-expanded', String(isExpanded(box)));
        g.append(svg('rect', { width: at.width, height: at.height, rx: 4 }));
        const { title, subtitle, use } = describe(box, labels);
        const indent = box.parts ? 22 : 10;
        const titleText = svg('text', { x: indent, y: container ? 17 : 16 });
        titleText.textContent = fit(title, at.width - indent - 6);
        const tooltip = svg('title');
        tooltip.textContent = `${title}\n${subtitle}`;
        g.append(tooltip, titleText);
        if (!container) {
            const sub = svg('text', { class: 'type', x: indent, y: 31 });
            sub.textContent = fit(subtitle, at.width - indent - 6);
            g.append(sub);
            if (use !== undefined) {
                const bar = svg('rect', { class: 'bar', x: 0.5, y: 0.5, width: 5, height: at.height - 1, rx: 2 });
                bar.style.fill = heatColour(use, themeColours(this.element)); // a style, as the sheet's rect fill would win over an attribute
                g.append(bar);
            }
        } else {
            // The subtitle after the title, in what is left of the header (none when too little is).
            const after = indent + titleText.textContent.length * 7 + 8;
            const room = at.width - after - 6;
            if (room >= 40) {
                const sub = svg('text', { class: 'type', x: after, y: GRAPH_HEADER - 9 });
                sub.textContent = fit(subtitle, room);
                g.append(sub);
            }
        }
        if (box.parts) g.append(this.twisty(box, container));
        g.addEventListener('click', (e) => {
            e.stopPropagation();
            this.onSelect(box);
        });
        g.addEventListener('dblclick', (e) => {
            e.stopPropagation();
            if (box.parts) this.onToggle(box);
        });
        g.addEventListener('keydown', (e) => {
            if (e.key === 'Enter' || e.key === ' ') this.onSelect(box);
            const expand = e.key === '+' || e.key === 'ArrowRight', collapse = e.key === '-' || e.key === 'ArrowLeft';
            if (box.parts && ((expand && !isExpanded(box)) || (collapse && isExpanded(box)))) this.onToggle(box);
        });
        this.boxes.set(box.id, g);
        return g;
    }

    /** The ▸ (expand) or ▾ (collapse) mark before a group's title; a click on it toggles the group. */
    private twisty(box: VisibleNode, container: boolean): SVGTextElement {
        const expanded = isExpanded(box);
        const mark = svg('text', { class: 'twisty', x: 8, y: container ? 17 : 16, role: 'button', 'aria-label': expanded ? 'collapse' : 'expand' });
        mark.textContent = expanded ? '▾' : '▸';
        mark.addEventListener('click', (e) => {
            e.stopPropagation();
            this.onToggle(box);
        });
        return mark;
    }

    /** Fits the drawn boxes into the view, at most 1.5× their size (small graphs stay readable, not huge). */
    private fit(layout: GraphLayout): void {
        const rect = this.element.getBoundingClientRect();
        const boxes = Object.values(layout.boxes);
        const minX = Math.min(...boxes.map((b) => b.x)), minY = Math.min(...boxes.map((b) => b.y));
        const maxX = Math.max(...boxes.map((b) => b.x + b.width)), maxY = Math.max(...boxes.map((b) => b.y + b.height));
        const pad = 28;
        const width = Math.max(1, rect.width), height = Math.max(1, rect.height);
        const scale = Math.min(1.5, width / (maxX - minX + 2 * pad), height / (maxY - minY + 2 * pad));
        const viewWidth = width / scale, viewHeight = height / scale;
        this.view = { x: (minX + maxX - viewWidth) / 2, y: (minY + maxY - viewHeight) / 2, width: viewWidth, height: viewHeight };
    }

    private applyView(): void {
        const v = this.view;
        this.element.setAttribute('viewBox', `${v.x} ${v.y} ${v.width} ${v.height}`);
    }

    private listen(): void {
        let drag: { x: number; y: number } | undefined;
        const unitsPerPixel = () => this.view.width / Math.max(1, this.element.getBoundingClientRect().width);
        this.element.addEventListener('pointerdown', (e) => {
            if ((e.target as Element).closest('.box')) return;
            drag = { x: e.clientX, y: e.clientY };
            this.element.setPointerCapture(e.pointerId);
        });
        this.element.addEventListener('pointermove', (e) => {
            if (!drag) return;
            const k = unitsPerPixel();
            this.view = { ...this.view, x: this.view.x - (e.clientX - drag.x) * k, y: this.view.y - (e.clientY - drag.y) * k };
            drag = { x: e.clientX, y: e.clientY };
            this.applyView();
        });
        this.element.addEventListener('pointerup', () => { drag = undefined; });
        this.element.addEventListener('wheel', (e) => {
            e.preventDefault();
            const rect = this.element.getBoundingClientRect();
            const factor = Math.exp(e.deltaY * 0.0015);
            const v = this.view;
            const fx = (e.clientX - rect.left) / rect.width, fy = (e.clientY - rect.top) / rect.height;
            const width = Math.max(100, Math.min(200_000, v.width * factor));
            const height = (v.height * width) / v.width;
            this.view = { x: v.x + (v.width - width) * fx, y: v.y + (v.height - height) * fy, width, height };
            this.applyView();
        }, { passive: false });
    }
}

/** A box's title, its second line, and the SRAM use its bar shows. */
function describe(box: VisibleNode, labels: GraphLabels): { title: string; subtitle: string; use: number | undefined } {
    const first = labels.node.get(box.members[0]);
    const last = labels.node.get(box.members[box.members.length - 1]);
    const sram = Math.max(...box.members.map((m) => labels.placement.get(m)?.maxSramBytes ?? 0));
    const use = labels.sramWindow > 0 && box.members.some((m) => labels.placement.get(m)?.pes.length) ? sram / labels.sramWindow : undefined;
    if (box.kind === 'node' || box.kind === 'graph') {
        const shape = first?.shape ? ` [${first.shape.join('×')}]` : '';
        return { title: first?.name ?? box.id, subtitle: `${first?.type ?? '?'}${shape}`, use };
    }
    const count = box.members.length;
    if (box.kind === 'nested') return { title: first?.name ?? box.id, subtitle: `NIRGraph · ${count - 1} nodes`, use };
    const types = [...new Set(box.members.map((m) => labels.node.get(m)?.type ?? '?'))].slice(0, 3).join(', ');
    return { title: `${first?.name ?? '?'} … ${last?.name ?? '?'}`, subtitle: `${count} nodes · ${types}`, use };
}

/** Text cut to about `width` pixels at the view's font size, with an ellipsis. */
function fit(text: string, width: number): string {
    const max = Math.max(3, Math.floor(width / 7));
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function arrowMarker(): SVGDefsElement {
    const defs = svg('defs');
    const marker = svg('marker', { id: 'arrow', viewBox: '0 0 8 8', refX: 8, refY: 4, markerWidth: 8, markerHeight: 8, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' });
    marker.append(svg('path', { d: 'M0,0L8,4L0,8z', class: 'arrowhead' }));
    defs.append(marker);
    return defs;
}
