import type { ChipCoord } from '../routing/types.js';

/**
 * The 48 chips of a SpiNNaker 48-chip board, relative to its Ethernet chip (0, 0), inside an 8 × 8
 * box: column x holds the chips from `LOW_Y[x]` to `HIGH_Y[x]`. Source: SpiNNMachine
 * version_248.py CHIPS_PER_BOARD keys and version_48_chips.py board_shape (8, 8).
 */
const LOW_Y = [0, 0, 0, 0, 0, 1, 2, 3];
const HIGH_Y = [3, 4, 5, 6, 7, 7, 7, 7];

/** Width and height of one board's bounding box (SpiNNMachine version_48_chips.py board_shape). */
export const BOARD_SIDE = 8;

/** The board's chip offsets, column by column. */
export const BOARD_CHIPS: readonly ChipCoord[] = LOW_Y.flatMap((low, x) =>
    Array.from({ length: HIGH_Y[x] - low + 1 }, (_, i) => ({ x, y: low + i })),
);

/**
 * The Ethernet chips of the three boards of the triad at (tx, ty): (0,0), (4,8) and (8,4) from the
 * triad's corner, which tile a 12 × 12 area (SpiNNMachine spinnaker_triad_geometry.py).
 */
export function triadBoardRoots(tx: number, ty: number): ChipCoord[] {
    const x = 12 * tx;
    const y = 12 * ty;
    return [{ x, y }, { x: x + 4, y: y + 8 }, { x: x + 8, y: y + 4 }];
}
