/**
 * Where a router sends a packet: a set of its six outgoing links and a set of its chip's PEs.
 * PEs are a bigint bit set, so any number of PEs fits (18 cores on SpiNNaker1, 152 PEs on
 * SpiNNaker2). Route sets are immutable values; compare them with `equals` or by `id`.
 */
export class RouteSet {
    /** The string that identifies the route: equal routes have equal ids. */
    readonly id: string;

    /**
     * @param links bit `l` set: the packet leaves on link `l` (0..5).
     * @param pes bit `p` set: the packet is delivered to PE `p` of this chip.
     */
    constructor(
        readonly links: number,
        readonly pes: bigint,
    ) {
        if (!Number.isInteger(links) || links < 0 || links > 0x3f) throw new RangeError(`route links must be a 6-bit set, got ${links}`);
        if (pes < 0n) throw new RangeError('route PEs must be a non-negative bit set');
        this.id = pes === 0n ? `${links}` : `${links}:${pes.toString(16)}`;
    }

    /** The empty route (packets are dropped). */
    static readonly EMPTY = new RouteSet(0, 0n);

    /** A route from link ids and PE numbers. */
    static of(links: Iterable<number>, pes: Iterable<number> = []): RouteSet {
        let l = 0;
        for (const link of links) l |= 1 << link;
        let p = 0n;
        for (const pe of pes) p |= 1n << BigInt(pe);
        return new RouteSet(l, p);
    }

    /**
     * The route of a SpiNNaker routing-table word: bits 0–5 are links, bits 6 and up are cores
     * (the format of the published routing-table files).
     */
    static fromWord(word: number): RouteSet {
        return new RouteSet(word & 0x3f, BigInt(word >>> 6));
    }

    /** True when both sets hold the same links and PEs. */
    equals(other: RouteSet): boolean {
        return this.links === other.links && this.pes === other.pes;
    }

    /** This route plus the links and PEs of another. */
    union(other: RouteSet): RouteSet {
        return new RouteSet(this.links | other.links, this.pes | other.pes);
    }

    /** True when the route has no link and no PE. */
    get isEmpty(): boolean {
        return this.links === 0 && this.pes === 0n;
    }

    /** The link ids, ascending. */
    linkIds(): number[] {
        return bitIndices(this.links);
    }

    /** The PE numbers, ascending. */
    peIds(): number[] {
        const out: number[] = [];
        for (let p = this.pes, i = 0; p !== 0n; p >>= 1n, i++) if (p & 1n) out.push(i);
        return out;
    }

    /** A short readable form, `E,N;pe1,pe7` (`-` when empty). */
    toString(): string {
        const names = this.linkIds().map((l) => LINK_NAMES[l]);
        const pes = this.peIds().map((p) => `pe${p}`);
        const parts = [names.join(','), pes.join(',')].filter((part) => part !== '');
        return parts.length === 0 ? '-' : parts.join(';');
    }
}

/** Link names by id. */
export const LINK_NAMES: readonly string[] = ['E', 'NE', 'N', 'W', 'SW', 'S'];

/** The set bit positions of a small non-negative integer, ascending. */
export function bitIndices(bits: number): number[] {
    const out: number[] = [];
    for (let i = 0; bits !== 0; i++, bits >>>= 1) if (bits & 1) out.push(i);
    return out;
}
