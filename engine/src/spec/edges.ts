import type { Node as YamlNode, Scalar } from 'yaml';
import { isScalar, isSeq } from './yaml-ast.js';
import type { NirEdge } from '../nir/graph.js';
import type { Origin } from '../nir/origin.js';
import { describeNode, isNullScalar, type SpecContext } from './spec-context.js';

/**
 * A graph's `edges:`: each item is `[source, target]` or the string `"source -> target"`. Every
 * edge keeps its own origin (`/node/edges/3`) and the spans of the two names alone, so a dangling
 * target is underlined on its name.
 */

const ARROW = /^\s*(\S(?:.*\S)?)\s*->\s*(\S(?:.*\S)?)\s*$/;

/** Lowers an `edges:` list; malformed items are reported as `spec/bad-edge` and left out. */
export function lowerEdges(ctx: SpecContext, graphPath: string, node: YamlNode | undefined, key: YamlNode | undefined): NirEdge[] {
    const edges: NirEdge[] = [];
    if (isNullScalar(node)) return edges;
    if (!node || !isSeq(node)) {
        ctx.report({ code: 'spec/unexpected-value', message: `edges is a list of [source, target] pairs; found ${describeNode(node)}.`, origin: ctx.origin(`${graphPath}/edges`, node, key) });
        return edges;
    }
    (node.items as YamlNode[]).forEach((raw, index) => {
        const item = ctx.deref(raw);
        const edge = lowerEdge(ctx, `${graphPath}/edges/${index}`, item, raw);
        if (edge) edges.push(edge);
    });
    return edges;
}

function lowerEdge(ctx: SpecContext, path: string, item: YamlNode | undefined, raw: YamlNode): NirEdge | undefined {
    const origin = ctx.origin(path, raw);
    if (item && isSeq(item)) {
        const ends = (item.items as YamlNode[]).map((end) => ctx.deref(end));
        const [source, target] = ends;
        if (ends.length === 2 && isName(source) && isName(target)) {
            return {
                source: ctx.scalarText(source),
                target: ctx.scalarText(target),
                origin,
                sourceOrigin: ctx.origin(path, source),
                targetOrigin: ctx.origin(path, target),
            };
        }
    } else if (item && isScalar(item) && typeof item.value === 'string') {
        const match = ARROW.exec(item.value);
        if (match) return { source: match[1], target: match[2], origin, ...nameOrigins(ctx, path, item, match[1], match[2], origin) };
    }
    ctx.report({ code: 'spec/bad-edge', message: `An edge is [source, target] or "source -> target"; found ${describeNode(item)}.`, origin });
    return undefined;
}

function isName(node: YamlNode | undefined): node is Scalar {
    return !!node && isScalar(node) && !isNullScalar(node) && typeof node.value !== 'object';
}

/** The spans of the two names inside an `a -> b` string, found in its source text. */
function nameOrigins(ctx: SpecContext, path: string, scalar: Scalar, source: string, target: string, whole: Origin): Pick<NirEdge, 'sourceOrigin' | 'targetOrigin'> {
    const span = ctx.span(scalar);
    if (!span) return { sourceOrigin: whole, targetOrigin: whole };
    const text = ctx.text.slice(span.start, span.end);
    const arrow = text.indexOf('->');
    const sourceAt = text.indexOf(source);
    const targetAt = text.indexOf(target, arrow < 0 ? 0 : arrow + 2);
    const at = (offset: number, name: string): Origin =>
        offset < 0 ? whole : { path, span: { start: span.start + offset, end: span.start + offset + name.length } };
    return { sourceOrigin: at(sourceAt, source), targetOrigin: at(targetAt, target) };
}
