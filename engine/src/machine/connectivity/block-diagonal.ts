import type { Connectivity, IndexRange, Reach } from './types.js';

function gcd(a: number, b: number): number {
    return b === 0 ? a : gcd(b, a % b);
}

/**
 * `groups` independent copies of a block's connectivity side by side (a weight `[G, out, in]`:
 * group g maps pre neurons g·in … to post neurons g·out …). Every question is answered block by
 * block for the blocks a range touches, so the cost follows the slice, not the matrix.
 */
export function blockDiagonal(groups: number, block: Connectivity): Connectivity {
    if (groups === 1) return block;
    const out = block.postSize;
    const inputs = block.preSize;
    const eachBlock = <T>(first: number, count: number, side: number, visit: (g: number, localFirst: number, localCount: number) => T): T[] => {
        const results: T[] = [];
        if (side === 0) return results;
        const end = Math.min(first + count, groups * side);
        for (let g = Math.floor(first / side); g * side < end; g++) {
            const a = Math.max(first, g * side);
            const b = Math.min(end, (g + 1) * side);
            results.push(visit(g, a - g * side, b - a));
        }
        return results;
    };
    const shifted = (reach: Reach, offset: number, side: number): IndexRange[] =>
        reach === 'all' ? [[offset, offset + side]] : reach.map(([a, b]) => [a + offset, b + offset] as const);
    return {
        kind: block.kind, exact: block.exact, preSize: groups * inputs, postSize: groups * out, synapses: groups * block.synapses,
        slicePeriod: (n) => (block.slicePeriod(n) === 1 ? out / gcd(n, out) : Infinity),
        fanIn: () => block.fanIn(),
        load(first, count, format) {
            const parts = eachBlock(first, count, out, (_g, a, n) => block.load(a, n, format));
            return parts.reduce((sum, l) => ({ rows: sum.rows + l.rows, synapses: sum.synapses + l.synapses, bytes: sum.bytes + l.bytes }), { rows: 0, synapses: 0, bytes: 0 });
        },
        reach: (first, count) => eachBlock(first, count, inputs, (g, a, n) => shifted(block.reach(a, n), g * out, out)).flat(),
        sources: (first, count) => eachBlock(first, count, out, (g, a, n) => shifted(block.sources(a, n), g * inputs, inputs)).flat(),
    };
}
