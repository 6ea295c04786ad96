import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { NirNode, Registry } from '../../../engine/src/index.js';
import { DocumentState, type Feature } from '../server-context.js';
import type { ParamSite, Site } from './model-index.js';
import { code, kindMarkdown, paramDetail, shapeText, valueText } from './markdown.js';
import { formatBytes, nodeCost, placementsByPath, plural } from './node-cost.js';
import { onReadyDocument, toRange, type ReadyDocument } from './ready-document.js';

/** The hover text at an offset: a node (type, equation, shapes, cost) or a parameter (doc, unit, value). */
export function hoverAt(ready: ReadyDocument, registry: Registry, offset: number): Hover | undefined {
    const site = ready.index.siteAt(offset);
    if (!site) return undefined;
    let markdown: string;
    if (site.kind === 'param-key' || site.kind === 'param-value') markdown = paramHover(site, registry);
    else markdown = nodeHover(ready, registry, site);
    return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: toRange(ready.text, site.span) };
}

function nodeHover(ready: ReadyDocument, registry: Registry, site: Exclude<Site, ParamSite>): string {
    const node = site.kind === 'edge-end' ? site.graph.nodes?.get(site.name) : site.node;
    if (!node) return `No node named ${code(site.kind === 'edge-end' ? site.name : '?')} in this graph.`;
    const kind = registry.nodeKinds.get(node.type);
    const lines = [`${code(node.name || 'node')} · ${code(node.type)}`, ''];
    lines.push(kind ? kindMarkdown(kind) : `Unknown node type ${code(node.type)}.`);
    const analysed = ready.analysis?.get(node);
    if (analysed) lines.push('', `Input ${shapeText(analysed.inputShape)} → output ${shapeText(analysed.outputShape)}`);
    lines.push(...costLines(ready, registry, node));
    return lines.join('\n');
}

function costLines(ready: ReadyDocument, registry: Registry, node: NirNode): string[] {
    const placement = ready.mapping && placementsByPath(ready.mapping).get(node.origin.path);
    const cost = nodeCost(node, registry.nodeKinds.get(node.type), ready.analysis?.get(node), placement);
    const lines: string[] = [];
    if (cost.neurons !== undefined) lines.push(plural(cost.neurons, 'neuron'));
    if (cost.synapses !== undefined) lines.push(plural(cost.synapses, 'synapse'));
    if (cost.placement && placement && ready.mapping) {
        const p = cost.placement;
        const slices = placement.pes.slice(0, 6).map((s) => `(${s.chip[0]},${s.chip[1]}) PE ${s.pe}`);
        const more = placement.pes.length > slices.length ? `, … ${placement.pes.length - slices.length} more` : '';
        lines.push(
            `${plural(p.pes, 'PE')} on ${plural(p.chips, 'chip')} of ${code(ready.mapping.targetId)}: ${slices.join(', ')}${more}`,
            `${formatBytes(p.sramBytes)} SRAM · ${plural(p.routerEntries, 'router entry', 'router entries')}`,
        );
    }
    return lines.length > 0 ? ['', '---', ...lines.map((line) => `- ${line}`)] : [];
}

function paramHover(site: ParamSite, registry: Registry): string {
    const spec = registry.nodeKinds.get(site.node.type)?.params.find((p) => p.name === site.name);
    const lines = [`${code(site.name)} of ${code(site.node.name || 'node')} · ${code(site.node.type)}`, ''];
    if (spec) lines.push(spec.doc, '', paramDetail(spec));
    else lines.push(`Not a parameter of ${code(site.node.type)}.`);
    lines.push('', `Value: ${valueText(site.value)}`);
    return lines.join('\n');
}

/** Hover for nodes, edge ends and parameters. */
export const hoverFeature: Feature = {
    id: 'hover',
    capabilities: { hoverProvider: true },
    register(ctx) {
        ctx.connection.onHover(onReadyDocument(ctx, 'hover', DocumentState.Checked, (ready, params: HoverParams) =>
            hoverAt(ready, ctx.engine.registry, ready.text.offsetAt(params.position)) ?? null));
    },
};
