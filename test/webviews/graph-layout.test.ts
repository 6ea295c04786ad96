/**
 * The placement view's graph layout as pure functions: wire graph → boxes (collapsed when large)
 * → ELK graph → layout, run with elkjs in Node, no DOM.
 */
import { describe, expect, it } from 'vitest';
import elkBundled from 'elkjs/lib/elk.bundled.js';
import type { ELK, ELKConstructorArguments } from 'elkjs/lib/elk-api.js';
import type { GraphWire } from '../../protocol/index.js';
import { COLLAPSE_LIMIT, structureKey, visibleGraph } from '../../client/webviews/placement/visible-graph.js';
import { elkGraphOf, readLayout } from '../../client/webviews/placement/elk-graph.js';
import { quickLayout } from '../../client/webviews/placement/quick-layout.js';

/** elkjs in one thread (CommonJS: `module.exports` is the class its typings call `default`). */
const Elk = elkBundled as unknown as new (args?: ELKConstructorArguments) => ELK;

function node(path: string, type: string, parent: string | null = null) {
    return { path, name: path.split('/').at(-1) ?? path, type, parent, shape: [4], range: null };
}

/** Input → rnn (a nested graph with a recurrent LIF) → fan-out to two readouts → fan-in to Output. */
const NESTED: GraphWire = {
    nodes: [
        node('in', 'Input'), node('rnn', 'NIRGraph'), node('rnn/fc', 'Affine', 'rnn'), node('rnn/lif', 'LIF', 'rnn'),
        node('r1', 'Affine'), node('r2', 'Affine'), node('out', 'Output'),
    ],
    edges: [
        { source: 'in', target: 'rnn' }, { source: 'rnn/fc', target: 'rnn/lif' }, { source: 'rnn/lif', target: 'rnn/fc' },
        { source: 'rnn', target: 'r1' }, { source: 'rnn', target: 'r2' }, { source: 'r1', target: 'out' }, { source: 'r2', target: 'out' },
    ],
};

/** A chain of `n` Affine → LIF layers. */
function deepChain(n: number): GraphWire {
    const nodes = Array.from({ length: n }, (_, i) => node(`l${i}`, i % 2 ? 'LIF' : 'Affine'));
    return { nodes, edges: nodes.slice(1).map((b, i) => ({ source: nodes[i].path, target: b.path })) };
}

async function layout(graph: GraphWire) {
    const visible = visibleGraph(graph);
    return { visible, layout: readLayout(structureKey(graph), await new Elk().layout(elkGraphOf(visible))) };
}

describe('visible graph', () => {
    it('keeps a small graph whole, nested graphs as containers', () => {
        const visible = visibleGraph(NESTED);
        expect(visible.collapsed).toBe(false);
        expect(visible.nodes.map((n) => [n.id, n.kind, n.parent])).toContainEqual(['rnn', 'graph', null]);
        expect(visible.nodes.map((n) => [n.id, n.parent])).toContainEqual(['rnn/lif', 'rnn']);
        expect(visible.edges).toHaveLength(7);
    });

    it('collapses nested graphs first, then runs of layers, and maps every node to its box', () => {
        const nested = visibleGraph(NESTED, 5);
        expect(nested.nodes.map((n) => n.id)).toEqual(['in', 'rnn', 'r1', 'r2', 'out']);
        expect(nested.boxOf.get('rnn/lif')).toBe('rnn');
        expect(nested.edges.map((e) => e.id)).not.toContain('rnn->rnn');
        const chain = visibleGraph(deepChain(1000));
        expect(chain.nodes).toHaveLength(1);
        expect(chain.nodes[0]).toMatchObject({ kind: 'chain' });
        expect(chain.nodes[0].members).toHaveLength(1000);
    });

    it('falls back to blocks for wide graphs, staying under the limit', () => {
        const nodes = Array.from({ length: 2000 }, (_, i) => node(`n${i}`, 'LIF'));
        const edges = nodes.flatMap((n, i) => [{ source: n.path, target: nodes[(i * 7 + 3) % 2000].path }, { source: n.path, target: nodes[(i * 13 + 5) % 2000].path }]);
        const visible = visibleGraph({ nodes, edges });
        expect(visible.nodes.length).toBeLessThanOrEqual(COLLAPSE_LIMIT);
        expect(new Set(visible.boxOf.values()).size).toBe(visible.nodes.length);
        expect(visible.nodes.every((n) => n.kind === 'block')).toBe(true);
    });

    it('expands the groups it is told to in place, one level each, into at most the limit of boxes', async () => {
        // in → l0…l9 (a run) → a fan-out of two → out, collapsed to four boxes with a limit of 12.
        const run = deepChain(10).nodes;
        const graph: GraphWire = {
            nodes: [node('in', 'Input'), ...run, node('a', 'LIF'), node('b', 'LIF'), node('out', 'Output')],
            edges: [{ source: 'in', target: 'l0' }, ...deepChain(10).edges, { source: 'l9', target: 'a' }, { source: 'l9', target: 'b' }, { source: 'a', target: 'out' }, { source: 'b', target: 'out' }],
        };
        const collapsed = visibleGraph(graph, 12);
        const chain = collapsed.nodes.find((n) => n.kind === 'chain');
        expect(chain?.members).toEqual(['in', ...run.map((n) => n.path)]);
        expect(chain?.parts?.map((p) => p.id)).toEqual(chain?.members);
        const open = visibleGraph(graph, 12, new Set([chain?.id ?? '', 'not-a-group']));
        expect(open.opened).toEqual([chain?.id]);
        expect(open.nodes).toHaveLength(collapsed.nodes.length + 11);
        expect(open.nodes.find((n) => n.id === chain?.id)).toMatchObject({ kind: 'group', parent: null });
        expect(open.nodes.filter((n) => n.parent === chain?.id).map((n) => n.id)).toEqual(chain?.members);
        expect(open.boxOf.get('l3')).toBe('l3');
        expect(open.edges.map((e) => e.id)).toContain('l9->a');
        // The arrows leaving the group belong to the root, the ones inside it to the group.
        const elk = elkGraphOf(open);
        expect(elk.edges?.map((e) => e.id)).toContain('l9->a');
        expect(elk.children?.find((c) => c.id === chain?.id)?.edges?.map((e) => e.id)).toContain('l0->l1');
        const laidOut = readLayout('k', await new Elk().layout(elk));
        const group = laidOut.boxes[chain?.id ?? ''];
        expect(laidOut.boxes.l5.y).toBeGreaterThan(group.y);
        expect(laidOut.boxes.l5.y + laidOut.boxes.l5.height).toBeLessThan(group.y + group.height);
        // A run of 1,000 opens onto blocks of it, never more boxes than the limit.
        const long = visibleGraph(deepChain(1000));
        const blocks = visibleGraph(deepChain(1000), COLLAPSE_LIMIT, new Set([long.nodes[0].id]));
        expect(blocks.nodes.length).toBeLessThanOrEqual(COLLAPSE_LIMIT + 1);
        expect(blocks.nodes.slice(1).every((n) => n.kind === 'block' && n.parent === long.nodes[0].id)).toBe(true);
        expect(new Set(blocks.nodes.map((n) => n.id)).size).toBe(blocks.nodes.length);
    });

    it('gives equal keys to graphs that differ in parameters and shapes only', () => {
        const edited = { ...NESTED, nodes: NESTED.nodes.map((n) => ({ ...n, shape: [99], type: n.type === 'LIF' ? 'CubaLIF' : n.type })) };
        expect(structureKey(edited)).toBe(structureKey(NESTED));
        expect(structureKey({ ...NESTED, edges: NESTED.edges.slice(1) })).not.toBe(structureKey(NESTED));
    });
});

describe('ELK layout', () => {
    it('lays a graph out top to bottom with one port per arrow end, deterministically', async () => {
        const elk = elkGraphOf(visibleGraph(NESTED));
        const rnn = elk.children?.find((c) => c.id === 'rnn');
        expect(rnn?.ports?.map((p) => p.layoutOptions?.['elk.port.side'])).toEqual(['NORTH', 'SOUTH', 'SOUTH']);
        expect(rnn?.children?.map((c) => c.id)).toEqual(['rnn/fc', 'rnn/lif']);
        const first = await layout(NESTED);
        const again = await layout(NESTED);
        expect(again.layout).toEqual(first.layout);
        const box = first.layout.boxes;
        expect(box.in.y).toBeLessThan(box.rnn.y);
        expect(box.rnn.y + box.rnn.height).toBeLessThanOrEqual(box.r1.y);
        expect(box.r1.y).toBeLessThan(box.out.y);
        // The nested nodes sit inside their graph's box.
        expect(box['rnn/fc'].x).toBeGreaterThan(box.rnn.x);
        expect(box['rnn/fc'].y).toBeGreaterThan(box.rnn.y);
        expect(box['rnn/fc'].y + box['rnn/fc'].height).toBeLessThan(box.rnn.y + box.rnn.height);
        // Fan-out: the two arrows leave rnn at different points.
        const starts = ['rnn->r1', 'rnn->r2'].map((id) => first.layout.edges[id][0]);
        expect(starts[0]).not.toEqual(starts[1]);
        expect(starts[0][1]).toBeCloseTo(box.rnn.y + box.rnn.height, 0);
    });
});

describe('provisional layout', () => {
    it('puts boxes in layers by longest path, fan-out side by side, and survives cycles', () => {
        const layout = quickLayout('k', visibleGraph(NESTED, 5));
        const y = (id: string) => layout.boxes[id].y;
        expect([y('in'), y('rnn'), y('r1'), y('out')]).toEqual([...[y('in'), y('rnn'), y('r1'), y('out')]].sort((a, b) => a - b));
        expect(new Set([y('in'), y('rnn'), y('r1'), y('out')]).size).toBe(4);
        expect(y('r1')).toBe(y('r2'));
        expect(layout.boxes.r1.x).not.toBe(layout.boxes.r2.x);
        const cyclic = { nodes: [node('a', 'LIF'), node('b', 'LIF')], edges: [{ source: 'a', target: 'b' }, { source: 'b', target: 'a' }] };
        const both = quickLayout('c', visibleGraph(cyclic)).boxes;
        expect(both.a.y).toBeLessThan(both.b.y);
        expect(layout.key).not.toBe('k'); // never mistaken for ELK's layout of the same structure
    });
});
