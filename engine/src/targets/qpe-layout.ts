/**
 * Where a PE sits on a SpiNNaker2 chip: 38 quad processing elements (QPEs) of 4 PEs on a grid of
 * columns qx 1..7 and rows qy 1..6 with holes at (4,3), (4,4), (7,3), (7,4) (SpiNNMachine
 * version_spin2.py QUAD_MAP). NIRmesh numbers application PEs 0..151 QPE by QPE,
 * row by row from (1,1), so consecutive PEs share a QPE and its local links.
 */
const HOLES = new Set(['4,3', '4,4', '7,3', '7,4']);

/** The QPEs in PE order, as [qx, qy]. */
export const QPE_GRID: readonly (readonly [number, number])[] = Array.from({ length: 6 }, (_, row) => row + 1).flatMap((qy) =>
    Array.from({ length: 7 }, (_, col) => col + 1)
        .filter((qx) => !HOLES.has(`${qx},${qy}`))
        .map((qx) => [qx, qy] as const),
);

/** The QPE (qx, qy) and the position qp 0..3 in it of application PE `pe` (0..151). */
export function qpeOf(pe: number, pesPerQpe = 4): { qx: number; qy: number; qp: number } | undefined {
    const cell = QPE_GRID[Math.floor(pe / pesPerQpe)];
    if (!cell || pe < 0 || !Number.isInteger(pe)) return undefined;
    return { qx: cell[0], qy: cell[1], qp: pe % pesPerQpe };
}
