import type { NirEdge, NirNode, NodeKind, ParamSpec, Registry, Shape } from '../../../../engine/src/index.js';
import type { ReadyDocument } from '../ready-document.js';
import type { QuickFix, QuickFixContext, QuickFixProvider } from './quick-fix.js';
import { yamlName } from '../yaml-names.js';
import { appendEntry, flowList } from './yaml-edits.js';

/** Kinds a stub can be made of: their parameters need no more than a shape. */
const STUB_CATEGORIES: ReadonlySet<NodeKind['category']> = new Set(['io', 'neuron', 'linear']);

/** Placeholder values for required parameters without a NIR default. */
const PLACEHOLDERS: Readonly<Record<string, number>> = { tau: 0.01, tau_mem: 0.01, tau_syn: 0.005, r: 1, v_threshold: 1, threshold: 1, scale: 1, delay: 1 };

/**
 * For an edge that names a node its graph does not have: adds a node stub of that name. Its type
 * comes from the name (`lif2` → LIF, `output` → Output), else from the other end (after a weight
 * node a LIF, otherwise an Output as a target or an Input as a source); its shape is the other
 * end's output shape (for a target) or input shape (for a source).
 */
export const createNodeFix: QuickFixProvider = {
    fixes: ['create-node'],
    codes: ['nir/dangling-edge'],
    provide(ctx) {
        const found = edgeOf(ctx);
        if (!found) return [];
        const { edge, graph } = found;
        const fixes: QuickFix[] = [];
        for (const end of ['target', 'source'] as const) {
            const name = edge[end];
            if (graph.nodes?.has(name) || fixes.some((f) => f.title.includes(`'${name}'`))) continue;
            const fix = createNode(ctx.ready, ctx.registry, graph, edge, end);
            if (fix) fixes.push(fix);
        }
        return fixes;
    },
};

function edgeOf(ctx: QuickFixContext): { edge: NirEdge; graph: NirNode } | undefined {
    const path = ctx.data.path;
    const byPath = typeof path === 'string' ? ctx.ready.index.edgeByPath(path.replace(/\/(source|target)$/, '')) : undefined;
    if (byPath) return byPath;
    const site = ctx.ready.index.siteAt(ctx.ready.text.offsetAt(ctx.diagnostic.range.start));
    return site?.kind === 'edge-end' ? { edge: site.edge, graph: site.graph } : undefined;
}

function createNode(ready: ReadyDocument, registry: Registry, graph: NirNode, edge: NirEdge, end: 'source' | 'target'): QuickFix | undefined {
    const name = edge[end];
    const other = graph.nodes?.get(end === 'target' ? edge.source : edge.target);
    const analysed = other && ready.analysis?.get(other);
    const shape = end === 'target' ? analysed?.outputShape : analysed?.inputShape;
    const kind = stubKind(registry, name, end, other && registry.nodeKinds.get(other.type));
    if (!kind) return undefined;
    const children = [...(graph.nodes?.values() ?? [])].map((n) => n.origin);
    const edit = appendEntry(ready.text.getText(), children, yamlName(name), nodeStub(kind, shape ?? [1]));
    if (!edit) return undefined;
    const shapeNote = shape ? `, shape ${flowList(shape)}` : '';
    return { title: `Create node '${name}' (${kind.id}${shapeNote})`, edits: [edit], preferred: true };
}

/** The kind of a new node: named in its name, else what usually stands at that end. */
export function stubKind(registry: Registry, name: string, end: 'source' | 'target', other?: NodeKind): NodeKind | undefined {
    const kinds = registry.nodeKinds.all().filter((k) => STUB_CATEGORIES.has(k.category));
    const lower = name.toLowerCase();
    const byName = kinds
        .filter((k) => k.id.length >= 2 && lower.includes(k.id.toLowerCase()))
        .sort((a, b) => b.id.length - a.id.length)[0];
    if (byName) return byName;
    const pick = (id: string): NodeKind | undefined => kinds.find((k) => k.id === id);
    if (/^in(put)?\b/.test(lower)) return pick('Input');
    if (/^out(put)?\b/.test(lower)) return pick('Output');
    if (end === 'source') return pick('Input');
    return other?.category === 'linear' || other?.category === 'conv' ? pick('LIF') : pick('Output');
}

/** A one-line flow mapping for a new node: its type, shape and required parameters. */
export function nodeStub(kind: NodeKind, shape: Shape): string {
    const n = shape[shape.length - 1] ?? 1;
    const entries: string[] = [`type: ${kind.id}`];
    const hasShapeParam = kind.params.some((p) => p.kind === 'shape');
    if (!hasShapeParam && kind.params.some((p) => p.kind === 'tensor' && !isMatrix(p))) entries.push(`shape: ${flowList(shape)}`);
    for (const param of kind.params) {
        if (!param.required) continue;
        if (param.kind === 'shape') entries.push(`${param.name}: ${flowList(shape)}`);
        else if (param.name === 'weight') entries.push(`weight: {shape: ${flowList([n, n])}, normal: {mean: 0, std: 0.1, seed: 1}}`);
        else if (param.name === 'bias') entries.push(`bias: {shape: ${flowList([n])}, zeros: true}`);
        else entries.push(`${param.name}: ${param.defaultValue ?? PLACEHOLDERS[param.name] ?? (param.kind === 'tensor' ? 0 : 1)}`);
    }
    return `{${entries.join(', ')}}`;
}

function isMatrix(param: ParamSpec): boolean {
    return param.name === 'weight' || param.name === 'bias';
}
