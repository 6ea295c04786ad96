import type { Document, Node as YamlNode } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from './yaml-ast.js';

/**
 * YAML anchors and aliases (`&lif_params`, `*lif_params`): which node each alias stands for, and
 * how many nodes the document has once every alias is expanded, so that an alias bomb (a few
 * lines that expand to billions of values) is refused before anything walks it.
 */
export interface AliasTable {
    /** The anchored node of each alias (undefined when no earlier anchor has its name). */
    readonly targets: ReadonlyMap<YamlNode, YamlNode | undefined>;
    /** The node count with aliases expanded; `Infinity` for an alias inside its own anchor. */
    readonly expandedSize: number;
    /** Aliases with no earlier anchor of their name. */
    readonly unresolved: readonly YamlNode[];
}

const MAX_WALK_DEPTH = 10_000;

/** Resolves every alias in document order and measures the expanded document. */
export function resolveAliases(doc: Document, text: string): AliasTable {
    // Without a '*' anywhere there is no alias: skip the walk (it is a few percent of a parse).
    if (!text.includes('*')) return { targets: new Map(), expandedSize: 0, unresolved: [] };
    const anchors = new Map<string, YamlNode>();
    const sizes = new Map<YamlNode, number>();
    const targets = new Map<YamlNode, YamlNode | undefined>();
    const unresolved: YamlNode[] = [];

    const measure = (node: unknown, depth: number): number => {
        if (!node || depth > MAX_WALK_DEPTH) return depth > MAX_WALK_DEPTH ? Infinity : 0;
        if (isAlias(node)) {
            const target = anchors.get(node.source);
            targets.set(node, target);
            if (!target) unresolved.push(node);
            // A target still being measured is an ancestor: the alias would expand forever.
            return target ? (sizes.get(target) ?? Infinity) : 1;
        }
        if (isPair(node)) return measure(node.key, depth + 1) + measure(node.value, depth + 1);
        const anchored = node as YamlNode;
        if (anchored.anchor) anchors.set(anchored.anchor, anchored);
        let size = 1;
        if (isMap(node) || isSeq(node)) for (const item of node.items) size += measure(item, depth + 1);
        else if (!isScalar(node)) return 1;
        if (anchored.anchor) sizes.set(anchored, size);
        return size;
    };
    const expandedSize = measure(doc.contents, 0);
    return { targets, expandedSize, unresolved };
}
