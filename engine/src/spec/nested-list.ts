import type { Node as YamlNode, YAMLSeq } from 'yaml';
import { isSeq } from './yaml-ast.js';
import type { Origin } from '../nir/origin.js';
import { MAX_NESTING } from './prescan.js';
import type { SpecContext } from './spec-context.js';

/** A nested YAML list read as an n-dimensional array: its shape and its leaves in row-major order. */
export interface NestedList {
    readonly shape: number[];
    /** The leaf nodes (aliases resolved), row-major; not yet checked to be numbers. */
    readonly leaves: YamlNode[];
}

/**
 * Reads `[[1, 2], [3, 4]]` as shape `[2, 2]` with four leaves. The first element at each depth sets
 * the shape; any list that disagrees is reported as `spec/ragged-list` at that list. Returns
 * undefined after reporting.
 */
export function readNestedList(ctx: SpecContext, seq: YAMLSeq, origin: Origin): NestedList | undefined {
    const shape: number[] = [];
    let probe: YamlNode | undefined = seq;
    while (probe && isSeq(probe)) {
        if (shape.length >= MAX_NESTING) {
            ctx.report({ code: 'spec/too-large', message: `Lists are nested more than ${MAX_NESTING} levels deep.`, origin: { ...origin, span: ctx.span(probe) } });
            return undefined;
        }
        shape.push(probe.items.length);
        probe = probe.items.length > 0 ? ctx.deref(probe.items[0] as YamlNode) : undefined;
    }
    const leaves: YamlNode[] = [];
    return collect(ctx, seq, shape, 0, leaves, origin) ? { shape, leaves } : undefined;
}

function collect(ctx: SpecContext, seq: YAMLSeq, shape: number[], depth: number, leaves: YamlNode[], origin: Origin): boolean {
    if (seq.items.length !== shape[depth]) {
        const where = depth === 0 ? 'the list' : `this list (at depth ${depth})`;
        ctx.report({ code: 'spec/ragged-list', message: `Ragged list: ${where} has ${seq.items.length} element${seq.items.length === 1 ? '' : 's'} but the first list at this depth has ${shape[depth]}; every row of an array must have the same length.`, origin: { ...origin, span: ctx.span(seq) } });
        return false;
    }
    const inner = depth + 1 < shape.length;
    for (const raw of seq.items as YamlNode[]) {
        const item = ctx.deref(raw);
        if (inner) {
            if (!item || !isSeq(item)) {
                ctx.report({ code: 'spec/ragged-list', message: `Ragged list: expected a list of ${shape[depth + 1]} here, like its siblings, but found a single value.`, origin: { ...origin, span: ctx.span(raw) } });
                return false;
            }
            if (!collect(ctx, item, shape, depth + 1, leaves, origin)) return false;
        } else if (item && isSeq(item)) {
            ctx.report({ code: 'spec/ragged-list', message: 'Ragged list: this element is a list but its siblings are single values.', origin: { ...origin, span: ctx.span(raw) } });
            return false;
        } else {
            leaves.push(item ?? (raw as YamlNode));
        }
    }
    return true;
}
