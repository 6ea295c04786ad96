import { GRAPH_HEADER, NODE_HEIGHT, NODE_WIDTH, type GraphLayout } from './elk-graph.js';
import type { VisibleGraph } from './visible-graph.js';

const LAYER_GAP = 30;
const NODE_GAP = 24;

/**
 * A provisional layout drawn at once while ELK (in its worker) computes the real one: boxes in
 * layers by longest path from the sources (edges that close a cycle, found depth first in written
 * order, are left out), side by side in written order, arrows straight. Nested graphs are drawn as
 * their own boxes, children hidden until ELK's layout arrives. Linear in boxes and arrows; pure.
 */
export function quickLayout(key: string, visible: VisibleGraph): GraphLayout {
    const top = visible.nodes.filter((n) => n.parent === null);
    const ids = new Set(top.map((n) => n.id));
    const outs = new Map<string, string[]>();
    for (const e of visible.edges) if (ids.has(e.source) && ids.has(e.target)) outs.set(e.source, [...(outs.get(e.source) ?? []), e.target]);
    // Depth-first in written order: an edge to a box still on the stack closes a cycle.
    const state = new Map<string, 1 | 2>();
    const order: string[] = [];
    const forward = new Map<string, string[]>();
    for (const root of top) {
        if (state.has(root.id)) continue;
        const stack: [string, number][] = [[root.id, 0]];
        state.set(root.id, 1);
        while (stack.length > 0) {
            const frame = stack[stack.length - 1];
            const next = (outs.get(frame[0]) ?? [])[frame[1]++];
            if (next === undefined) {
                state.set(frame[0], 2);
                order.push(frame[0]);
                stack.pop();
            } else if (state.get(next) !== 1) {
                forward.set(frame[0], [...(forward.get(frame[0]) ?? []), next]);
                if (!state.has(next)) { state.set(next, 1); stack.push([next, 0]); }
            }
        }
    }
    const layer = new Map<string, number>();
    for (const id of order.reverse()) for (const next of forward.get(id) ?? []) layer.set(next, Math.max(layer.get(next) ?? 0, (layer.get(id) ?? 0) + 1));
    const rows = new Map<number, string[]>();
    for (const n of top) rows.set(layer.get(n.id) ?? 0, [...(rows.get(layer.get(n.id) ?? 0) ?? []), n.id]);
    const boxes: Record<string, { x: number; y: number; width: number; height: number }> = {};
    let width = 0;
    for (const [row, members] of rows) {
        members.forEach((id, i) => { boxes[id] = { x: i * (NODE_WIDTH + NODE_GAP), y: row * (NODE_HEIGHT + LAYER_GAP), width: NODE_WIDTH, height: NODE_HEIGHT }; });
        width = Math.max(width, members.length * (NODE_WIDTH + NODE_GAP) - NODE_GAP);
    }
    const edges: Record<string, (readonly [number, number])[]> = {};
    for (const e of visible.edges) {
        const a = boxes[e.source], b = boxes[e.target];
        if (a && b) edges[e.id] = [[a.x + a.width / 2, a.y + a.height], [b.x + b.width / 2, b.y]];
    }
    return { key: `${key}#quick`, width, height: rows.size * (NODE_HEIGHT + LAYER_GAP) + GRAPH_HEADER, boxes, edges };
}
