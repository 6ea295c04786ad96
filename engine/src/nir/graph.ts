import type { Origin } from './origin.js';
import type { NirDict, NirValue } from './value.js';

/**
 * One NIR node as read from a file or spec, before any interpretation: its type string, its
 * parameters by their on-disk names, its metadata, and (for `NIRGraph`) its children and edges.
 * Unknown types and parameters are kept, so checks can report them and writers can keep them.
 */
export interface NirNode {
    /** The node's name in its parent graph (`''` for the root node). */
    readonly name: string;
    /** The `type` string exactly as written (`LIF`, `NIRGraph`, …). */
    readonly type: string;
    /** Parameters in the order written, excluding `type`, `metadata`, `nodes` and `edges`. */
    readonly params: ReadonlyMap<string, NirValue>;
    /**
     * Parameters that are written but whose value could not be read (already reported by the
     * reader): later checks count them as present, so one bad value gives one problem.
     */
    readonly unreadParams?: ReadonlySet<string>;
    /** The `metadata` group; empty when absent. */
    readonly metadata: NirDict;
    /** Child nodes by name, for `NIRGraph` nodes; absent otherwise. */
    readonly nodes?: ReadonlyMap<string, NirNode>;
    /** Edges between children, for `NIRGraph` nodes; absent otherwise. */
    readonly edges?: readonly NirEdge[];
    /** The whole node: `span` is its value, `keySpan` its name. */
    readonly origin: Origin;
    /** The origin of the `type` value, for problems about the type. */
    readonly typeOrigin: Origin;
}

/** A directed edge `source → target` between two nodes of the same graph. */
export interface NirEdge {
    readonly source: string;
    readonly target: string;
    /** The edge as a whole (`/node/edges/3`). */
    readonly origin: Origin;
    /** The source name's own location (narrower than the edge, in YAML). */
    readonly sourceOrigin: Origin;
    /** The target name's own location. */
    readonly targetOrigin: Origin;
}

/** A whole NIR document: a version string and one root node (normally a `NIRGraph`). */
export interface NirDocument {
    /** The `/version` string, when the file has one. */
    readonly version?: string;
    readonly root: NirNode;
}

/** True when the node has the parameter, read or written with a value that could not be read. */
export function hasParam(node: NirNode, name: string): boolean {
    return node.params.has(name) || (node.unreadParams?.has(name) ?? false);
}

/** The child node names of a graph in a stable order (as written). */
export function childNames(graph: NirNode): string[] {
    return graph.nodes ? [...graph.nodes.keys()] : [];
}
