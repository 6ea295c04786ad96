import type { Origin } from '../nir/origin.js';
import type { Problem } from '../diagnostics/problem.js';
import type { RouteSet } from './route-set.js';

/** A chip's position in the mesh. */
export interface ChipCoord {
    readonly x: number;
    readonly y: number;
}

/**
 * One of a chip's six links, numbered as SpiNNaker routers number them:
 * 0 E (+1,0), 1 NE (+1,+1), 2 N (0,+1), 3 W (−1,0), 4 SW (−1,−1), 5 S (0,−1).
 * The opposite of link `l` is `(l + 3) % 6`.
 */
export type LinkId = 0 | 1 | 2 | 3 | 4 | 5;

/**
 * The chip mesh of a target: a width × height grid of chip coordinates, possibly wrapping around
 * in either dimension (a torus when both wrap), in which some coordinates may hold no chip (a
 * 48-chip board fills only part of its 8 × 8 bounding box).
 */
export interface MeshTopology {
    readonly width: number;
    readonly height: number;
    readonly wrapX: boolean;
    readonly wrapY: boolean;
    /** True when a working chip sits at (x, y); called only with 0 ≤ x < width, 0 ≤ y < height. */
    hasChip(x: number, y: number): boolean;
}

/**
 * One routing-table entry: a packet whose 32-bit key `k` satisfies `(k & mask) === key` takes
 * `route`; the first matching entry of a table wins. `key` and `mask` are unsigned (`>>> 0`), and
 * `key` has no bit set outside `mask`.
 */
export interface RoutingEntry {
    readonly key: number;
    readonly mask: number;
    readonly route: RouteSet;
    /**
     * The links the matched packets arrive on (bits 0–5, as the routing-table files store it);
     * 0 or absent when they are sent by a PE of this chip or the arrival is unknown. It decides
     * whether the entry may be left to default routing (see `isDefaultRoutable`).
     */
    readonly source?: number;
}

/** A PE (core) of a chip, as a multicast destination. */
export interface ChipPe {
    readonly chip: ChipCoord;
    readonly pe: number;
}

/**
 * The packets of one population slice: every key `k` with `(k & mask) === key` is sent from a PE
 * on `chip` and must reach every destination PE. The mapper allocates one per slice.
 */
export interface MulticastSource {
    readonly key: number;
    readonly mask: number;
    readonly chip: ChipCoord;
    readonly destinations: readonly ChipPe[];
    /** Where the slice comes from in the NIR model, for problems about it. */
    readonly origin?: Origin;
}

/** What one chip of a multicast tree does with the tree's packets. */
export interface TreeNode {
    readonly chip: ChipCoord;
    /** The link the packets arrive on; undefined at the source chip. */
    readonly arrival: LinkId | undefined;
    /** Outgoing links and local destination PEs. */
    readonly route: RouteSet;
}

/** The multicast tree of one source: its chips in breadth-first order, the source chip first. */
export interface MulticastTree {
    /** The index of the source in the `sources` given to `buildRoutingTables`. */
    readonly sourceIndex: number;
    readonly nodes: readonly TreeNode[];
}

/** The largest PE count a route can name when the caller gives none (bounds the PE bit sets). */
export const MAX_PES_PER_CHIP = 1024;

/** Options of `buildRoutingTables`. */
export interface BuildRoutingOptions {
    /**
     * Number of PEs per chip, to reject bad PE numbers (152 on SpiNNaker2, 18 on SpiNNaker1);
     * default `MAX_PES_PER_CHIP`.
     */
    readonly pesPerChip?: number;
}

/** The routing of a set of sources on a mesh. */
export interface RoutingResult {
    /**
     * Each chip's complete table, keyed `"x,y"`: one entry per tree through the chip, in source
     * order, each with the link its packets arrive on (`source`). Entries that default routing
     * handles are kept (a router needs none; `isDefaultRoutable` tells them): a minimiser must see
     * them to keep other entries off their keys. `minimiseTable` drops them. Chips no tree
     * passes through are absent.
     */
    readonly tables: Map<string, RoutingEntry[]>;
    /** Entries per chip before minimisation (one per tree passing through it, default routes included). */
    readonly uncompressedSizes: Map<string, number>;
    /** Per chip `"x,y"`: how many trees use each outgoing link (index = link id). */
    readonly linkLoads: Map<string, Uint32Array>;
    /** One tree per routable source, for the simulator. */
    readonly trees: MulticastTree[];
    readonly problems: Problem[];
}

/** Options of `minimiseTable`. */
export interface MinimiseOptions {
    /**
     * Stop merging as soon as the table has at most this many entries (the published ordered
     * covering does this with 1023/1024). Default 0: minimise as far as the algorithm goes.
     */
    readonly targetSize?: number;
    /** Drop entries that default routing handles (needs `source`); default true. */
    readonly removeDefaultRoutes?: boolean;
}

/** Options of `verifyTable`. */
export interface VerifyOptions {
    /** Whether keys may be left to default routing in the minimised table; default true. */
    readonly allowDefaultRoutes?: boolean;
}

/** What a key does in a table: the route of its first matching entry, or `'default'` when none matches. */
export type KeyOutcome = RouteSet | 'default';

/** The verifier's answer: equal, or one key that the minimised table routes differently. */
export type VerifyResult =
    | { readonly ok: true }
    | {
          readonly ok: false;
          /** A key routed differently (unsigned). */
          readonly key: number;
          /** The route the original gives it (its first match, or default routing for a default-routable entry). */
          readonly expected: RouteSet;
          /** What the minimised table does with it. */
          readonly actual: KeyOutcome;
          /** Index of the original entry that matches the key first, and of the minimised one (−1: none). */
          readonly originalIndex: number;
          readonly minimisedIndex: number;
      };
