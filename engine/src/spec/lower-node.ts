import type { Node as YamlNode } from 'yaml';
import { isMap, isScalar } from './yaml-ast.js';
import type { NirEdge, NirNode } from '../nir/graph.js';
import type { NirValue } from '../nir/value.js';
import type { NodeKind } from '../plugins/node-kind.js';
import { describeNode, isNullScalar, type MapEntry, type SpecContext } from './spec-context.js';
import { lowerParam } from './lower-param.js';
import { lowerMetadata } from './metadata.js';
import { lowerEdges } from './edges.js';
import { readShape } from './shape-and-dtype.js';
import { elementShape } from './element-shape.js';
import { isDeferred, type Lowered } from './lowered.js';
import { MAX_NESTING } from './prescan.js';
import { hasYamlOnlyShape, paramKindOf } from './param-kinds.js';

/**
 * One node: its `type`, its parameters (read by the registered kind's parameter kinds), its
 * `metadata`, and for graphs its `nodes` and `edges`. Unknown types and parameters are kept for
 * the graph checks to report. Scalars that broadcast are finished once the node's element shape
 * is known (see `elementShape`).
 */

/** Keys of a node mapping that are not parameters. */
const STRUCTURE_KEYS = new Set(['type', 'nodes', 'edges', 'metadata']);

/** Where a node sits: its name in its graph, its tree path, and its key and value in the YAML. */
export interface NodeSite {
    readonly name: string;
    readonly path: string;
    readonly key?: YamlNode;
    readonly node?: YamlNode;
    readonly depth: number;
}

/** Lowers a node; reports and returns undefined when it is not a mapping at all. */
export function lowerNode(ctx: SpecContext, site: NodeSite): NirNode | undefined {
    const origin = ctx.origin(site.path, site.node, site.key);
    if (site.depth > MAX_NESTING) {
        ctx.report({ code: 'spec/too-large', message: `Graphs are nested more than ${MAX_NESTING} levels deep.`, origin });
        return undefined;
    }
    if (!site.node || !isMap(site.node)) {
        ctx.report({ code: 'spec/unexpected-value', message: `A node is a mapping with a type: key (e.g. {type: LIF, …}); found ${describeNode(site.node)}.`, origin: ctx.problemOrigin(site.path, site.node, site.key) });
        return undefined;
    }
    const entries = ctx.entries(site.node);
    const typeEntry = entries.find((e) => e.name === 'type');
    const type = readType(ctx, site, typeEntry);
    const kind = type ? ctx.options.nodeKinds?.(type) : undefined;
    const yamlOnlyShape = hasYamlOnlyShape(kind);

    let yamlShape: number[] | undefined;
    let yamlShapeFailed = false;
    const lowered: [string, Lowered][] = [];
    for (const entry of entries) {
        if (STRUCTURE_KEYS.has(entry.name)) continue;
        const path = `${site.path}/${entry.name}`;
        if (entry.name === 'shape' && yamlOnlyShape) {
            yamlShape = readShape(ctx, entry.value, ctx.problemOrigin(path, entry.value, entry.keyNode));
            yamlShapeFailed = yamlShape === undefined;
            continue;
        }
        lowered.push([entry.name, lowerParam(ctx, { path, key: entry.keyNode, node: entry.value }, paramKindOf(kind, entry.name))]);
    }
    const { params, unreadParams } = finishParams(lowered, yamlShape ?? shapeParam(lowered), yamlShapeFailed, type, kind);
    const metadataEntry = entries.find((e) => e.name === 'metadata');
    const result: NirNode = {
        name: site.name,
        type,
        params,
        unreadParams,
        metadata: lowerMetadata(ctx, `${site.path}/metadata`, metadataEntry?.value, metadataEntry?.keyNode),
        ...children(ctx, site, entries),
        origin,
        typeOrigin: ctx.origin(`${site.path}/type`, typeEntry?.value, typeEntry?.keyNode ?? site.key),
    };
    return result;
}

function readType(ctx: SpecContext, site: NodeSite, entry: MapEntry | undefined): string {
    if (!entry) {
        ctx.report({ code: 'spec/missing-type', message: `Node${site.name ? ` '${site.name}'` : ''} has no type: add e.g. type: LIF.`, origin: { path: `${site.path}/type`, span: ctx.span(site.key) ?? firstLine(ctx, site.node) } });
        return '';
    }
    if (entry.value && isScalar(entry.value) && !isNullScalar(entry.value)) {
        if (typeof entry.value.value !== 'string') {
            ctx.report({ code: 'spec/unexpected-value', message: `type is a node type name such as LIF; found ${describeNode(entry.value)}.`, origin: ctx.origin(`${site.path}/type`, entry.value, entry.keyNode) });
        }
        return ctx.scalarText(entry.value);
    }
    ctx.report({ code: 'spec/missing-type', message: `type needs a node type name such as LIF; found ${describeNode(entry.value)}.`, origin: ctx.problemOrigin(`${site.path}/type`, entry.value, entry.keyNode) });
    return '';
}

function firstLine(ctx: SpecContext, node: YamlNode | undefined): { start: number; end: number } | undefined {
    const span = ctx.span(node);
    if (!span) return undefined;
    const lineEnd = ctx.text.slice(span.start, span.end).search(/[\r\n]/);
    return lineEnd < 0 ? span : { start: span.start, end: span.start + lineEnd };
}

/** The values of a `shape` parameter (Input, Output, or a node of unknown kind), as the element shape. */
function shapeParam(lowered: readonly [string, Lowered][]): number[] | undefined {
    const value = lowered.find(([name]) => name === 'shape')?.[1];
    if (!value || value.kind !== 'tensor' || value.source.kind !== 'dense' || value.shape.length !== 1) return undefined;
    return Array.from(value.source.data as BigInt64Array, Number);
}

/**
 * Finishes deferred scalars with the node's element shape, keeping the written order. A value
 * that failed, or a scalar left without a shape because another value (or the `shape:` key)
 * failed, is returned among the unread parameters: it was written, so no later check calls it absent.
 * A node whose scalars have no shape to take gets one `spec/broadcast-shape-unknown`, at the first.
 */
function finishParams(
    lowered: readonly [string, Lowered][],
    yamlShape: number[] | undefined,
    yamlShapeFailed: boolean,
    type: string,
    kind: NodeKind | undefined,
): { params: Map<string, NirValue>; unreadParams: Set<string> } {
    const ready = new Map<string, NirValue>();
    for (const [name, value] of lowered) if (value && !isDeferred(value)) ready.set(name, value);
    const shape = lowered.some(([, v]) => isDeferred(v)) ? elementShape(yamlShape, ready, type, kind) : undefined;
    // One missing shape is one problem: only the first scalar without a shape reports it.
    // A node of unknown type gets only nir/unknown-type: its scalars have no shape rule to wait for.
    let quiet = kind === undefined || yamlShapeFailed || lowered.some(([, v]) => v === undefined);
    const params = new Map<string, NirValue>();
    const unreadParams = new Set<string>();
    for (const [name, value] of lowered) {
        const final = isDeferred(value) ? value.resolve(shape, quiet) : value;
        if (final) params.set(name, final);
        else unreadParams.add(name);
        if (!shape && isDeferred(value)) quiet = true;
    }
    return { params, unreadParams };
}

/** The `nodes` and `edges` of a graph (present only when written). */
function children(ctx: SpecContext, site: NodeSite, entries: readonly MapEntry[]): { nodes?: Map<string, NirNode>; edges?: NirEdge[] } {
    const nodesEntry = entries.find((e) => e.name === 'nodes');
    const edgesEntry = entries.find((e) => e.name === 'edges');
    const result: { nodes?: Map<string, NirNode>; edges?: NirEdge[] } = {};
    if (nodesEntry) {
        const nodes = new Map<string, NirNode>();
        const value = nodesEntry.value;
        if (value && isMap(value)) {
            for (const child of ctx.entries(value)) {
                const node = lowerNode(ctx, { name: child.name, path: `${site.path}/nodes/${child.name}`, key: child.keyNode, node: child.value, depth: site.depth + 1 });
                if (node) nodes.set(child.name, node);
            }
        } else if (!isNullScalar(value)) {
            ctx.report({ code: 'spec/unexpected-value', message: `nodes is a mapping from node names to nodes; found ${describeNode(value)}.`, origin: ctx.origin(`${site.path}/nodes`, value, nodesEntry.keyNode) });
        }
        result.nodes = nodes;
    }
    if (edgesEntry) result.edges = lowerEdges(ctx, site.path, edgesEntry.value, edgesEntry.keyNode);
    return result;
}
